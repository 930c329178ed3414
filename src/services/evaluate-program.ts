import { idempotencyClaimOf } from '../data/idempotency';
import type { Evaluation, ProgramEvaluation, ResultsEvidence } from '../domain/evaluation';
import { type EvaluationThresholds, thresholdsOf } from '../domain/leadership/evaluation-thresholds';
import { resultsWindow } from '../domain/leadership/results-window';
import { averageLearningGain } from '../domain/learning-gain';
import { CADENCE_PERIOD_KIND } from '../domain/performance-indicator';
import type { Period } from '../domain/period';
import { recommendProgramAction } from '../domain/program-evaluation';
import { newRecord } from '../domain/record';
import type { Enrollment } from '../domain/training';
import { BadUserInputError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of evaluateProgram: results from an indicator's two periods, or reported directly. */
export interface EvaluateProgramCommand {
  program: Ref;
  reactionScore?: number | undefined;
  behaviourScore?: number | undefined;
  indicator?: Ref | undefined;
  beforePeriod?: Period | undefined;
  afterPeriod?: Period | undefined;
  resultsChangePercent?: number | undefined;
  notes?: string | undefined;
  idempotencyKey?: string | undefined;
}

const EVALUATORS = ['ADMIN'] as const;
const EVALUABLE = ['RUNNING', 'COMPLETED'];

/**
 * Post-training evaluation of programs on the four Kirkpatrick levels (DOMAIN rule 7): learning
 * computed from the program's completed enrollments, results from a performance indicator.
 */
export function createProgramEvaluator(deps: ServiceDeps) {
  const { evaluations, enrollments, training, performance, organization, idempotency, clock, newId } = deps;

  /** Every COMPLETED enrollment of a program (a few hundred at most), page by page. */
  async function completedEnrollments(program: Ref): Promise<Enrollment[]> {
    const all: Enrollment[] = [];
    let after: string | null = null;
    do {
      const page = await enrollments.listByProgram(
        program.agencyId,
        program.id,
        { status: ['COMPLETED'] },
        {
          first: 100,
          after,
        },
      );
      all.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  }

  /**
   * Level 4: an indicator's change (honouring its direction) from the window of measured periods
   * ending at `beforePeriod` to the one starting at `afterPeriod`, each as long as the agency's
   * thresholds ask (shorter when fewer periods were measured); or a reported change.
   */
  async function resultsOf(
    scope: RequestScope,
    input: EvaluateProgramCommand,
    thresholds: EvaluationThresholds,
  ): Promise<ResultsEvidence | undefined> {
    if (input.resultsChangePercent !== undefined)
      return { source: 'REPORTED', changePercent: input.resultsChangePercent };
    const { indicator: ref, beforePeriod, afterPeriod } = input;
    if (!ref || !beforePeriod || !afterPeriod) return undefined;
    const indicator = await performance.get(scope.loader, ref.agencyId, ref.id);
    if (!indicator) throw BadUserInputError.of('input.indicatorId', 'no such indicator in this agency');
    const kind = CADENCE_PERIOD_KIND[indicator.cadence];
    const periods = [
      ['input.beforePeriod', beforePeriod],
      ['input.afterPeriod', afterPeriod],
    ] as const;
    for (const [field, period] of periods) {
      if (period.kind !== kind)
        throw BadUserInputError.of(
          field,
          `${indicator.code} is measured ${indicator.cadence}: give a ${kind} period`,
        );
    }
    if (afterPeriod.start <= beforePeriod.start)
      throw BadUserInputError.of('input.afterPeriod', 'must come after beforePeriod');
    const measurements = await performance.allMeasurements(ref.agencyId, ref.id);
    for (const [field, period] of periods) {
      if (!measurements.some((m) => m.period === period.key))
        throw BadUserInputError.of(field, `${indicator.code} has no measurement for ${period.key}`);
    }
    const window = resultsWindow({
      direction: indicator.direction,
      measurements,
      lastBefore: beforePeriod.key,
      firstAfter: afterPeriod.key,
      size: { before: thresholds.minPeriodsBefore, after: thresholds.minPeriodsAfter },
    });
    return {
      source: 'INDICATOR',
      indicatorId: indicator.id,
      beforePeriod: beforePeriod.key,
      afterPeriod: afterPeriod.key,
      beforeValue: window.beforeValue ?? undefined,
      afterValue: window.afterValue ?? undefined,
      changePercent: window.changePercent ?? undefined,
      beforePeriods: window.before.map((m) => m.period),
      afterPeriods: window.after.map((m) => m.period),
    };
  }

  /**
   * Evaluates a running or completed program (administrators): reaction and behaviour as given,
   * learning from its completed participants' test scores, results from an indicator, and the
   * recommendation (EXPAND / CONTINUE / REVIEW / STOP) with its reasons.
   */
  return async function evaluateProgram(
    scope: RequestScope,
    input: EvaluateProgramCommand,
  ): Promise<Evaluation> {
    const caller = requireStaff(scope.caller, EVALUATORS);
    requireSameAgency(caller, input.program.agencyId);
    if (input.indicator) requireSameAgency(caller, input.indicator.agencyId);
    const claim = idempotencyClaimOf(caller.agencyId, 'evaluateProgram', input);
    const replay = { type: 'Evaluation', load: (id: string) => evaluations.getLatest(caller.agencyId, id) };
    return idempotency.once(
      claim,
      async (): Promise<Evaluation> => {
        const program = await training.getProgramLatest(caller.agencyId, input.program.id);
        if (!program) throw BadUserInputError.of('input.programId', 'no such program in this agency');
        if (!EVALUABLE.includes(program.status))
          throw BadUserInputError.of(
            'input.programId',
            `the program is ${program.status}: evaluate it once it runs`,
          );
        const thresholds = thresholdsOf(await organization.getAgency(scope.loader, caller.agencyId));
        const [completed, results] = await Promise.all([
          completedEnrollments(program),
          resultsOf(scope, input, thresholds),
        ]);
        const learningGain = averageLearningGain(completed);
        const advice = recommendProgramAction(
          {
            reactionScore: input.reactionScore,
            avgLearningGain: learningGain,
            behaviourScore: input.behaviourScore,
            resultsChange: results?.changePercent,
            resultsPeriods:
              results?.source === 'INDICATOR'
                ? { before: results.beforePeriods?.length ?? 0, after: results.afterPeriods?.length ?? 0 }
                : null,
          },
          thresholds,
        );
        const now = clock();
        const evaluation: ProgramEvaluation = {
          ...newRecord(caller.agencyId, newId(), now.toISOString()),
          kind: 'PROGRAM',
          evaluatedAt: now.toISOString(),
          evaluatorId: caller.employeeId,
          notes: input.notes,
          programId: program.id,
          reactionScore: input.reactionScore,
          learningGain: learningGain ?? undefined,
          learningParticipants: completed.filter(
            (e) => e.preTestScore !== undefined && e.postTestScore !== undefined,
          ).length,
          behaviourScore: input.behaviourScore,
          results,
          recommendation: advice.recommendation,
          reasons: advice.reasons,
          findings: advice.findings,
          thresholds,
        };
        await evaluations.recordProgramEvaluation(evaluation, now, claim);
        return evaluation;
      },
      replay,
    );
  };
}
