import type { Enrollment, TrainingProgram } from '../../domain/training';
import { enrollmentEntity, placeGuard } from '../entities/enrollment';
import { enrollmentWrites } from '../entities/enrollment-writes';
import { feedChanges, transactWithFeed } from '../partner-feed';
import { failedOnCondition, type Table } from '../table';
import { recordsByNaturalKey } from './natural-keys';

/** The natural key of an enrollment: its place guard's value (`<program>:<employee>`). */
export const enrollmentGuardValue = (programId: string, employeeId: string) =>
  placeGuard.value({ programId, employeeId });

/** Enrollments of employees in programs, by their natural key `<program>:<employee>`. */
export function enrollmentsByPair(table: Table, agencyId: string, pairs: string[], consistent = false) {
  return recordsByNaturalKey(table, enrollmentEntity, agencyId, placeGuard.kind, pairs, consistent);
}

/** Most new enrollments written per transaction: 3 operations each, the program's, and the feed's. */
export const ENROLLMENTS_PER_TRANSACTION = 20;

/** Runs an import's writes as a system job; false when a condition failed (the caller retries the rows alone). */
async function written(table: Table, write: () => Promise<void>): Promise<boolean> {
  try {
    await table.retries.forJob(write);
    return true;
  } catch (error) {
    if (failedOnCondition(error)) return false;
    throw error;
  }
}

/**
 * Writes new seat-holding enrollments of one program (at most 20, of distinct employees) in one
 * transaction, exactly as enrolling does (`enrollmentWrites.insertMany`) with the partner feed's
 * entries. Returns false when a condition failed (a seat, a guard, an employee): the caller then
 * writes the rows one by one.
 */
export function insertImportedEnrollments(
  table: Table,
  program: Pick<TrainingProgram, 'agencyId' | 'id' | 'capacity'>,
  enrollments: Enrollment[],
): Promise<boolean> {
  const changes = feedChanges(enrollments.map((after) => ({ after })));
  return written(table, () =>
    transactWithFeed(table, enrollmentWrites.insertMany(program, enrollments), changes),
  );
}

/** Changes an enrollment under its version (completion recorded by import), with its counters and feed entry. */
export function updateImportedEnrollment(
  table: Table,
  before: Enrollment,
  after: Enrollment,
): Promise<boolean> {
  const changes = feedChanges([{ before, after }]);
  return written(table, () => transactWithFeed(table, enrollmentWrites.change(before, after), changes));
}
