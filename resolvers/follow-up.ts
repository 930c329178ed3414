import { isOverdue } from '../src/domain/leadership/follow-up';
import type { Resolvers } from '../src/generated/graphql';
import {
  AddFollowUpActionInput,
  CreateNextCohortInput,
  SetEvaluationThresholdsInput,
  UpdateFollowUpActionInput,
} from './follow-up.inputs';
import { toGlobalId } from './global-id';
import { parseInput } from './parse-input';
import { required } from './required';

/** Evaluation follow-up (issue 14 item 3): actions on recommendations, program series, thresholds. */
export const followUpResolvers: Resolvers = {
  Mutation: {
    addFollowUpAction: (_, { input }, ctx) =>
      ctx.services.followUps.add(ctx, parseInput(AddFollowUpActionInput, input)),
    updateFollowUpAction: (_, { input }, ctx) =>
      ctx.services.followUps.update(ctx, parseInput(UpdateFollowUpActionInput, input)),
    createNextCohort: (_, { input }, ctx) =>
      ctx.services.programSeries.createNextCohort(ctx, parseInput(CreateNextCohortInput, input)),
    setEvaluationThresholds: (_, { input }, ctx) =>
      ctx.services.evaluationThresholds.set(ctx, parseInput(SetEvaluationThresholdsInput, input)),
  },
  FollowUpAction: {
    id: (a) => toGlobalId('FollowUpAction', a.agencyId, a.id),
    evaluation: (a, _, ctx) =>
      ctx.services.evaluations
        .get(ctx, { agencyId: a.agencyId, id: a.evaluationId })
        .then(required('Evaluation')),
    owner: (a, _, ctx) => ctx.services.employees.get(ctx, { agencyId: a.agencyId, id: a.ownerId }),
    overdue: (a, _, ctx) => isOverdue(a, ctx.clock().toISOString().slice(0, 10)),
    note: (a) => a.note ?? null,
    closedAt: (a) => a.closedAt ?? null,
  },
  Evaluation: {
    findings: (e) => (e.kind === 'PROGRAM' ? (e.findings ?? []) : null),
    followUpActions: (e, _, ctx) => ctx.services.followUps.ofEvaluation(ctx, e),
  },
  TrainingProgram: {
    series: (program, _, ctx) => ctx.services.programSeries.series(ctx, program),
  },
  ProgramCohort: {
    completedCount: (c) => c.program.completedCount,
  },
  Agency: {
    evaluationThresholds: (agency, _, ctx) => ctx.services.evaluationThresholds.of(ctx, agency),
  },
};
