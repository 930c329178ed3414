import type { TrainingProgram } from '../../domain/training';
import { BadUserInputError, ConflictError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { putNew, type Write } from '../write';
import { partnerPartitions } from './partner';
import { claimUniqueValue, codeGuardWrites } from './unique-value';

/** Index partitions of programs, shared by the declaration below and the repository's queries. */
export const programPartitions = {
  agency: (agencyId: string) => `${agencyId}#TrainingProgram`,
  partner: partnerPartitions.programs,
  /** The next cohorts of a series (the first cohort is read by its id). */
  series: (agencyId: string, seriesId: string) => `${agencyId}#TrainingProgram#${seriesId}#Series`,
};

/** Kind of the guard item that gives each cohort number of a series to one program only. */
const COHORT_GUARD = 'ProgramCohort';

/** Kind of the guard item that keeps program codes unique in an agency (`entities/unique-value.ts`). */
export const PROGRAM_CODE_GUARD = 'ProgramCode';

/**
 * Training programs. gsi1: programs of an agency by start date; gsi2: programs of a partner
 * by start date; gsi3 (next cohorts): the cohorts of a series by number. Seat counters and the
 * development-plan link are maintained by their own writes.
 */
export const trainingProgramEntity = defineEntity<TrainingProgram>({
  type: 'TrainingProgram',
  indexes: {
    gsi1: (p) => ({ pk: programPartitions.agency(p.agencyId), sk: ordered(p.startDate, p.id) }),
    gsi2: (p) =>
      p.partnerId
        ? { pk: programPartitions.partner(p.agencyId, p.partnerId), sk: ordered(p.startDate, p.id) }
        : undefined,
    gsi3: (p) =>
      p.seriesId && p.seriesNumber
        ? {
            pk: programPartitions.series(p.agencyId, p.seriesId),
            sk: ordered(String(p.seriesNumber).padStart(3, '0'), p.id),
          }
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
   * The next cohort of a series: its number claimed on a guard, so two cohorts created at once
   * from the same series never share a number (the later is a CONFLICT: read the series again).
   */
  createNextCohort(program: TrainingProgram & { seriesId: string; seriesNumber: number }): Write[] {
    return [
      claimUniqueValue(
        program.agencyId,
        COHORT_GUARD,
        `${program.seriesId}:${program.seriesNumber}`,
        program.id,
        (_, cause) =>
          new ConflictError(
            `Cohort ${program.seriesNumber} of this series was just created: read the series again`,
            { field: 'input.fromProgramId' },
            cause,
          ),
      ),
      ...programWrites.create(program),
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
