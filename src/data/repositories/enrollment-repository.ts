import type { Enrollment, EnrollmentStatus } from '../../domain/training';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { employeeEntity } from '../entities/employee';
import { enrollmentEntity } from '../entities/enrollment';
import { trainingProgramEntity } from '../entities/training-program';
import { uniqueValueItem, uniqueValueKey } from '../entities/unique-value';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { feedChanges, transactWithFeed } from '../partner-feed';
import { deleteOp, putNewOp, relationUpdateOp } from '../relation-ops';
import { ConditionFailedError, type Table, type WriteOp } from '../table';
import { claimOp, type IdempotencyClaim } from '../transact-create';
import { versionedUpdateOp } from '../versioned-update';

/** Why a seat or waitlist place could not be written. */
export type EnrollRefusal =
  | 'NO_SEAT'
  | 'PROGRAM_NOT_OPEN'
  | 'ALREADY_ENROLLED'
  | 'EMPLOYEE_MISSING'
  | 'KEY_USED';

/** Which part of a multi-record enrollment change lost a race. */
export type TransitionRace = 'ENROLLMENT_CHANGED' | 'CANDIDATE_CHANGED' | 'WAITLIST_NOT_EMPTY' | 'NO_SEAT';

/** One live enrollment (or invitation) per employee and program: its uniqueness guard. */
export const ENROLLMENT_GUARD = 'Enrollment';
const GUARD = ENROLLMENT_GUARD;
export const enrollmentGuardValue = (e: Pick<Enrollment, 'programId' | 'employeeId'>) =>
  `${e.programId}:${e.employeeId}`;
const guardValue = enrollmentGuardValue;

/**
 * Enrollments and the program seat counters they move, always in one transaction, so
 * `seatsTaken` and `waitlistCount` equal the number of enrollments in those states at every commit.
 */
export function createEnrollmentRepository(table: Table, cursors: CursorCodec) {
  const programKey = (e: Enrollment) => trainingProgramEntity.key(e.agencyId, e.programId);

  async function run(
    ops: WriteOp[],
    races: (index: number) => TransitionRace | undefined,
    changes: Parameters<typeof feedChanges>[0],
  ): Promise<TransitionRace | undefined> {
    try {
      await transactWithFeed(table, ops, feedChanges(changes));
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      for (const index of error.failed) {
        const race = races(index);
        if (race) return race;
      }
      throw error;
    }
  }

  return {
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<Enrollment | undefined> {
      const item = await loader.load(enrollmentEntity.key(agencyId, id));
      return item ? enrollmentEntity.fromItem(item) : undefined;
    },

    async getLatest(agencyId: string, id: string): Promise<Enrollment | undefined> {
      const item = await table.get(enrollmentEntity.key(agencyId, id));
      return item ? enrollmentEntity.fromItem(item) : undefined;
    },

    /** Enrollments of a program in arrival order, optionally of some statuses. */
    listByProgram(
      agencyId: string,
      programId: string,
      filter: {
        status?: EnrollmentStatus[] | undefined;
        unitIds?: string[] | undefined;
        employeeId?: string | undefined;
      },
      page: PageArgs,
    ): Promise<Connection<Enrollment>> {
      const filters: Condition[] = [];
      if (filter.status?.length) filters.push({ attribute: 'status', in: filter.status });
      if (filter.unitIds)
        filters.push(
          filter.unitIds.length
            ? { attribute: 'unitId', in: filter.unitIds }
            : { attribute: 'pk', exists: false },
        );
      if (filter.employeeId) filters.push({ attribute: 'employeeId', equals: filter.employeeId });
      return queryConnection(
        table,
        cursors,
        {
          index: 'gsi1',
          partition: `${agencyId}#TrainingProgram#${programId}#Enrollment`,
          ...(filters.length ? { filters } : {}),
        },
        page,
        (item) => enrollmentEntity.fromItem(item),
      );
    },

    /** The first few waitlisted enrollments of a program in queue order (index reads may lag; writes re-check). */
    async waitlistHead(agencyId: string, programId: string, limit: number): Promise<Enrollment[]> {
      const page = await table.queryPage(
        { index: 'gsi2', partition: `${agencyId}#TrainingProgram#${programId}#Waitlist` },
        limit,
      );
      return page.items.map((item) => enrollmentEntity.fromItem(item));
    },

    /** 1-based place of a waitlisted enrollment in its program's queue. */
    async waitlistPosition(e: Enrollment): Promise<number> {
      const ahead = await table.count({
        index: 'gsi2',
        partition: `${e.agencyId}#TrainingProgram#${e.programId}#Waitlist`,
        sortKey: { lte: e.queueKey },
      });
      return Math.max(ahead, 1);
    },

    /**
     * Writes a new enrollment holding a seat (`ENROLLED`, only while seats are free and nobody
     * waits) or a waitlist place (`WAITLISTED`), with its uniqueness guard and the id on the employee.
     */
    async insert(enrollment: Enrollment, claim?: IdempotencyClaim): Promise<EnrollRefusal | undefined> {
      const seat = enrollment.status === 'ENROLLED';
      const programOp = relationUpdateOp(
        table,
        programKey(enrollment),
        { add: seat ? { seatsTaken: 1 } : { waitlistCount: 1 } },
        seat
          ? {
              expression: '#status = :open AND #seats < #capacity AND #waiting = :zero',
              names: {
                '#status': 'status',
                '#seats': 'seatsTaken',
                '#capacity': 'capacity',
                '#waiting': 'waitlistCount',
              },
              values: { ':open': 'OPEN', ':zero': 0 },
            }
          : { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'OPEN' } },
      );
      try {
        await transactWithFeed(
          table,
          [
            programOp,
            putNewOp(table, enrollmentEntity.toItem(enrollment)),
            putNewOp(
              table,
              uniqueValueItem(enrollment.agencyId, GUARD, guardValue(enrollment), enrollment.id),
            ),
            relationUpdateOp(table, employeeEntity.key(enrollment.agencyId, enrollment.employeeId), {
              append: { enrollmentIds: enrollment.id },
            }),
            ...(claim ? [claimOp(table, claim, enrollment.id, new Date(enrollment.createdAt))] : []),
          ],
          feedChanges([{ after: enrollment }]),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (error.failed.includes(4)) return 'KEY_USED';
        if (error.failed.includes(2)) return 'ALREADY_ENROLLED';
        if (error.failed.includes(3)) return 'EMPLOYEE_MISSING';
        if (error.failed.includes(0))
          return error.items[0]?.status === 'OPEN' ? 'NO_SEAT' : 'PROGRAM_NOT_OPEN';
        throw error;
      }
    },

    /**
     * Drops a seat holder. With a waitlisted `candidate` (before/after), the seat passes to it in
     * the same transaction; without one, the seat is freed only if nobody waits.
     */
    dropSeat(before: Enrollment, after: Enrollment, candidate?: { before: Enrollment; after: Enrollment }) {
      const ops: WriteOp[] = [
        versionedUpdateOp(table, enrollmentEntity, before, after),
        deleteOp(table, uniqueValueKey(before.agencyId, GUARD, guardValue(before))),
      ];
      if (candidate) {
        ops.push(
          versionedUpdateOp(table, enrollmentEntity, candidate.before, candidate.after),
          relationUpdateOp(table, programKey(before), { add: { waitlistCount: -1 } }),
        );
      } else {
        ops.push(
          relationUpdateOp(
            table,
            programKey(before),
            { add: { seatsTaken: -1 } },
            {
              expression: '#waiting = :zero',
              names: { '#waiting': 'waitlistCount' },
              values: { ':zero': 0 },
            },
          ),
        );
      }
      return run(
        ops,
        (i) =>
          i === 0
            ? 'ENROLLMENT_CHANGED'
            : candidate && i === 2
              ? 'CANDIDATE_CHANGED'
              : !candidate && i === 2
                ? 'WAITLIST_NOT_EMPTY'
                : undefined,
        [{ before, after }, ...(candidate ? [candidate] : [])],
      );
    },

    /** Drops a waitlisted enrollment: its place is released. */
    dropWaitlisted(before: Enrollment, after: Enrollment) {
      return run(
        [
          versionedUpdateOp(table, enrollmentEntity, before, after),
          deleteOp(table, uniqueValueKey(before.agencyId, GUARD, guardValue(before))),
          relationUpdateOp(table, programKey(before), { add: { waitlistCount: -1 } }),
        ],
        (i) => (i === 0 ? 'ENROLLMENT_CHANGED' : undefined),
        [{ before, after }],
      );
    },

    /** Gives a free seat to a waitlisted enrollment (after a capacity increase). */
    promote(before: Enrollment, after: Enrollment) {
      return run(
        [
          versionedUpdateOp(table, enrollmentEntity, before, after),
          relationUpdateOp(
            table,
            programKey(before),
            { add: { seatsTaken: 1, waitlistCount: -1 } },
            { expression: '#seats < #capacity', names: { '#seats': 'seatsTaken', '#capacity': 'capacity' } },
          ),
        ],
        (i) => (i === 0 ? 'CANDIDATE_CHANGED' : i === 1 ? 'NO_SEAT' : undefined),
        [{ before, after }],
      );
    },

    /** Records the end of a seat holder's participation: COMPLETED (counted) or NO_SHOW. */
    finish(before: Enrollment, after: Enrollment) {
      const ops: WriteOp[] = [versionedUpdateOp(table, enrollmentEntity, before, after)];
      if (after.status === 'COMPLETED')
        ops.push(relationUpdateOp(table, programKey(before), { add: { completedCount: 1 } }));
      return run(ops, (i) => (i === 0 ? 'ENROLLMENT_CHANGED' : undefined), [{ before, after }]);
    },

    /** Allocates the next certificate number of an agency's year (numbers are unique; a failed completion leaves a gap). */
    async nextCertificateSerial(agencyId: string, year: string): Promise<number> {
      return table.increment({ pk: `${agencyId}#Counter#Certificate#${year}`, sk: 'Counter' }, 'serial');
    },
  };
}

export type EnrollmentRepository = ReturnType<typeof createEnrollmentRepository>;
