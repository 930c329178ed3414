import { idempotencyClaimOf } from '../data/idempotency';
import type { Evaluation } from '../domain/evaluation';
import {
  cohortNumberOf,
  cohortTitle,
  MAX_SERIES_COHORTS,
  nextCohortNumber,
  seriesIdOf,
} from '../domain/leadership/program-series';
import { newRecord } from '../domain/record';
import type { ProgramStatus, TrainingProgram } from '../domain/training';
import { BadUserInputError, ConflictError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of createNextCohort. */
export interface CreateNextCohortCommand {
  from: Ref;
  startDate: string;
  endDate: string;
  capacity?: number | undefined;
  title?: string | undefined;
  code?: string | undefined;
  status?: ProgramStatus | undefined;
  idempotencyKey?: string | undefined;
}

/** One cohort of a series with its outcomes. */
export interface ProgramCohort {
  number: number;
  program: TrainingProgram;
  latestEvaluation: Evaluation | null;
}

/**
 * Program series (seri angkatan): the next cohort of a program that should grow (an EXPAND
 * recommendation), and every cohort's outcomes side by side.
 */
export function createProgramSeriesService(deps: ServiceDeps) {
  const { training, evaluations, idempotency, clock, newId } = deps;

  /** The series' cohorts by number: the first read by id, the next ones from their index. */
  async function cohortsOf(program: TrainingProgram): Promise<TrainingProgram[]> {
    const seriesId = seriesIdOf(program);
    const [first, next] = await Promise.all([
      seriesId === program.id ? program : training.getProgramLatest(program.agencyId, seriesId),
      training.nextCohorts(program.agencyId, seriesId),
    ]);
    return [...(first ? [first] : []), ...next].sort((a, b) => cohortNumberOf(a) - cohortNumberOf(b));
  }

  return {
    async series(scope: RequestScope, program: TrainingProgram) {
      requireSameAgency(requireStaff(scope.caller), program.agencyId);
      const programs = await cohortsOf(program);
      const cohorts: ProgramCohort[] = await Promise.all(
        programs.map(async (p) => {
          const page = await evaluations.list(p.agencyId, { programId: p.id }, { first: 1 });
          return { number: cohortNumberOf(p), program: p, latestEvaluation: page.edges[0]?.node ?? null };
        }),
      );
      return { number: cohortNumberOf(program), cohorts };
    },

    /** Creates the next cohort after the series' last one (administrators), copying the program. */
    async createNextCohort(scope: RequestScope, input: CreateNextCohortCommand): Promise<TrainingProgram> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      requireSameAgency(caller, input.from.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'createNextCohort', input);
      return idempotency.once(
        claim,
        async (): Promise<TrainingProgram> => {
          const from = await training.getProgramLatest(caller.agencyId, input.from.id);
          if (!from) throw BadUserInputError.of('input.fromProgramId', 'no such program in this agency');
          if (from.status === 'CANCELLED' || from.status === 'DRAFT')
            throw BadUserInputError.of(
              'input.fromProgramId',
              `the program is ${from.status}: only a program that ran grows`,
            );
          const cohorts = await cohortsOf(from);
          const seriesNumber = nextCohortNumber(cohorts);
          if (seriesNumber > MAX_SERIES_COHORTS)
            throw new ConflictError(`The series already has ${MAX_SERIES_COHORTS} cohorts`, {
              field: 'input.fromProgramId',
              rule: 'SERIES_LIMIT_REACHED',
            });
          const first = cohorts[0] ?? from;
          const now = clock();
          const program: TrainingProgram & { seriesId: string; seriesNumber: number } = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            title: input.title ?? cohortTitle(first.title, seriesNumber),
            description: from.description,
            category: from.category,
            code: input.code,
            format: from.format,
            jp: from.jp,
            startDate: input.startDate,
            endDate: input.endDate,
            capacity: input.capacity ?? from.capacity,
            costPerParticipant: from.costPerParticipant,
            partnerId: from.partnerId,
            organizerUnitId: from.organizerUnitId,
            competencies: from.competencies,
            status: input.status ?? 'DRAFT',
            location: from.location,
            seriesId: seriesIdOf(from),
            seriesNumber,
            seatsTaken: 0,
            waitlistCount: 0,
            completedCount: 0,
          };
          await training.createNextCohort(program, now, claim);
          return program;
        },
        { type: 'TrainingProgram', load: (id) => training.getProgramLatest(caller.agencyId, id) },
      );
    },
  };
}

export type ProgramSeriesService = ReturnType<typeof createProgramSeriesService>;
