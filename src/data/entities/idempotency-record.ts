import type { ItemKey } from '../item';

/** Idempotency records live a day: a retried create within that time returns the first result. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Key of the record of one idempotency key used for one operation in one agency. */
export function idempotencyKey(agencyId: string, operation: string, key: string): ItemKey {
  return { pk: `${agencyId}#Idempotency#${operation}#${key}`, sk: 'Idempotency' };
}

/** The record: which object the first request created, and a hash of that request's input. */
export function idempotencyItem(
  agencyId: string,
  operation: string,
  key: string,
  resultId: string,
  requestHash: string,
  now: Date,
) {
  return {
    ...idempotencyKey(agencyId, operation, key),
    entity: 'Idempotency',
    agencyId,
    operation,
    resultId,
    requestHash,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}

/** Whether a stored record is past its 24 hours (TTL deletes it some time later). */
export function idempotencyExpired(record: { expiresAt?: unknown } | undefined, now: Date): boolean {
  return typeof record?.expiresAt === 'number' && record.expiresAt * 1000 <= now.getTime();
}
