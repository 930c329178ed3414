import { COMPLAINT_KINDS } from '../../domain/complaint-deadlines';
import {
  deadlinesOf,
  type Feedback,
  type FeedbackChannel,
  type FeedbackKind,
  isComplaintKind,
  type ModerationStatus,
} from '../../domain/feedback';
import type { SurveyAnswers } from '../../domain/ikm';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import {
  feedbackEntity,
  feedbackPartitions,
  feedbackWrites,
  NotOverdueAnymore,
  type OverdueDeadline,
} from '../entities/feedback';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { instantRange, lastInstantBefore, valueRange } from '../sort-keys';
import type { Item, QuerySpec, Table } from '../table';

/** Feedback list filter; times are ISO instants as stored (`from` inclusive, `to` exclusive). */
export interface FeedbackListFilter {
  unitId?: string | undefined;
  /** Only feedback about these units (a unit head's or an employee's). */
  unitIds?: string[] | undefined;
  channel?: FeedbackChannel | undefined;
  kind?: FeedbackKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  moderationStatus?: ModerationStatus | undefined;
  /** Only open complaints whose resolution was due at or before this instant. */
  resolutionDueBy?: string | undefined;
}

/** A deadline passed before `now` and not yet marked after it (a mark before it is void). */
const isUnmarked = (markedAt: string | undefined, due: string, now: Date) =>
  due < now.toISOString() && (markedAt === undefined || markedAt <= due);

/** Feedback in the single table: by id, by agency or unit and time, open complaints by due date. */
export function createFeedbackRepository(table: Table, codec: CursorCodec) {
  const toFeedback = feedbackEntity.fromItem;

  /** One sweep mark; 1 if made, 0 if the complaint changed meanwhile (the next sweep judges it again). */
  async function mark(
    item: Item,
    deadline: OverdueDeadline,
    judged: { due: string; stored: boolean },
    now: Date,
  ): Promise<number> {
    const key = { pk: String(item.pk), sk: String(item.sk) };
    try {
      await table.transact([feedbackWrites.markOverdue(key, deadline, judged, now)]);
      return 1;
    } catch (error) {
      if (error instanceof NotOverdueAnymore) return 0;
      throw error;
    }
  }

  function listSpec(agencyId: string, filter: FeedbackListFilter): QuerySpec {
    const filters: Condition[] = [];
    if (filter.channel) filters.push({ attribute: 'channel', equals: filter.channel });
    if (filter.kind) filters.push({ attribute: 'kind', equals: filter.kind });
    if (filter.moderationStatus)
      filters.push({ attribute: 'moderationStatus', equals: filter.moderationStatus });
    if (filter.unitIds) {
      filters.push(
        filter.unitIds.length
          ? { attribute: 'unitId', in: filter.unitIds }
          : { attribute: 'pk', exists: false },
      );
    }
    let spec: QuerySpec;
    if (filter.resolutionDueBy) {
      spec = filter.unitId
        ? { index: 'gsi4', partition: feedbackPartitions.unitOpenComplaints(agencyId, filter.unitId) }
        : { index: 'gsi3', partition: feedbackPartitions.openComplaints(agencyId) };
      spec.sortKey = valueRange(undefined, filter.resolutionDueBy);
      if (filter.from) filters.push({ attribute: 'submittedAt', gte: filter.from });
      if (filter.to) filters.push({ attribute: 'submittedAt', lte: lastInstantBefore(filter.to) });
    } else {
      spec = filter.unitId
        ? { index: 'gsi2', partition: feedbackPartitions.unit(agencyId, filter.unitId), scanForward: false }
        : { index: 'gsi1', partition: feedbackPartitions.agency(agencyId), scanForward: false };
      const sortKey = instantRange(filter.from, filter.to);
      if (sortKey) spec.sortKey = sortKey;
    }
    if (filters.length) spec.filters = filters;
    return spec;
  }

  return {
    /** One entry, through the request's batching loader. */
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<Feedback | undefined> {
      const item = await loader.load(feedbackEntity.key(agencyId, id));
      return item ? toFeedback(item) : undefined;
    },

    /** One entry read strongly consistent, as the base of an update. */
    async getLatest(agencyId: string, id: string): Promise<Feedback | undefined> {
      const item = await table.get(feedbackEntity.key(agencyId, id));
      return item ? toFeedback(item) : undefined;
    },

    /** A page of an agency's (or a unit's) feedback, newest first; open complaints most overdue first. */
    list(agencyId: string, filter: FeedbackListFilter, page: PageArgs): Promise<Connection<Feedback>> {
      return queryConnection(table, codec, listSpec(agencyId, filter), page, toFeedback);
    },

    /** Stores a new entry (ids are fresh, so the condition only guards against an id collision). */
    create(feedback: Feedback): Promise<void> {
      return table.transact(feedbackWrites.create(feedback));
    },

    /**
     * Marks the open complaints of an agency that passed a deadline (SP4N-LAPOR): `overdueAt` for
     * the resolution, `responseOverdueAt` for a first response that has not come. A mark is made
     * once per deadline: again only when a recomputed deadline moved after it. Returns how many.
     */
    async markOverdue(agencyId: string, now: Date): Promise<number> {
      // Open complaints leave this partition when resolved, so it stays small.
      const open = await table.queryAll({
        index: 'gsi3',
        partition: feedbackPartitions.openComplaints(agencyId),
      });
      let marked = 0;
      for (const item of open) {
        const entry = toFeedback(item) as Feedback & { overdueAt?: string; responseOverdueAt?: string };
        const { kind } = entry;
        if (!isComplaintKind(kind)) continue;
        const due = deadlinesOf({ ...entry, kind });
        if (isUnmarked(entry.overdueAt, due.resolutionDue, now))
          marked += await mark(
            item,
            'resolution',
            { due: due.resolutionDue, stored: !!entry.resolutionDue },
            now,
          );
        if (!entry.firstResponseAt && isUnmarked(entry.responseOverdueAt, due.firstResponseDue, now))
          marked += await mark(
            item,
            'firstResponse',
            { due: due.firstResponseDue, stored: !!entry.firstResponseDue },
            now,
          );
      }
      return marked;
    },

    /** Every complaint-kind entry of an agency submitted in `[from, to)` (the deadline recompute). */
    async complaintsSubmitted(agencyId: string, range: { from?: string; to?: string }): Promise<Feedback[]> {
      const spec = listSpec(agencyId, range);
      spec.filters = [{ attribute: 'kind', in: [...COMPLAINT_KINDS] }];
      return (await table.queryAll(spec)).map(toFeedback);
    },

    /** Applies an update if the stored version is still `before.version`; CONFLICT otherwise. */
    update(before: Feedback, after: Feedback): Promise<void> {
      return table.transact(feedbackWrites.update(before, after));
    },

    /** Stores recomputed deadlines if the complaint is still at `before.version`; a lost race otherwise. */
    reschedule(before: Feedback, after: Feedback): Promise<void> {
      return table.transact(feedbackWrites.rescheduled(before, after));
    },

    /** The answer sets of a unit's survey responses submitted in a time range, hidden ones left out. */
    async surveyAnswers(
      agencyId: string,
      unitId: string,
      range: { from?: string | undefined; to?: string | undefined },
    ): Promise<SurveyAnswers[]> {
      const spec = listSpec(agencyId, { unitId, ...range });
      spec.filters = [
        { attribute: 'surveyAnswers', exists: true },
        { attribute: 'moderationStatus', in: ['PENDING', 'PUBLISHED'] },
      ];
      const items = await table.queryAll(spec);
      return items.map((item) => toFeedback(item).surveyAnswers).filter((a) => a !== undefined);
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
