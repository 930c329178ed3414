import type { Caller, StaffRole } from '../auth/caller';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;

/** The caller as agency staff; the public gets UNAUTHENTICATED, partners FORBIDDEN. */
export function requireStaff(caller: Caller, roles?: readonly StaffRole[]): StaffCaller {
  if (caller.kind === 'public') throw new UnauthenticatedError();
  if (caller.kind !== 'staff') throw new ForbiddenError('Only agency staff may do this');
  if (roles && !roles.includes(caller.role)) {
    throw new ForbiddenError(`Only ${roles.join(' or ')} may do this`);
  }
  return caller;
}

/** Refuses any record of another agency, before reading it (so existence is not revealed). */
export function requireSameAgency(caller: StaffCaller, agencyId: string): void {
  if (caller.agencyId !== agencyId) throw new ForbiddenError('This record belongs to another agency');
}
