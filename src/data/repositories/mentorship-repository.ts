import type { MentoringSession, Mentorship } from '../../domain/mentorship';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { employeeEntity } from '../entities/employee';
import { mentoringSessionItem, mentorshipEntity } from '../entities/mentorship';
import { uniqueValueItem, uniqueValueKey } from '../entities/unique-value';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { deleteOp, putNewOp, relationUpdateOp } from '../relation-ops';
import { ConditionFailedError, type Table } from '../table';
import { versionedUpdateOp } from '../versioned-update';

/** Why a mentorship could not start. */
export type StartRefusal = 'MENTEE_LIMIT_REACHED' | 'ALREADY_MENTORING' | 'EMPLOYEE_MISSING';

const PAIR = 'ActiveMentorship';
const pairValue = (m: Mentorship) => `${m.mentorId}:${m.menteeId}`;

/** Mentorships, their sessions, and the mentor's active-mentee counter, changed together. */
export function createMentorshipRepository(table: Table, cursors: CursorCodec) {
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
          partition: `${agencyId}#Mentorship`,
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
    async start(mentorship: Mentorship, maxActiveMentees: number): Promise<StartRefusal | undefined> {
      const { agencyId } = mentorship;
      const mentorKey = employeeEntity.key(agencyId, mentorship.mentorId);
      try {
        await table.transactWrite([
          putNewOp(table, mentorshipEntity.toItem(mentorship)),
          relationUpdateOp(
            table,
            mentorKey,
            { add: { activeMenteeCount: 1 }, append: { mentorshipIdsAsMentor: mentorship.id } },
            {
              expression: 'attribute_not_exists(#active) OR #active < :max',
              names: { '#active': 'activeMenteeCount' },
              values: { ':max': maxActiveMentees },
            },
          ),
          relationUpdateOp(table, employeeEntity.key(agencyId, mentorship.menteeId), {
            append: { mentorshipIdsAsMentee: mentorship.id },
          }),
          putNewOp(table, uniqueValueItem(agencyId, PAIR, pairValue(mentorship), mentorship.id)),
        ]);
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (error.failed.includes(3)) return 'ALREADY_MENTORING';
        if (error.failed.includes(1)) return error.items[1] ? 'MENTEE_LIMIT_REACHED' : 'EMPLOYEE_MISSING';
        if (error.failed.includes(2)) return 'EMPLOYEE_MISSING';
        throw error;
      }
    },

    /** Ends an active mentorship (completed or cancelled): frees the mentor's place and the pair guard. */
    async end(before: Mentorship, after: Mentorship): Promise<'CHANGED' | undefined> {
      try {
        await table.transactWrite([
          versionedUpdateOp(table, mentorshipEntity, before, after),
          relationUpdateOp(table, employeeEntity.key(before.agencyId, before.mentorId), {
            add: { activeMenteeCount: -1 },
          }),
          deleteOp(table, uniqueValueKey(before.agencyId, PAIR, pairValue(before))),
        ]);
        return undefined;
      } catch (error) {
        if (error instanceof ConditionFailedError && error.failed.includes(0)) return 'CHANGED';
        throw error;
      }
    },

    /** Logs a session in the mentorship's item collection and adds it to the totals, only while ACTIVE. */
    async logSession(session: MentoringSession): Promise<'NOT_ACTIVE' | undefined> {
      try {
        await table.transactWrite([
          putNewOp(table, mentoringSessionItem(session)),
          {
            Update: {
              TableName: table.name,
              Key: mentorshipEntity.key(session.agencyId, session.mentorshipId),
              UpdateExpression: 'ADD sessionCount :one, totalMinutes :minutes',
              ConditionExpression: '#status = :active',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':one': 1, ':minutes': session.minutes, ':active': 'ACTIVE' },
            },
          },
        ]);
        return undefined;
      } catch (error) {
        if (error instanceof ConditionFailedError && error.failed.includes(1)) return 'NOT_ACTIVE';
        throw error;
      }
    },

    /** Sessions of a mentorship, newest first. */
    sessions(agencyId: string, mentorshipId: string, page: PageArgs): Promise<Connection<MentoringSession>> {
      return queryConnection(
        table,
        cursors,
        {
          partition: mentorshipEntity.key(agencyId, mentorshipId).pk,
          sortKey: { beginsWith: 'Session#' },
          scanForward: false,
        },
        page,
        (item) => stripKeys(item) as unknown as MentoringSession,
      );
    },

    /** Every session of a mentorship (bounded: a mentorship has tens of sessions). */
    async allSessions(agencyId: string, mentorshipId: string): Promise<MentoringSession[]> {
      const items = await table.queryAll({
        partition: mentorshipEntity.key(agencyId, mentorshipId).pk,
        sortKey: { beginsWith: 'Session#' },
      });
      return items.map((item) => stripKeys(item) as unknown as MentoringSession);
    },
  };
}

function stripKeys(item: Record<string, unknown>) {
  const { pk: _pk, sk: _sk, entity: _entity, ...rest } = item;
  return rest;
}

export type MentorshipRepository = ReturnType<typeof createMentorshipRepository>;
