import type { BucketState } from '../../domain/token-bucket';
import type { Item, ItemKey } from '../item';
import { RaceLostError } from '../race-lost';
import { putNew, type Write } from '../write';

/** The `entity` attribute of bucket items (the stream aggregator ignores them). */
export const RATE_LIMIT_BUCKET = 'RateLimitBucket';

/** The bucket of one client, by the keyed hash of its address (no raw address is stored). */
export const addressSubject = (addressHash: string) => `ip:${addressHash}`;

/** The one bucket shared by every client whose address is unknown, per unit. */
export const unknownAddressSubject = (unitId: string) => `ip:unknown@${unitId}`;

/** The bucket of a unit, shared by all its clients. */
export const unitSubject = (unitId: string) => `unit:${unitId}`;

/** Key of a bucket: the tenant leads (`<agencyId>#RateLimit#<subject>`), like every other item. */
export function rateLimitBucketKey(agencyId: string, subject: string): ItemKey {
  return { pk: `${agencyId}#RateLimit#${subject}`, sk: 'RateLimit' };
}

/** A stored bucket and the revision its next write is conditioned on (optimistic concurrency). */
export interface StoredBucket extends BucketState {
  revision: number;
}

/** The item of a bucket; `expiresAt` (epoch s) lets DynamoDB TTL drop it once it is full again. */
export function rateLimitBucketItem(
  agencyId: string,
  subject: string,
  bucket: StoredBucket,
  expiresAt: number,
): Item {
  return {
    ...rateLimitBucketKey(agencyId, subject),
    entity: RATE_LIMIT_BUCKET,
    agencyId,
    tokens: bucket.tokens,
    refilledAt: bucket.refilledAt,
    revision: bucket.revision,
    expiresAt,
  };
}

/** The bucket of a stored item. */
export function bucketFromItem(item: Item): StoredBucket {
  return {
    tokens: Number(item.tokens),
    refilledAt: Number(item.refilledAt),
    revision: Number(item.revision),
  };
}

/** The new state of one bucket, to be written only if it is still as it was read. */
export interface BucketWrite {
  subject: string;
  /** The bucket as read; undefined when there was none. */
  read: StoredBucket | undefined;
  next: BucketState;
  /** Epoch seconds when the bucket is full again (TTL). */
  expiresAt: number;
}

/**
 * Takes tokens from buckets in one transaction, each on condition that its revision is still
 * the one read (or that it still does not exist): all buckets are charged, or none. Another
 * request that changed one in between is a lost race (read again).
 */
export function takeTokensWrites(agencyId: string, writes: BucketWrite[]): Write[] {
  const moved = (_: unknown, cause: unknown) => new RaceLostError('A rate-limit bucket moved', { cause });
  return writes.map(({ subject, read, next, expiresAt }): Write => {
    const item = rateLimitBucketItem(
      agencyId,
      subject,
      { ...next, revision: (read?.revision ?? 0) + 1 },
      expiresAt,
    );
    if (!read) return putNew(item, moved);
    return {
      put: item,
      condition: {
        expression: '#revision = :read',
        names: { '#revision': 'revision' },
        values: { ':read': read.revision },
      },
      refused: moved,
    };
  });
}
