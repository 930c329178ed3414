import { type Idempotency, idempotencyClaimOf } from '../data/idempotency';
import type { Connection, PageArgs } from '../data/paginate';
import type { EmployeeListFilter, EmployeeRepository } from '../data/repositories/employee-repository';
import type { OrganizationRepository } from '../data/repositories/organization-repository';
import { versionConflict } from '../data/versioned-update';
import { jakartaDateOf } from '../domain/calendar-date';
import type { Education } from '../domain/education';
import type { Employee, EmployeeStatus, Position } from '../domain/employee';
import { type GradeExceptionGiven, gradeExceptionOf } from '../domain/employee-career';
import type { Golongan, PppkGrade } from '../domain/golongan';
import type { EmploymentType } from '../domain/nip';
import { newRecord } from '../domain/record';
import { BadUserInputError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import { checkCareerChange, checkedNip, checkNewCareer } from './employee-checks';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';

/** Validated input of createEmployee (shape checked by the resolver, references here). */
export interface CreateEmployeeCommand {
  nip: string;
  name: string;
  unit: Ref;
  employmentType: EmploymentType;
  golongan?: Golongan | undefined;
  pppkGrade?: PppkGrade | undefined;
  position: Position;
  education: Education;
  /** A documented basis for a golongan above the regular promotion path. */
  gradeException?: GradeExceptionGiven | undefined;
  serviceStartDate?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** Validated input of updateEmployee: undefined = unchanged, null = cleared. */
export interface UpdateEmployeeCommand {
  employee: Ref;
  version: number;
  name?: string | undefined;
  unit?: Ref | undefined;
  golongan?: Golongan | undefined;
  pppkGrade?: PppkGrade | undefined;
  position?: Position | undefined;
  education?: Education | undefined;
  gradeException?: GradeExceptionGiven | undefined;
  status?: EmployeeStatus | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

export interface EmployeeServiceDeps {
  employees: EmployeeRepository;
  organization: OrganizationRepository;
  idempotency: Idempotency;
  clock: () => Date;
  newId: () => string;
}

/** Employee list filter: the unit as a reference (checked against the caller's agency). */
export type EmployeeFilter = Omit<EmployeeListFilter, 'unitId' | 'unitIds'> & { unit?: Ref | undefined };

const EDITORS = ['ADMIN'] as const;

/** Employees: reading within the caller's agency, registering and changing them (administrators). */
export function createEmployeeService({
  employees,
  organization,
  idempotency,
  clock,
  newId,
}: EmployeeServiceDeps) {
  const visibility = createVisibility(organization);
  async function requireUnit(scope: RequestScope, unit: Ref, field: string) {
    const found = await organization.getUnit(scope.loader, unit.agencyId, unit.id);
    if (!found) throw BadUserInputError.of(field, 'no such unit in this agency');
    return found;
  }

  return {
    /** An employee as a relation of another record (a mentor, a unit head, a participant): staff of the agency. */
    async get(scope: RequestScope, ref: Ref): Promise<Employee | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      return (await employees.get(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    /** One employee looked up directly: administrators, the head of the employee's unit, the employee. */
    async getVisible(scope: RequestScope, ref: Ref): Promise<Employee | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      const employee = await employees.get(scope.loader, ref.agencyId, ref.id);
      if (employee) await visibility.requireEmployee(scope, employee);
      return employee ?? null;
    },

    /** One employee of the caller's agency by NIP (as `getVisible`), or null. */
    async getByNip(scope: RequestScope, nip: string): Promise<Employee | null> {
      const caller = requireStaff(scope.caller);
      const id = await employees.findIdByNip(scope.loader, caller.agencyId, nip);
      return id ? this.getVisible(scope, { agencyId: caller.agencyId, id }) : null;
    },

    /** Employees of the caller's agency, or of one of its units (a unit head: of their unit and sub-units). */
    async list(scope: RequestScope, filter: EmployeeFilter, page: PageArgs): Promise<Connection<Employee>> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      const { unit, ...rest } = filter;
      if (unit) requireSameAgency(caller, unit.agencyId);
      const unitIds = await visibility.listScope(scope, caller, unit?.id);
      return employees.list(
        caller.agencyId,
        unit ? { ...rest, unitId: unit.id } : { ...rest, unitIds },
        page,
      );
    },

    /** Whether the caller may read this employee's contacts (administrators and the person). */
    canSeeContacts(scope: RequestScope, employee: Employee): boolean {
      return visibility.canSeeContacts(scope, employee);
    },

    /**
     * Registers an employee; the NIP gives gender, birth date and the default start of service.
     * Refused: a NIP that does not fit today or the hire date, and a record that breaks a career
     * rule (golongan beyond the regular path without a documented exception, an Ahli post without
     * a degree, an education below the titles in the name).
     */
    async create(scope: RequestScope, input: CreateEmployeeCommand): Promise<Employee> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.unit.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'createEmployee', input);
      return idempotency.once(
        claim,
        async () => {
          const now = clock();
          const today = jakartaDateOf(now.getTime());
          const { parsed, serviceStartDate } = checkedNip(input, today);
          checkNewCareer(input, serviceStartDate, today);
          await requireUnit(scope, input.unit, 'input.unitId');
          const employee: Employee = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            nip: parsed.nip,
            name: input.name,
            gender: parsed.gender,
            birthDate: parsed.birthDate,
            employmentType: input.employmentType,
            golongan: input.golongan,
            pppkGrade: input.pppkGrade,
            position: input.position,
            education: input.education,
            gradeException: gradeExceptionOf(input.gradeException, input.golongan, now.toISOString()),
            unitId: input.unit.id,
            status: 'ACTIVE',
            serviceStartDate,
            email: input.email,
            phone: input.phone,
          };
          await employees.create(employee, now, claim);
          return employee;
        },
        { type: 'Employee', load: (id) => employees.getLatest(caller.agencyId, id) },
      );
    },

    /** Changes an employee if `version` is current; refuses grade fields that do not fit the employment type. */
    async update(scope: RequestScope, input: UpdateEmployeeCommand): Promise<Employee> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.employee.agencyId);
      const current = await employees.getLatest(input.employee.agencyId, input.employee.id);
      if (!current) throw new NotFoundError('Employee', input.employee.id);
      if (current.version !== input.version) throw versionConflict('Employee', input.version, current);
      if (input.golongan && current.employmentType !== 'PNS') {
        throw BadUserInputError.of('input.golongan', 'only PNS have a golongan; set pppkGrade for PPPK');
      }
      if (input.pppkGrade && current.employmentType !== 'PPPK') {
        throw BadUserInputError.of('input.pppkGrade', 'only PPPK have a PPPK grade; set golongan for PNS');
      }
      if (input.unit) {
        requireSameAgency(caller, input.unit.agencyId);
        await requireUnit(scope, input.unit, 'input.unitId');
      }
      if (input.gradeException && !input.golongan) {
        throw BadUserInputError.of('input.gradeException', 'goes with a new golongan (PNS)');
      }
      const now = clock();
      const golongan = input.golongan ?? current.golongan;
      const next: Employee = {
        ...current,
        name: input.name ?? current.name,
        unitId: input.unit?.id ?? current.unitId,
        golongan,
        pppkGrade: input.pppkGrade ?? current.pppkGrade,
        position: input.position ?? current.position,
        education: input.education ?? current.education,
        // A recorded exception stays with its golongan; a new golongan needs its own, or none.
        gradeException:
          gradeExceptionOf(input.gradeException, input.golongan, now.toISOString()) ??
          (golongan === current.golongan ? current.gradeException : undefined),
        status: input.status ?? current.status,
        email: input.email === undefined ? current.email : (input.email ?? undefined),
        phone: input.phone === undefined ? current.phone : (input.phone ?? undefined),
        version: input.version + 1,
        updatedAt: now.toISOString(),
      };
      checkCareerChange(current, next, input.gradeException, jakartaDateOf(now.getTime()));
      await employees.update(current, next);
      return next;
    },
  };
}

export type EmployeeService = ReturnType<typeof createEmployeeService>;
