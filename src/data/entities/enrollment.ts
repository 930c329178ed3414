import { type Enrollment, SEAT_HOLDING } from '../../domain/training';
import { defineEntity } from '../entity';
import type { ItemKey } from '../item';
import { ordered } from '../sort-keys';
import { uniqueValueKey } from './unique-value';

/** Index partitions of enrollments, shared by the declaration below and the repository's queries. */
export const enrollmentPartitions = {
  program: (agencyId: string, programId: string) => `${agencyId}#TrainingProgram#${programId}#Enrollment`,
  waitlist: (agencyId: string, programId: string) => `${agencyId}#TrainingProgram#${programId}#Waitlist`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#Enrollment`,
};

/**
 * Enrollments. gsi1: enrollments of a program in arrival order; gsi2 (sparse): the program's
 * waitlist in queue order, present only while WAITLISTED; gsi3: enrollments of a unit by time.
 */
export const enrollmentEntity = defineEntity<Enrollment>({
  type: 'Enrollment',
  indexes: {
    gsi1: (e) => ({ pk: enrollmentPartitions.program(e.agencyId, e.programId), sk: e.queueKey }),
    gsi2: (e) =>
      e.status === 'WAITLISTED'
        ? { pk: enrollmentPartitions.waitlist(e.agencyId, e.programId), sk: e.queueKey }
        : undefined,
    gsi3: (e) => ({ pk: enrollmentPartitions.unit(e.agencyId, e.unitId), sk: ordered(e.createdAt, e.id) }),
  },
});

/** The counters of a program that its enrollments move. */
export type ProgramCounts = Record<'seatsTaken' | 'waitlistCount' | 'completedCount', number>;

/**
 * What one enrollment counts on its program: a seat while it holds one (ENROLLED, COMPLETED,
 * NO_SHOW), a waitlist place while WAITLISTED, a completion once COMPLETED. Every transition
 * moves the counters by the difference, so they always equal the sum over the enrollments.
 */
export function programCountsOf(e: Enrollment | undefined): ProgramCounts {
  return {
    seatsTaken: e && SEAT_HOLDING.includes(e.status) ? 1 : 0,
    waitlistCount: e?.status === 'WAITLISTED' ? 1 : 0,
    completedCount: e?.status === 'COMPLETED' ? 1 : 0,
  };
}

/** The counter changes of some enrollment transitions together (only the non-zero ones). */
export function programCountChange(changes: { before?: Enrollment | undefined; after: Enrollment }[]) {
  const change: Partial<ProgramCounts> = {};
  for (const { before, after } of changes) {
    const [from, to] = [programCountsOf(before), programCountsOf(after)];
    for (const name of Object.keys(to) as (keyof ProgramCounts)[]) {
      const delta = (change[name] ?? 0) + to[name] - from[name];
      if (delta === 0) delete change[name];
      else change[name] = delta;
    }
  }
  return change;
}

const PLACE = 'Enrollment';

/** The guard of an employee's one place in a program: held from enrolling (or the invitation) until a drop or decline. */
export const placeGuard = {
  kind: PLACE,
  value: (e: Pick<Enrollment, 'programId' | 'employeeId'>) => `${e.programId}:${e.employeeId}`,
  key: (e: Enrollment): ItemKey => uniqueValueKey(e.agencyId, PLACE, placeGuard.value(e)),
  /** Whether an enrollment in this state holds the place (a declined invitation gives it up). */
  holds: (e: Enrollment) => e.status !== 'DROPPED' && e.status !== 'DECLINED',
};
