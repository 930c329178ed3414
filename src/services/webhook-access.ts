import type { Caller } from '../auth/caller';
import { PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../auth/token-claims';
import { type WebhookEndpoint, webhookTenantOf } from '../domain/webhooks/webhook-endpoint';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireStaff } from './access';

/**
 * Who manages webhooks: a partner (client-credentials token with both `enrollments.read`, since
 * an endpoint receives enrollment data, and `webhooks.manage`) its own endpoints; an agency's
 * ADMIN the endpoints the agency registered for a partner. A partner also sees, read-only, the
 * endpoints agencies registered for it: they carry its programs' data.
 */
export type WebhookManager = { kind: 'partner'; partnerId: string } | { kind: 'agency'; agencyId: string };

/** The caller as a webhook manager; the public UNAUTHENTICATED, other staff and under-scoped partners FORBIDDEN. */
export function requireWebhookManager(caller: Caller): WebhookManager {
  if (caller.kind === 'partner') {
    for (const scope of [PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE])
      if (!caller.scopes.includes(scope)) throw new ForbiddenError(`The token lacks the scope ${scope}`);
    return { kind: 'partner', partnerId: caller.partnerId };
  }
  return { kind: 'agency', agencyId: requireStaff(caller, ['ADMIN']).agencyId };
}

/** The parts of a webhook global id's local part, `<partner>.<endpoint>[.<rest>]`. */
export interface WebhookRef {
  tenant: string;
  partnerId: string;
  endpointId: string;
  rest: string | undefined;
}

/** Splits a decoded webhook id; BAD_USER_INPUT on `field` when it is not one. */
export function webhookRefOf(
  ref: { agencyId: string; id: string },
  field: string,
  withRest: boolean,
): WebhookRef {
  const [partnerId, endpointId, rest, ...more] = ref.id.split('.');
  if (!partnerId || !endpointId || more.length > 0 || (rest === undefined) === withRest)
    throw BadUserInputError.of(field, 'is not a valid id');
  return { tenant: ref.agencyId, partnerId, endpointId, rest };
}

/** Refuses an id outside the manager's reach before anything is read. */
export function requireInReach(manager: WebhookManager, ref: WebhookRef): void {
  const mine =
    manager.kind === 'partner' ? ref.partnerId === manager.partnerId : ref.tenant === manager.agencyId;
  if (!mine) throw new ForbiddenError('This webhook endpoint belongs to another partner or agency');
}

/** The endpoint if the manager may see it (NOT_FOUND otherwise, also for a forged tenant). */
export function visibleEndpoint(
  manager: WebhookManager,
  ref: WebhookRef,
  endpoint: WebhookEndpoint | undefined,
  globalId: string,
): WebhookEndpoint {
  const visible =
    endpoint &&
    webhookTenantOf(endpoint) === ref.tenant &&
    (manager.kind === 'partner'
      ? endpoint.partnerId === manager.partnerId
      : endpoint.agencyId === manager.agencyId);
  if (!visible) throw new NotFoundError('WebhookEndpoint', globalId);
  return endpoint;
}

/** Refuses a partner's change to an endpoint an agency registered (the agency's admins manage it). */
export function requireManaged(manager: WebhookManager, endpoint: WebhookEndpoint): void {
  if (manager.kind === 'partner' && endpoint.agencyId)
    throw new ForbiddenError(
      `This endpoint was registered by agency ${endpoint.agencyId}; its administrators manage it`,
    );
}
