import type { OrganizationRepository } from '../data/repositories/organization-repository';
import type { Employee } from '../domain/employee';
import { ForbiddenError } from '../errors/app-error';
import type { StaffCaller } from './access';
import { requireSameAgency, requireStaff } from './access';
import type { RequestScope } from './request-scope';
import { unitInReach } from './staff-scope';

/**
 * Who sees which records inside an agency (the agency itself is checked first, always):
 * administrators everything; unit heads what belongs to their unit and its sub-units; employees
 * their own records. Personal data (UU 27/2022) — contacts — only administrators and the person.
 */
export function createVisibility(organization: OrganizationRepository) {
  const reachCache = new WeakMap<RequestScope, Promise<string[]>>();

  /** Ids of the units in a unit head's reach (loaded once per request). */
  function unitsInReach(scope: RequestScope, caller: StaffCaller): Promise<string[]> {
    let found = reachCache.get(scope);
    if (!found) {
      found = organization
        .allUnits(caller.agencyId)
        .then((units) => units.filter((u) => unitInReach(caller, u)).map((u) => u.id));
      reachCache.set(scope, found);
    }
    return found;
  }

  /** Whether a record of a unit (feedback, an enrollment, an employee's placement) is the caller's to see. */
  async function canSeeUnit(scope: RequestScope, caller: StaffCaller, unitId: string): Promise<boolean> {
    if (caller.role === 'ADMIN') return true;
    if (caller.role === 'EMPLOYEE') return caller.unitId === unitId;
    return (await unitsInReach(scope, caller)).includes(unitId);
  }

  return {
    unitsInReach,
    canSeeUnit,

    /** Whether the caller may see an employee's own record (development history, appraisals): admins, heads in reach, the person. */
    async canSeeEmployee(
      scope: RequestScope,
      employee: Pick<Employee, 'agencyId' | 'id' | 'unitId'>,
    ): Promise<boolean> {
      const caller = scope.caller;
      if (caller.kind !== 'staff' || caller.agencyId !== employee.agencyId) return false;
      if (caller.role === 'EMPLOYEE') return caller.employeeId === employee.id;
      return canSeeUnit(scope, caller, employee.unitId);
    },

    /** Refuses with FORBIDDEN unless the caller may see this employee's own record. */
    async requireEmployee(
      scope: RequestScope,
      employee: Pick<Employee, 'agencyId' | 'id' | 'unitId'>,
    ): Promise<void> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, employee.agencyId);
      if (!(await this.canSeeEmployee(scope, employee))) {
        throw new ForbiddenError(
          "Only an administrator, the head of the employee's unit or the employee may see this",
        );
      }
    },

    /** Whether the caller may read an employee's contacts (e-mail, phone): administrators and the person. */
    canSeeContacts(scope: RequestScope, employee: Pick<Employee, 'agencyId' | 'id'>): boolean {
      const caller = scope.caller;
      if (caller.kind !== 'staff' || caller.agencyId !== employee.agencyId) return false;
      return caller.role === 'ADMIN' || caller.employeeId === employee.id;
    },

    /**
     * The unit ids a list must be limited to: undefined for administrators (no limit), the
     * reach for unit heads, the own unit for employees. A requested unit outside it is FORBIDDEN.
     */
    async listScope(
      scope: RequestScope,
      caller: StaffCaller,
      requestedUnitId?: string,
    ): Promise<string[] | undefined> {
      if (caller.role === 'ADMIN') return undefined;
      const allowed =
        caller.role === 'EMPLOYEE'
          ? caller.unitId
            ? [caller.unitId]
            : []
          : await unitsInReach(scope, caller);
      if (requestedUnitId && !allowed.includes(requestedUnitId))
        throw new ForbiddenError('This unit is outside your reach');
      return requestedUnitId ? [requestedUnitId] : allowed;
    },
  };
}

export type Visibility = ReturnType<typeof createVisibility>;
