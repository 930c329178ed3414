import {
  type Appraisal,
  type ProgramEvaluation,
  siasnSkpRecordOf,
  talentBoxOf,
} from '../src/domain/evaluation';
import { POTENTIAL_LABELS } from '../src/domain/nine-box';
import { parsePeriod } from '../src/domain/period';
import { PROGRAM_RECOMMENDATION_LABELS } from '../src/domain/program-evaluation';
import { PREDIKAT_LABELS } from '../src/domain/skp-predikat';
import type { Resolvers } from '../src/generated/graphql';
import { EvaluateProgramInput, EvaluationFilterInput, RecordAppraisalInput } from './evaluation.inputs';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import type { Evaluation } from './mappers';
import { parseInput } from './parse-input';
import { required } from './required';

const appraisal = (e: Evaluation): Appraisal | null => (e.kind === 'APPRAISAL' ? e : null);
const programEvaluation = (e: Evaluation): ProgramEvaluation | null => (e.kind === 'PROGRAM' ? e : null);

/** Appraisals and program evaluations; an employee's appraisals and 9-box; a program's evaluations. */
export const evaluationResolvers: Resolvers = {
  Query: {
    evaluation: (_, { id }, ctx) =>
      ctx.services.evaluations.get(ctx, parseInput(globalIdOf('Evaluation'), id, 'id')),
    evaluations: (_, { filter, first, after }, ctx) =>
      ctx.services.evaluations.list(ctx, parseInput(EvaluationFilterInput, filter, 'filter'), {
        first,
        after,
      }),
  },
  Mutation: {
    recordAppraisal: (_, { input }, ctx) =>
      ctx.services.evaluations.recordAppraisal(ctx, parseInput(RecordAppraisalInput, input)),
    evaluateProgram: (_, { input }, ctx) =>
      ctx.services.evaluations.evaluateProgram(ctx, parseInput(EvaluateProgramInput, input)),
  },
  Evaluation: {
    id: (e) => toGlobalId('Evaluation', e.agencyId, e.id),
    employee: (e, _, ctx) => {
      const a = appraisal(e);
      return a ? ctx.services.employees.get(ctx, { agencyId: a.agencyId, id: a.employeeId }) : null;
    },
    unit: (e, _, ctx) => {
      const a = appraisal(e);
      return a ? ctx.services.organization.getUnit(ctx, { agencyId: a.agencyId, id: a.unitId }) : null;
    },
    period: (e) => appraisal(e)?.period ?? null,
    periodLabel: (e) => {
      const a = appraisal(e);
      const parsed = a ? parsePeriod(a.period) : undefined;
      return parsed?.ok ? parsed.value.label : null;
    },
    periodStart: (e) => appraisal(e)?.periodStart ?? null,
    periodEnd: (e) => appraisal(e)?.periodEnd ?? null,
    resultRating: (e) => appraisal(e)?.resultRating ?? null,
    behaviourRating: (e) => appraisal(e)?.behaviourRating ?? null,
    predikat: (e) => appraisal(e)?.predikat ?? null,
    predikatLabel: (e) => {
      const a = appraisal(e);
      return a ? PREDIKAT_LABELS[a.predikat] : null;
    },
    potential: (e) => appraisal(e)?.potential ?? null,
    talentBox: (e) => {
      const a = appraisal(e);
      return a?.potential ? talentBoxOf(a.predikat, a.potential) : null;
    },
    appraiser: (e, _, ctx) => {
      const id = appraisal(e)?.appraiser?.employeeId;
      return id ? ctx.services.employees.get(ctx, { agencyId: e.agencyId, id }) : null;
    },
    siasnSkpRecord: async (e, _, ctx) => {
      const a = appraisal(e);
      if (a?.periodKind !== 'YEAR') return null;
      const employee = await ctx.services.employees
        .get(ctx, { agencyId: a.agencyId, id: a.employeeId })
        .then(required('Employee'));
      return siasnSkpRecordOf(a, employee);
    },
    program: (e, _, ctx) => {
      const p = programEvaluation(e);
      return p ? ctx.services.training.getProgram(ctx, { agencyId: p.agencyId, id: p.programId }) : null;
    },
    levels: (e) => programEvaluation(e),
    recommendation: (e) => programEvaluation(e)?.recommendation ?? null,
    recommendationLabel: (e) => {
      const p = programEvaluation(e);
      return p ? PROGRAM_RECOMMENDATION_LABELS[p.recommendation] : null;
    },
    reasons: (e) => programEvaluation(e)?.reasons ?? null,
    evaluator: (e, _, ctx) =>
      e.evaluatorId ? ctx.services.employees.get(ctx, { agencyId: e.agencyId, id: e.evaluatorId }) : null,
    notes: (e) => e.notes ?? null,
  },
  EvaluationConnection: { totalCount: (connection) => connection.totalCount() },
  TalentBox: {
    potentialLabel: (t) => POTENTIAL_LABELS[t.potential],
  },
  KirkpatrickLevels: {
    reaction: (p) => p.reactionScore ?? null,
    learning: (p) => p.learningGain ?? null,
    behaviour: (p) => p.behaviourScore ?? null,
    results: (p) => p.results?.changePercent ?? null,
    resultsEvidence: (p) => (p.results ? { ...p.results, agencyId: p.agencyId } : null),
  },
  ResultsEvidence: {
    indicator: (r, _, ctx) =>
      r.indicatorId ? ctx.services.performance.get(ctx, { agencyId: r.agencyId, id: r.indicatorId }) : null,
    beforePeriod: (r) => r.beforePeriod ?? null,
    afterPeriod: (r) => r.afterPeriod ?? null,
    beforeValue: (r) => r.beforeValue ?? null,
    afterValue: (r) => r.afterValue ?? null,
    changePercent: (r) => r.changePercent ?? null,
  },
  Employee: {
    appraisals: (employee, { first, after }, ctx) =>
      ctx.services.evaluations.appraisalsOf(ctx, employee, { first, after }),
    latestAppraisal: (employee, _, ctx) => ctx.services.evaluations.latestAppraisal(ctx, employee),
    talent: (employee, _, ctx) => ctx.services.evaluations.talent(ctx, employee),
  },
  TrainingProgram: {
    evaluations: (program, { first, after }, ctx) =>
      ctx.services.evaluations.listOfProgram(ctx, program, { first, after }),
  },
};
