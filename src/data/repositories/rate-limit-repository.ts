import {
  type BucketWrite,
  bucketFromItem,
  rateLimitBucketKey,
  type StoredBucket,
  takeTokensWrites,
} from '../entities/rate-limit-bucket';
import { unitEntity } from '../entities/unit';
import { keyString, type Table } from '../table';

export type { BucketWrite };

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
     * Writes every bucket in one transaction, each on condition that it is still as read: all
     * buckets are charged, or none (a RaceLostError when another request changed one).
     */
    takeAll(agencyId: string, writes: BucketWrite[]): Promise<void> {
      // Tokens are bookkeeping around the submission, not the change it makes: no audit entry.
      return table.transact(takeTokensWrites(agencyId, writes), { bookkeeping: true });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
