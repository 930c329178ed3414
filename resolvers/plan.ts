import { PLAN_STATUS_LABELS } from '../src/domain/development-plan';
import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';
import {
  AddProgramToPlanInput,
  CreateDevelopmentPlanInput,
  DevelopmentPlanFilterInput,
  RecordPlanSpendingInput,
  RemoveProgramFromPlanInput,
  UpdateDevelopmentPlanInput,
} from './plan.inputs';
import { required } from './required';

/** Development plans (Rencana Pembinaan ASN), their budget, programs and spending. */
export const planResolvers: Resolvers = {
  Query: {
    developmentPlan: (_, { id }, ctx) =>
      ctx.services.plans.get(ctx, parseInput(globalIdOf('DevelopmentPlan'), id, 'id')),
    developmentPlans: (_, { filter, first, after }, ctx) =>
      ctx.services.plans.list(ctx, parseInput(DevelopmentPlanFilterInput, filter, 'filter'), {
        first,
        after,
      }),
  },
  Mutation: {
    createDevelopmentPlan: (_, { input }, ctx) =>
      ctx.services.plans.create(ctx, parseInput(CreateDevelopmentPlanInput, input)),
    updateDevelopmentPlan: (_, { input }, ctx) =>
      ctx.services.plans.update(ctx, parseInput(UpdateDevelopmentPlanInput, input)),
    addProgramToPlan: (_, { input }, ctx) =>
      ctx.services.plans.addProgram(ctx, parseInput(AddProgramToPlanInput, input)),
    removeProgramFromPlan: (_, { input }, ctx) =>
      ctx.services.plans.removeProgram(ctx, parseInput(RemoveProgramFromPlanInput, input)),
    recordPlanSpending: (_, { input }, ctx) =>
      ctx.services.plans.recordSpending(ctx, parseInput(RecordPlanSpendingInput, input)),
  },
  DevelopmentPlan: {
    id: (plan) => toGlobalId('DevelopmentPlan', plan.agencyId, plan.id),
    description: (plan) => plan.description ?? null,
    unit: (plan, _, ctx) =>
      plan.unitId
        ? ctx.services.organization.getUnit(ctx, { agencyId: plan.agencyId, id: plan.unitId })
        : null,
    owner: (plan, _, ctx) =>
      ctx.services.employees
        .get(ctx, { agencyId: plan.agencyId, id: plan.ownerId })
        .then(required('Employee')),
    statusLabel: (plan) => PLAN_STATUS_LABELS[plan.status],
    budget: (plan) => plan,
    programs: (plan, { first, after }, ctx) => ctx.services.plans.programs(ctx, plan, { first, after }),
    spendings: (plan, { first, after }, ctx) => ctx.services.plans.spendings(ctx, plan, { first, after }),
  },
  DevelopmentPlanConnection: { totalCount: (connection) => connection.totalCount() },
  PlanCommitment: {
    plan: (c, _, ctx) =>
      ctx.services.plans.get(ctx, { agencyId: c.agencyId, id: c.planId }).then(required('DevelopmentPlan')),
    committedAt: (c) => c.createdAt,
  },
  PlanSpending: {
    recordedAt: (s) => s.createdAt,
  },
  PlanSpendingConnection: { totalCount: (connection) => connection.totalCount() },
  TrainingProgram: {
    developmentPlan: (program, _, ctx) =>
      program.developmentPlanId
        ? ctx.services.plans.get(ctx, { agencyId: program.agencyId, id: program.developmentPlanId })
        : null,
    planCommitment: (program, _, ctx) => ctx.services.plans.commitmentOf(ctx, program),
  },
};
