import type { Enrollment, TrainingProgram } from '../../domain/training';
import { employeeEntity } from '../entities/employee';
import { enrollmentEntity } from '../entities/enrollment';
import { trainingProgramEntity } from '../entities/training-program';
import { uniqueValueItem } from '../entities/unique-value';
import { feedChanges, transactWithFeed } from '../partner-feed';
import { putNewOp, relationUpdateOp } from '../relation-ops';
import { ConditionFailedError, type Table, type WriteOp } from '../table';
import { versionedUpdateOp } from '../versioned-update';
import { recordsByNaturalKey } from './natural-keys';

/** The guard of one enrollment per employee and program (as `enrollment-repository.ts` writes it). */
const GUARD = 'Enrollment';
export const enrollmentGuardValue = (programId: string, employeeId: string) => `${programId}:${employeeId}`;

/** Enrollments of employees in programs, by their natural key `<program>:<employee>`. */
export function enrollmentsByPair(table: Table, agencyId: string, pairs: string[], consistent = false) {
  return recordsByNaturalKey(table, enrollmentEntity, agencyId, GUARD, pairs, consistent);
}

/** Most new enrollments written per transaction: 3 operations each, the program's, and the feed's. */
export const ENROLLMENTS_PER_TRANSACTION = 20;

/**
 * Writes new seat-holding enrollments of one program (at most 20, of distinct employees) in one
 * transaction, exactly as enrolling does: each enrollment with its guard (new), its id appended
 * to the employee, the program's `seatsTaken` (and `completedCount`) moved once by their number
 * under a condition on the seats free, and the partner feed's entries. Returns false when a
 * condition failed (a seat, a guard, an employee): the caller then writes the rows one by one.
 */
export async function insertImportedEnrollments(
  table: Table,
  program: Pick<TrainingProgram, 'agencyId' | 'id' | 'capacity'>,
  enrollments: Enrollment[],
): Promise<boolean> {
  const completed = enrollments.filter((e) => e.status === 'COMPLETED').length;
  const ops: WriteOp[] = [
    relationUpdateOp(
      table,
      trainingProgramEntity.key(program.agencyId, program.id),
      { add: { seatsTaken: enrollments.length, ...(completed ? { completedCount: completed } : {}) } },
      // Conditions take no arithmetic: the capacity as read, and the seats it leaves for these.
      {
        expression: '#status <> :cancelled AND #capacity = :capacity AND #seats <= :limit',
        names: { '#status': 'status', '#seats': 'seatsTaken', '#capacity': 'capacity' },
        values: {
          ':cancelled': 'CANCELLED',
          ':capacity': program.capacity,
          ':limit': program.capacity - enrollments.length,
        },
      },
    ),
    ...enrollments.flatMap((e) => [
      putNewOp(table, enrollmentEntity.toItem(e)),
      putNewOp(
        table,
        uniqueValueItem(e.agencyId, GUARD, enrollmentGuardValue(e.programId, e.employeeId), e.id),
      ),
      relationUpdateOp(table, employeeEntity.key(e.agencyId, e.employeeId), {
        append: { enrollmentIds: e.id },
      }),
    ]),
  ];
  try {
    await transactWithFeed(table, ops, feedChanges(enrollments.map((after) => ({ after }))));
    return true;
  } catch (error) {
    if (error instanceof ConditionFailedError) return false;
    throw error;
  }
}

/** Changes an enrollment under its version (completion recorded by import), with its counter and feed entry. */
export async function updateImportedEnrollment(
  table: Table,
  before: Enrollment,
  after: Enrollment,
): Promise<boolean> {
  const ops: WriteOp[] = [versionedUpdateOp(table, enrollmentEntity, before, after)];
  if (after.status === 'COMPLETED' && before.status !== 'COMPLETED')
    ops.push(
      relationUpdateOp(table, trainingProgramEntity.key(before.agencyId, before.programId), {
        add: { completedCount: 1 },
      }),
    );
  if (before.status === 'COMPLETED' && after.status !== 'COMPLETED')
    ops.push(
      relationUpdateOp(table, trainingProgramEntity.key(before.agencyId, before.programId), {
        add: { completedCount: -1 },
      }),
    );
  try {
    await transactWithFeed(table, ops, feedChanges([{ before, after }]));
    return true;
  } catch (error) {
    if (error instanceof ConditionFailedError) return false;
    throw error;
  }
}
