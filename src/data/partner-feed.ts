import { changeTypeOf, type EnrollmentChange } from '../domain/partner-feed';
import type { Enrollment } from '../domain/training';
import { ConditionFailedError, type Item, type ItemKey, type Table, type WriteOp } from './table';

/**
 * A partner's enrollment change feed. The partner is the tenant of its feed (it spans the
 * agencies it serves): `@partner-<code>#EnrollmentFeed`, one item per change with a zero-padded
 * sequence as sort key, and a counter item. Every change takes the next sequence in the same
 * transaction as the enrollment write, conditioned on the counter: commits happen in sequence
 * order, so a reader that has seen sequence n will never later find a change below n.
 */
export function feedPartition(partnerId: string): string {
  return `@partner-${partnerId}#EnrollmentFeed`;
}

const COUNTER_SK = '#sequence';
const MAX_ATTEMPTS = 20;

/** Sort key of a sequence number (lexical order = numeric order). */
export const sequenceKey = (sequence: number) => String(sequence).padStart(12, '0');

/** Key of one feed entry. */
export function feedEntryKey(partnerId: string, sequence: number): ItemKey {
  return { pk: feedPartition(partnerId), sk: sequenceKey(sequence) };
}

/** The stored feed entry. */
export function feedEntryItem(change: EnrollmentChange): Item {
  return { ...change, ...feedEntryKey(change.partnerId, change.sequence), entity: 'EnrollmentChange' };
}

/** The counter item holding a partner's last sequence. */
export function feedCounterItem(partnerId: string, sequence: number): Item {
  return { pk: feedPartition(partnerId), sk: COUNTER_SK, entity: 'EnrollmentFeedCounter', sequence };
}

/**
 * The feed changes of enrollment writes (only enrollments of partner programs have one). An
 * invitation is the agency's business until it is accepted: writes of an INVITED or DECLINED
 * enrollment never reach the partner, and the accepting write is the partner's CREATED.
 */
export function feedChanges(pairs: { before?: Enrollment | undefined; after: Enrollment }[]) {
  return pairs
    .filter((p) => p.after.partnerId && partnerSees(p.after))
    .map(({ before, after }) => ({
      partnerId: after.partnerId as string,
      changeType: changeTypeOf(before && partnerSees(before) ? before : undefined, after),
      after,
    }));
}

/** Whether a partner may see an enrollment in this state (not a pending or declined invitation). */
export const partnerSees = (e: Pick<Enrollment, 'status'>) =>
  e.status !== 'INVITED' && e.status !== 'DECLINED';

type FeedChange = ReturnType<typeof feedChanges>[number];

/**
 * Runs enrollment operations together with their feed entries. The counter of each partner is
 * read first and conditioned on; when another writer took the sequence meanwhile, the whole
 * transaction is retried with fresh numbers (nothing was written).
 */
export async function transactWithFeed(table: Table, ops: WriteOp[], changes: FeedChange[]): Promise<void> {
  if (changes.length === 0) return table.transactWrite(ops);
  const partners = [...new Set(changes.map((c) => c.partnerId))];
  for (let attempt = 0; ; attempt += 1) {
    const feedOps: WriteOp[] = [];
    for (const partnerId of partners) {
      const counter = await table.get({ pk: feedPartition(partnerId), sk: COUNTER_SK });
      const last = Number(counter?.sequence ?? 0);
      const mine = changes.filter((c) => c.partnerId === partnerId);
      feedOps.push({
        Put: {
          TableName: table.name,
          Item: feedCounterItem(partnerId, last + mine.length),
          ConditionExpression: counter ? '#s = :last' : 'attribute_not_exists(pk)',
          ...(counter
            ? { ExpressionAttributeNames: { '#s': 'sequence' }, ExpressionAttributeValues: { ':last': last } }
            : {}),
        },
      });
      mine.forEach((c, i) => {
        feedOps.push({
          Put: {
            TableName: table.name,
            Item: feedEntryItem({
              partnerId,
              sequence: last + i + 1,
              changeType: c.changeType,
              changedAt: c.after.updatedAt,
              agencyId: c.after.agencyId,
              enrollmentId: c.after.id,
              programId: c.after.programId,
              employeeId: c.after.employeeId,
              status: c.after.status,
              version: c.after.version,
            }),
          },
        });
      });
    }
    try {
      return await table.transactWrite([...ops, ...feedOps]);
    } catch (error) {
      const feedFailed = error instanceof ConditionFailedError && error.failed.some((i) => i >= ops.length);
      if (!feedFailed || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
  }
}

/** Reads a partner's feed: entries after a sequence, in order, strongly consistent. */
export function createPartnerFeedReader(table: Table) {
  return {
    /** Up to `limit` entries with a sequence above `after`. */
    async after(partnerId: string, after: number, limit: number): Promise<EnrollmentChange[]> {
      const page = await table.queryPage(
        {
          partition: feedPartition(partnerId),
          sortKey: { between: [sequenceKey(after + 1), sequenceKey(999_999_999_999)] },
          consistent: true,
        },
        limit,
      );
      return page.items.map(toChange);
    },

    /** The oldest sequence still kept (undefined for an empty feed); entries carry no TTL, so 1 unless removed. */
    async first(partnerId: string): Promise<number | undefined> {
      const page = await table.queryPage(
        {
          partition: feedPartition(partnerId),
          sortKey: { between: [sequenceKey(1), sequenceKey(999_999_999_999)] },
          consistent: true,
        },
        1,
      );
      const entry = page.items[0];
      return entry ? Number(entry.sequence) : undefined;
    },

    /** The last sequence taken (0 before the first change). */
    async last(partnerId: string): Promise<number> {
      return Number((await table.get({ pk: feedPartition(partnerId), sk: COUNTER_SK }))?.sequence ?? 0);
    },

    /**
     * The sequence just before the first change at or after `since` (binary search over the
     * gap-free sequence with consistent reads; changedAt rises with the sequence).
     */
    async before(partnerId: string, since: string): Promise<number> {
      let low = 0;
      let high = await this.last(partnerId);
      while (low < high) {
        const mid = Math.floor((low + high + 1) / 2);
        const entry = await table.get(feedEntryKey(partnerId, mid));
        if (entry && String(entry.changedAt) < since) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}

function toChange(item: Item): EnrollmentChange {
  const { pk: _pk, sk: _sk, entity: _entity, ...change } = item;
  return change as unknown as EnrollmentChange;
}

export type PartnerFeedReader = ReturnType<typeof createPartnerFeedReader>;
