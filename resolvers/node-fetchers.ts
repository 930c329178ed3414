import type { ResolversInterfaceTypes } from '../src/generated/graphql';
import type { Ref } from '../src/services/request-scope';
import type { GraphQLContext } from './context';

type NodeModel = ResolversInterfaceTypes<Record<string, never>>['Node'];

const tagged =
  <T extends object, N extends string>(
    typename: N,
    fetch: (ctx: GraphQLContext, ref: Ref) => Promise<T | null>,
  ) =>
  async (ctx: GraphQLContext, ref: Ref) => {
    const found = await fetch(ctx, ref);
    return found ? { ...found, __typename: typename } : null;
  };

/** How `node(id)` loads each type; every fetcher goes through the service (and its access checks). */
export const nodeFetchers: Record<string, (ctx: GraphQLContext, ref: Ref) => Promise<NodeModel | null>> = {
  Agency: tagged('Agency', (ctx, ref) => ctx.services.organization.getAgency(ctx, ref.agencyId)),
  Unit: tagged('Unit', (ctx, ref) => ctx.services.organization.getUnit(ctx, ref)),
  Employee: tagged('Employee', (ctx, ref) => ctx.services.employees.getVisible(ctx, ref)),
  PerformanceIndicator: tagged('PerformanceIndicator', (ctx, ref) => ctx.services.performance.get(ctx, ref)),
  Feedback: tagged('Feedback', (ctx, ref) => ctx.services.feedback.get(ctx, ref)),
  Partner: tagged('Partner', (ctx, ref) => ctx.services.training.getPartner(ctx, ref)),
  TrainingProgram: tagged('TrainingProgram', (ctx, ref) => ctx.services.training.getProgram(ctx, ref)),
  Enrollment: tagged('Enrollment', (ctx, ref) => ctx.services.enrollments.get(ctx, ref)),
  Mentorship: tagged('Mentorship', (ctx, ref) => ctx.services.mentorships.get(ctx, ref)),
  Evaluation: tagged('Evaluation', (ctx, ref) => ctx.services.evaluations.get(ctx, ref)),
  DevelopmentPlan: tagged('DevelopmentPlan', (ctx, ref) => ctx.services.plans.get(ctx, ref)),
  FollowUpAction: tagged('FollowUpAction', (ctx, ref) => ctx.services.followUps.get(ctx, ref)),
  ImportJob: tagged('ImportJob', (ctx, ref) => ctx.services.imports.getImportJob(ctx, ref)),
};
