import type { ChangeType } from '../partner-feed';

/** Where one change stands for one endpoint (status pengiriman). */
export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'PARKED';

/** How an attempt ended. */
export type AttemptOutcome =
  | 'SUCCESS'
  | 'HTTP_ERROR'
  | 'TIMEOUT'
  | 'CONNECTION_FAILED'
  | 'DNS_FAILED'
  | 'BLOCKED_ADDRESS'
  | 'REDIRECT_REFUSED';

/** One attempt: when, how it ended, the receiver's status code and how long it took (no body is kept). */
export interface DeliveryAttempt {
  at: string;
  round: number;
  outcome: AttemptOutcome;
  statusCode?: number | undefined;
  latencyMs: number;
  /** This attempt was the circuit's probe. */
  probe?: boolean | undefined;
}

/** Why a delivery was parked. */
export type ParkReason = 'RETRY_WINDOW_OVER' | 'ENDPOINT_DISABLED';

/** One feed change on its way to one endpoint. */
export interface WebhookDelivery {
  partnerId: string;
  endpointId: string;
  sequence: number;
  /** The endpoint's tenant (webhookTenantOf): where its global id and audit entries belong. */
  tenant: string;
  /** The agency of the change. */
  agencyId: string;
  enrollmentId: string;
  changeType: ChangeType;
  status: DeliveryStatus;
  /** 1 for the first delivery; each redelivery or replay starts a new round. */
  round: number;
  /** When this round was queued: its retry window starts here. */
  queuedAt: string;
  nextAttemptAt?: string | undefined;
  deliveredAt?: string | undefined;
  parkedAt?: string | undefined;
  parkReason?: ParkReason | undefined;
  /** Failed attempts in this round. */
  failures: number;
  /** The latest attempts, newest last (at most {@link KEPT_ATTEMPTS}). */
  attempts: DeliveryAttempt[];
  /** Re-armed by a redelivery request and not yet handed to the queue (the fan-out does that). */
  awaitingQueue?: boolean | undefined;
  updatedAt: string;
}

/** Attempts kept per delivery (a three-day round has about twelve). */
export const KEPT_ATTEMPTS = 30;

/** A delivery's id, unique per partner: endpoint and sequence. */
export const deliveryIdOf = (d: Pick<WebhookDelivery, 'endpointId' | 'sequence'>) =>
  `${d.endpointId}.${d.sequence}`;

/** The endpoint and sequence of a delivery id, or undefined. */
export function parseDeliveryId(id: string): { endpointId: string; sequence: number } | undefined {
  const match = /^([0-9A-Z]{26})\.(\d{1,12})$/.exec(id);
  if (!match) return undefined;
  return { endpointId: match[1] as string, sequence: Number(match[2]) };
}

/**
 * The `webhook-id` of a change: the same for every attempt, redelivery and replay of the change
 * and for every endpoint, so a receiver recognises a message it has already applied.
 */
export const webhookIdOf = (partnerId: string, sequence: number) => `msg_${partnerId}_${sequence}`;

/** The event type of a change, as in the payload's `type` (`enrollment.completed`). */
export const eventTypeOf = (changeType: ChangeType) => `enrollment.${changeType.toLowerCase()}`;

/** A replay request: redeliver a range of the feed to one endpoint (all, or only what was parked). */
export interface WebhookReplay {
  partnerId: string;
  endpointId: string;
  id: string;
  fromSequence: number;
  throughSequence: number;
  /** The next sequence the fan-out will look at. */
  nextSequence: number;
  parkedOnly: boolean;
  status: 'RUNNING' | 'DONE';
  /** Deliveries queued so far. */
  queued: number;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}
