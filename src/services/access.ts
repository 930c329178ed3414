import type { Caller, StaffRole } from '../auth/caller';
import { PARTNER_READ_SCOPE } from '../auth/token-claims';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;
export type PartnerCaller = Extract<Caller, { kind: 'partner' }>;

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

/**
 * A partner's token must carry the enrollments scope for every read of partner data (the
 * client-credentials grant may issue tokens with other scopes); FORBIDDEN without it.
 */
export function requirePartnerScope(caller: PartnerCaller): PartnerCaller {
  if (!caller.scopes.includes(PARTNER_READ_SCOPE))
    throw new ForbiddenError(`The token lacks the scope ${PARTNER_READ_SCOPE}`);
  return caller;
}

/** The caller as a partner institution with the enrollments scope; the public gets UNAUTHENTICATED, staff FORBIDDEN. */
export function requirePartner(caller: Caller): PartnerCaller {
  if (caller.kind === 'public') throw new UnauthenticatedError();
  if (caller.kind !== 'partner') throw new ForbiddenError('Only partner institutions may do this');
  return requirePartnerScope(caller);
}
