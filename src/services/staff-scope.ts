import type { Unit } from '../domain/organization';
import { ForbiddenError } from '../errors/app-error';
import type { StaffCaller } from './access';

/** Whether a unit is the caller's own unit or one of its sub-units (a unit head's reach). */
export function unitInReach(caller: StaffCaller, unit: Pick<Unit, 'id' | 'ancestorIds'>): boolean {
  if (!caller.unitId) return false;
  return unit.id === caller.unitId || unit.ancestorIds.includes(caller.unitId);
}

/**
 * Whether the caller may manage an employee placed in `unit`: administrators anywhere in
 * their agency, unit heads within their unit and its sub-units.
 */
export function canManageIn(caller: StaffCaller, unit: Pick<Unit, 'id' | 'ancestorIds'>): boolean {
  if (caller.role === 'ADMIN') return true;
  return caller.role === 'UNIT_HEAD' && unitInReach(caller, unit);
}

/** Whether the caller is this employee. */
export function isSelf(caller: StaffCaller, employeeId: string): boolean {
  return caller.employeeId === employeeId;
}

/** Refuses unless the caller manages the unit or is the employee themself (when `selfAllowed`). */
export function requireManagerOrSelf(
  caller: StaffCaller,
  unit: Pick<Unit, 'id' | 'ancestorIds'>,
  employeeId: string,
  selfAllowed: boolean,
): void {
  if (canManageIn(caller, unit) || (selfAllowed && isSelf(caller, employeeId))) return;
  throw new ForbiddenError(
    selfAllowed
      ? 'Only an administrator, the head of the unit or the employee themself may do this'
      : 'Only an administrator or the head of the unit may do this',
  );
}
