import type { Enrollment, EnrollmentStatus } from '../../domain/training';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { CERTIFICATE_SERIAL, nextCertificateSerial } from '../entities/certificate-counter';
import { enrollmentEntity, enrollmentPartitions } from '../entities/enrollment';
import { enrollmentWrites } from '../entities/enrollment-writes';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { feedChanges, transactWithFeed } from '../partner-feed';
import type { Table } from '../table';

type Transition = { before?: Enrollment | undefined; after: Enrollment };

/**
 * Enrollments and the program seat counters they move, always in one transaction (with the
 * partner feed's entries), so `seatsTaken` and `waitlistCount` equal the number of enrollments
 * in those states at every commit. Refusals are those `enrollment-writes.ts` declares.
 */
export function createEnrollmentRepository(table: Table, cursors: CursorCodec) {
  const run = (writes: ReturnType<typeof enrollmentWrites.insert>, changes: Transition[]) =>
    transactWithFeed(table, writes, feedChanges(changes));

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
          partition: enrollmentPartitions.program(agencyId, programId),
          ...(filters.length ? { filters } : {}),
        },
        page,
        (item) => enrollmentEntity.fromItem(item),
      );
    },

    /** The first few waitlisted enrollments of a program in queue order (index reads may lag; writes re-check). */
    async waitlistHead(agencyId: string, programId: string, limit: number): Promise<Enrollment[]> {
      const page = await table.queryPage(
        { index: 'gsi2', partition: enrollmentPartitions.waitlist(agencyId, programId) },
        limit,
      );
      return page.items.map((item) => enrollmentEntity.fromItem(item));
    },

    /** 1-based place of a waitlisted enrollment in its program's queue. */
    async waitlistPosition(e: Enrollment): Promise<number> {
      const ahead = await table.count({
        index: 'gsi2',
        partition: enrollmentPartitions.waitlist(e.agencyId, e.programId),
        sortKey: { lte: e.queueKey },
      });
      return Math.max(ahead, 1);
    },

    /**
     * Writes a new enrollment holding a seat (`ENROLLED`, only while seats are free and nobody
     * waits: else ProgramFullError) or a waitlist place (`WAITLISTED`), with its place guard, the
     * id on the employee and the claim of its idempotency key.
     */
    insert(enrollment: Enrollment, claim?: IdempotencyClaim): Promise<void> {
      const writes = withClaim(
        enrollmentWrites.insert(enrollment),
        claim,
        enrollment.id,
        new Date(enrollment.createdAt),
      );
      return run(writes, [{ after: enrollment }]);
    },

    /** Drops a seat holder; with a waitlisted `candidate` (before/after) the seat passes to it. */
    dropSeat(before: Enrollment, after: Enrollment, candidate?: { before: Enrollment; after: Enrollment }) {
      return run(enrollmentWrites.dropSeat(before, after, candidate), [
        { before, after },
        ...(candidate ? [candidate] : []),
      ]);
    },

    /** Drops a waitlisted enrollment: its place is released. */
    dropWaitlisted(before: Enrollment, after: Enrollment) {
      return run(enrollmentWrites.dropWaitlisted(before, after), [{ before, after }]);
    },

    /** Gives a free seat to a waitlisted enrollment (after a capacity increase). */
    promote(before: Enrollment, after: Enrollment) {
      return run(enrollmentWrites.promote(before, after), [{ before, after }]);
    },

    /** Writes the invitations of one call, all or none (pending invitations reach no partner feed). */
    invite(invitations: Enrollment[]): Promise<void> {
      return table.transact(enrollmentWrites.invite(invitations));
    },

    /** Accepts an invitation into a seat or the waitlist; the partner's feed gets it as CREATED. */
    accept(before: Enrollment, after: Enrollment) {
      return run(enrollmentWrites.accept(before, after), [{ before, after }]);
    },

    /** Declines an invitation; its place is given up. */
    decline(before: Enrollment, after: Enrollment) {
      return table.transact(enrollmentWrites.decline(before, after));
    },

    /** Records the end of a seat holder's participation: COMPLETED (counted) or NO_SHOW. */
    finish(before: Enrollment, after: Enrollment) {
      return run(enrollmentWrites.finish(before, after), [{ before, after }]);
    },

    /** Allocates the next certificate number of an agency's year (unique; a failed completion leaves a gap). */
    nextCertificateSerial(agencyId: string, year: string): Promise<number> {
      return table.increment(nextCertificateSerial(agencyId, year), CERTIFICATE_SERIAL);
    },
  };
}

export type EnrollmentRepository = ReturnType<typeof createEnrollmentRepository>;
