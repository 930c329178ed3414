import type { Enrollment } from '../../domain/training';
import { defineEntity } from '../entity';

/**
 * Enrollments. gsi1: enrollments of a program in arrival order; gsi2 (sparse): the program's
 * waitlist in queue order, present only while WAITLISTED; gsi3: enrollments of a unit by time.
 */
export const enrollmentEntity = defineEntity<Enrollment>({
  type: 'Enrollment',
  indexes: {
    gsi1: (e) => ({ pk: `${e.agencyId}#TrainingProgram#${e.programId}#Enrollment`, sk: e.queueKey }),
    gsi2: (e) =>
      e.status === 'WAITLISTED'
        ? { pk: `${e.agencyId}#TrainingProgram#${e.programId}#Waitlist`, sk: e.queueKey }
        : undefined,
    gsi3: (e) => ({ pk: `${e.agencyId}#Unit#${e.unitId}#Enrollment`, sk: `${e.createdAt}#${e.id}` }),
  },
});
