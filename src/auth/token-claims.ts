import { UnauthenticatedError } from '../errors/app-error';
import { type Caller, STAFF_ROLES, type StaffRole } from './caller';

/**
 * The claims the API reads, the same from Cognito and from the local issuer:
 * staff access tokens carry `cognito:groups` (the role) and `agency_id` / `unit_id` /
 * `employee_id` (added by the pre-token-generation trigger); partner client-credentials
 * tokens carry `partner_id` and `scope`.
 */
export interface ApiClaims {
  sub?: string;
  client_id?: string;
  scope?: string;
  'cognito:groups'?: string[];
  agency_id?: string;
  unit_id?: string;
  employee_id?: string;
  partner_id?: string;
}

/** Scope a partner token must carry to read enrollment data. */
export const PARTNER_READ_SCOPE = 'pembinaan-asn/enrollments.read';

/** Scope a partner token must carry (beside the read scope) to manage its webhook endpoints. */
export const PARTNER_WEBHOOKS_SCOPE = 'pembinaan-asn/webhooks.manage';

/** Maps verified claims to a caller; a token that names no valid role is refused. */
export function callerFromClaims(claims: ApiClaims): Caller {
  const subject = claims.sub ?? claims.client_id;
  if (!subject) throw new UnauthenticatedError('Token has no subject');
  if (claims.partner_id) {
    const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
    return { kind: 'partner', partnerId: claims.partner_id, subject, scopes };
  }
  const role = (claims['cognito:groups'] ?? []).find((g): g is StaffRole =>
    (STAFF_ROLES as readonly string[]).includes(g),
  );
  if (!role || !claims.agency_id) throw new UnauthenticatedError('Token carries no role or agency');
  return {
    kind: 'staff',
    role,
    agencyId: claims.agency_id,
    unitId: claims.unit_id,
    employeeId: claims.employee_id,
    subject,
    clientId: claims.client_id,
  };
}
