import type { MenteeRating, MentoringSession, Mentorship } from '../../domain/mentorship';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import {
  mentoringSessions,
  mentorshipEntity,
  mentorshipPartitions,
  mentorshipWrites,
} from '../entities/mentorship';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { valueRange } from '../sort-keys';
import type { QuerySpec, Table } from '../table';

/** Mentorships, their sessions, and the mentor's active-mentee counter, changed together. */
export function createMentorshipRepository(table: Table, cursors: CursorCodec) {
  const sessionsSpec = (agencyId: string, mentorshipId: string, scanForward: boolean): QuerySpec => {
    const { partition, sortPrefix } = mentoringSessions.collection(agencyId, mentorshipId);
    return { partition, sortKey: { beginsWith: sortPrefix }, scanForward };
  };

  return {
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<Mentorship | undefined> {
      const item = await loader.load(mentorshipEntity.key(agencyId, id));
      return item ? mentorshipEntity.fromItem(item) : undefined;
    },

    async getLatest(agencyId: string, id: string): Promise<Mentorship | undefined> {
      const item = await table.get(mentorshipEntity.key(agencyId, id));
      return item ? mentorshipEntity.fromItem(item) : undefined;
    },

    /** Mentorships of an agency, newest start first. */
    list(
      agencyId: string,
      filter: { status?: Mentorship['status'][] | undefined; menteeUnitIds?: string[] | undefined },
      page: PageArgs,
    ): Promise<Connection<Mentorship>> {
      const filters: Condition[] = [];
      if (filter.status?.length) filters.push({ attribute: 'status', in: filter.status });
      if (filter.menteeUnitIds) {
        filters.push(
          filter.menteeUnitIds.length
            ? { attribute: 'menteeUnitId', in: filter.menteeUnitIds }
            : { attribute: 'pk', exists: false },
        );
      }
      return queryConnection(
        table,
        cursors,
        {
          index: 'gsi1',
          partition: mentorshipPartitions.agency(agencyId),
          scanForward: false,
          ...(filters.length ? { filters } : {}),
        },
        page,
        (item) => mentorshipEntity.fromItem(item),
      );
    },

    /**
     * Starts a mentorship: the record, the mentor's active-mentee counter (only below the
     * limit, race-free), both employees' id lists and a guard against a second active pair.
     */
    start(mentorship: Mentorship, maxActiveMentees: number): Promise<void> {
      return table.transact(mentorshipWrites.start(mentorship, maxActiveMentees));
    },

    /** Ends an active mentorship (completed or cancelled); CONFLICT if it changed meanwhile. */
    end(before: Mentorship, after: Mentorship): Promise<void> {
      return table.transact(mentorshipWrites.end(before, after));
    },

    /** Records a goal's outcome; CONFLICT if the mentorship changed since `before` was read. */
    recordGoalOutcome(before: Mentorship, after: Mentorship): Promise<void> {
      return table.transact(mentorshipWrites.recordGoalOutcome(before, after));
    },

    /** Stores the mentee's rating, once, on an ended mentorship. */
    rate(mentorship: Mentorship, rating: MenteeRating): Promise<void> {
      return table.transact(mentorshipWrites.rate(mentorship, rating));
    },

    /**
     * Mentorships of an agency started in a year (gsi1 in start order) whose mentee was in one of
     * `unitIds` at the start: the cohort the mentoring-results question reads.
     */
    async startedIn(agencyId: string, year: number, unitIds: readonly string[]): Promise<Mentorship[]> {
      const items = await table.queryAll({
        index: 'gsi1',
        partition: mentorshipPartitions.agency(agencyId),
        sortKey: valueRange(`${year}-01-01`, `${year}-12-31`),
        filters: [{ attribute: 'menteeUnitId', in: [...unitIds] }],
      });
      return items.map((item) => mentorshipEntity.fromItem(item));
    },

    /** Logs a session, only while the mentorship is ACTIVE (BAD_USER_INPUT otherwise). */
    logSession(session: MentoringSession): Promise<void> {
      return table.transact(mentorshipWrites.logSession(session));
    },

    /** Sessions of a mentorship, newest first. */
    sessions(agencyId: string, mentorshipId: string, page: PageArgs): Promise<Connection<MentoringSession>> {
      return queryConnection(
        table,
        cursors,
        sessionsSpec(agencyId, mentorshipId, false),
        page,
        mentoringSessions.fromItem,
      );
    },

    /** Every session of a mentorship (bounded: a mentorship has tens of sessions). */
    async allSessions(agencyId: string, mentorshipId: string): Promise<MentoringSession[]> {
      const items = await table.queryAll(sessionsSpec(agencyId, mentorshipId, true));
      return items.map(mentoringSessions.fromItem);
    },
  };
}

export type MentorshipRepository = ReturnType<typeof createMentorshipRepository>;
