import type { TrainingProgram } from '../../domain/training';
import { BadUserInputError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { putNew, type Write } from '../write';
import { partnerPartitions } from './partner';
import { codeGuardWrites } from './unique-value';

/** Index partitions of programs, shared by the declaration below and the repository's queries. */
export const programPartitions = {
  agency: (agencyId: string) => `${agencyId}#TrainingProgram`,
  partner: partnerPartitions.programs,
};

/** Kind of the guard item that keeps program codes unique in an agency (`entities/unique-value.ts`). */
export const PROGRAM_CODE_GUARD = 'ProgramCode';

/**
 * Training programs. gsi1: programs of an agency by start date; gsi2: programs of a partner
 * by start date. Seat counters and the development-plan link are maintained by their own writes.
 */
export const trainingProgramEntity = defineEntity<TrainingProgram>({
  type: 'TrainingProgram',
  indexes: {
    gsi1: (p) => ({ pk: programPartitions.agency(p.agencyId), sk: ordered(p.startDate, p.id) }),
    gsi2: (p) =>
      p.partnerId
        ? { pk: programPartitions.partner(p.agencyId, p.partnerId), sk: ordered(p.startDate, p.id) }
        : undefined,
  },
  external: ['seatsTaken', 'waitlistCount', 'completedCount', 'developmentPlanId'],
});

/** The writes of programs (their seats move with enrollments: `enrollment-writes.ts`). */
export const programWrites = {
  /** A new program, its counters at zero, and the guard of its code when it has one (CONFLICT when taken). */
  create(program: TrainingProgram): Write[] {
    return [
      ...codeGuardWrites(PROGRAM_CODE_GUARD, 'Program', undefined, program),
      putNew(trainingProgramEntity.toItem(program)),
    ];
  },

  /**
   * A program update. A smaller capacity is conditioned on the seats taken at write time (an
   * enrollment may take a seat meanwhile without changing the version): below them it is refused
   * with BAD_USER_INPUT on the capacity, never stored.
   */
  update(before: TrainingProgram, after: TrainingProgram): Write[] {
    const codes = codeGuardWrites(PROGRAM_CODE_GUARD, 'Program', before, after);
    if (after.capacity >= before.capacity)
      return [versionedUpdate(trainingProgramEntity, before, after), ...codes];
    return [
      versionedUpdate(trainingProgramEntity, before, after, {
        guard: {
          expression: '#seats <= :capacity',
          names: { '#seats': 'seatsTaken' },
          values: { ':capacity': after.capacity },
        },
        refused: (stored, cause) =>
          stored?.version === before.version
            ? BadUserInputError.of(
                'input.capacity',
                `must be at least the ${stored.seatsTaken} seats already taken`,
                cause,
              )
            : versionConflict(trainingProgramEntity.type, before.version, stored, cause),
      }),
      ...codes,
    ];
  },
};
