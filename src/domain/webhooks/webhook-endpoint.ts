import type { ChangeType } from '../partner-feed';

/** Why an endpoint gets nothing: switched off by its owner, or disabled after failing for the whole retry window. */
export type DisabledReason = 'BY_OWNER' | 'FAILING';

/** A signing secret as stored: sealed (encrypted), never in the clear. */
export interface StoredSecret {
  /** Sealed by the secret box (AES-256-GCM), bound to the endpoint. */
  sealed: string;
  createdAt: string;
  /** After a rotation the old secret still signs until this instant. */
  retiresAt?: string | undefined;
}

/**
 * A partner's webhook endpoint (titik penerima webhook). The partner is its tenant; an endpoint
 * registered by an agency's administrator carries that agency and gets only its changes.
 */
export interface WebhookEndpoint {
  partnerId: string;
  id: string;
  url: string;
  description?: string | undefined;
  /** The change types delivered (all when the partner asked for all). */
  changeTypes: ChangeType[];
  /** Set when an agency's ADMIN registered it: only that agency's changes, managed by its admins. */
  agencyId?: string | undefined;
  /** Subject of the token that registered it. */
  registeredBy: string;
  enabled: boolean;
  disabledReason?: DisabledReason | undefined;
  secrets: StoredSecret[];
  /** The feed position when it was registered: it gets the changes after it (older ones by replay). */
  startAfterSequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The secrets that sign at `now`: the current one and a rotated-out one still in its overlap. */
export function activeSecrets(endpoint: Pick<WebhookEndpoint, 'secrets'>, now: Date): StoredSecret[] {
  return endpoint.secrets.filter((s) => !s.retiresAt || Date.parse(s.retiresAt) > now.getTime());
}

/** The most endpoints one partner may have (its own and those agencies registered for it). */
export const MAX_ENDPOINTS_PER_PARTNER = 10;

/** Default and longest overlap of a secret rotation (old and new both sign meanwhile). */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;
export const MAX_ROTATION_OVERLAP_HOURS = 7 * 24;

/**
 * The tenant an endpoint is filed under in global ids and the audit log: the agency that
 * registered it, or the partner itself (`partner.<code>`: a dot, which no agency id has).
 */
export const webhookTenantOf = (endpoint: Pick<WebhookEndpoint, 'agencyId' | 'partnerId'>) =>
  endpoint.agencyId ?? `partner.${endpoint.partnerId}`;
