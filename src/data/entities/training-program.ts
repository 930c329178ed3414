import type { TrainingProgram } from '../../domain/training';
import { defineEntity } from '../entity';

/** Kind of the guard item that keeps program codes unique in an agency (`entities/unique-value.ts`). */
export const PROGRAM_CODE_GUARD = 'ProgramCode';

/**
 * Training programs. gsi1: programs of an agency by start date; gsi2: programs of a partner
 * by start date. Seat counters and the development-plan link are maintained by their own writes.
 */
export const trainingProgramEntity = defineEntity<TrainingProgram>({
  type: 'TrainingProgram',
  indexes: {
    gsi1: (p) => ({ pk: `${p.agencyId}#TrainingProgram`, sk: `${p.startDate}#${p.id}` }),
    gsi2: (p) =>
      p.partnerId
        ? { pk: `${p.agencyId}#Partner#${p.partnerId}#TrainingProgram`, sk: `${p.startDate}#${p.id}` }
        : undefined,
  },
  external: ['seatsTaken', 'waitlistCount', 'completedCount', 'developmentPlanId'],
});
