import type { BucketState } from '../../domain/token-bucket';
import {
  bucketFromItem,
  rateLimitBucketItem,
  rateLimitBucketKey,
  type StoredBucket,
} from '../entities/rate-limit-bucket';
import { unitEntity } from '../entities/unit';
import { ConditionFailedError, keyString, type Table, type WriteOp } from '../table';

/** The new state of one bucket, to be written only if it is still as it was read. */
export interface BucketWrite {
  subject: string;
  /** The bucket as read; undefined when there was none. */
  read: StoredBucket | undefined;
  next: BucketState;
  /** Epoch seconds when the bucket is full again (TTL). */
  expiresAt: number;
}

/** Rate-limit buckets in the single table; every write is conditioned on the state it was computed from. */
export function createRateLimitRepository(table: Table) {
  const keyOf = (agencyId: string, subject: string) => rateLimitBucketKey(agencyId, subject);

  return {
    /**
     * The buckets of a unit's clients and whether the unit exists, in one BatchGetItem. An
     * eventually consistent read can only overstate the tokens (later takes are missing), so a
     * refusal based on it is right, and an admission is checked by the conditional write.
     */
    async readForUnit(
      agencyId: string,
      unitId: string,
      subjects: string[],
    ): Promise<{ unitExists: boolean; buckets: (StoredBucket | undefined)[] }> {
      const unitKey = unitEntity.key(agencyId, unitId);
      const keys = subjects.map((subject) => keyOf(agencyId, subject));
      const found = await table.batchGet([unitKey, ...keys]);
      return {
        unitExists: found.has(keyString(unitKey)),
        buckets: keys.map((key) => {
          const item = found.get(keyString(key));
          return item ? bucketFromItem(item) : undefined;
        }),
      };
    },

    /** The buckets read strongly consistent, after a write lost a race. */
    async readLatest(agencyId: string, subjects: string[]): Promise<(StoredBucket | undefined)[]> {
      const items = await Promise.all(subjects.map((subject) => table.get(keyOf(agencyId, subject))));
      return items.map((item) => (item ? bucketFromItem(item) : undefined));
    },

    /**
     * Writes every bucket in one TransactWriteItems, each on condition that its revision is still
     * the one read (or that it still does not exist): all buckets are charged, or none. False when
     * another request changed one in between; nothing is written then.
     */
    async takeAll(agencyId: string, writes: BucketWrite[]): Promise<boolean> {
      const ops: WriteOp[] = writes.map(({ subject, read, next, expiresAt }) => ({
        Put: {
          TableName: table.name,
          Item: rateLimitBucketItem(
            agencyId,
            subject,
            { ...next, revision: (read?.revision ?? 0) + 1 },
            expiresAt,
          ),
          ...(read
            ? {
                ConditionExpression: '#revision = :read',
                ExpressionAttributeNames: { '#revision': 'revision' },
                ExpressionAttributeValues: { ':read': read.revision },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      }));
      try {
        await table.transactWrite(ops);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
