import { changeTypeOf, type EnrollmentChange } from '../domain/partner-feed';
import type { Enrollment } from '../domain/training';
import { ConflictError } from '../errors/app-error';
import type { Item, ItemKey } from './item';
import type { Table } from './table';
import { putNew, type Write } from './write';

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

/** Key of a partner's counter item (`#` sorts before every entry). */
export const feedCounterKey = (partnerId: string): ItemKey => ({
  pk: feedPartition(partnerId),
  sk: '#sequence',
});

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

export type FeedChange = ReturnType<typeof feedChanges>[number];

/** Another writer took the next numbers of a feed first: number the changes again. */
class FeedNumberTaken extends Error {}

/**
 * The feed writes of some changes, numbered after each partner's last sequence as read
 * (`last`, undefined before the first change): the counter moved to the new last, on condition
 * that it still holds the one read, and one entry per change.
 */
export function feedWrites(changes: FeedChange[], last: (partnerId: string) => number | undefined): Write[] {
  const partners = [...new Set(changes.map((c) => c.partnerId))];
  return partners.flatMap((partnerId) => {
    const read = last(partnerId);
    const from = read ?? 0;
    const mine = changes.filter((c) => c.partnerId === partnerId);
    const counter = {
      ...feedCounterKey(partnerId),
      entity: 'EnrollmentFeedCounter',
      sequence: from + mine.length,
    };
    const taken = (_: unknown, cause: unknown) =>
      new FeedNumberTaken(`The feed of ${partnerId} moved on`, { cause });
    const counterWrite: Write =
      read === undefined
        ? putNew(counter, taken)
        : {
            put: counter,
            condition: { expression: '#s = :last', names: { '#s': 'sequence' }, values: { ':last': read } },
            refused: taken,
          };
    const entries = mine.map(
      (c, i): Write => ({
        put: feedEntryItem({
          partnerId,
          sequence: from + i + 1,
          changeType: c.changeType,
          changedAt: c.after.updatedAt,
          agencyId: c.after.agencyId,
          enrollmentId: c.after.id,
          programId: c.after.programId,
          employeeId: c.after.employeeId,
          status: c.after.status,
          version: c.after.version,
        }),
      }),
    );
    return [counterWrite, ...entries];
  });
}

/**
 * Runs enrollment writes together with their feed entries. The counter of each partner is read
 * first and conditioned on; when another writer took the numbers meanwhile, nothing was written
 * and the feed part is numbered again (within the request's retry budget). The record writes
 * come first, so their own refusals take precedence.
 */
export function transactWithFeed(table: Table, writes: Write[], changes: FeedChange[]): Promise<void> {
  if (changes.length === 0) return table.transact(writes);
  const partners = [...new Set(changes.map((c) => c.partnerId))];
  // Only the feed's own race is retried here: the records' refusals (a lost race on the
  // enrollment itself included) go to the caller, whose fresh read they need.
  return table.retries.retry(
    async () => {
      const counters = new Map<string, number>();
      for (const partnerId of partners) {
        const counter = await table.get(feedCounterKey(partnerId));
        if (counter) counters.set(partnerId, Number(counter.sequence));
      }
      await table.transact([...writes, ...feedWrites(changes, (p) => counters.get(p))]);
    },
    {
      retryable: (error) => error instanceof FeedNumberTaken,
      exhausted: (last) => new ConflictError('The partner feed was busy; try again', {}, last),
    },
  );
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
      return Number((await table.get(feedCounterKey(partnerId)))?.sequence ?? 0);
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
