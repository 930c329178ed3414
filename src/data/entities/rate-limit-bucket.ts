import type { BucketState } from '../../domain/token-bucket';
import type { Item, ItemKey } from '../table';

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
