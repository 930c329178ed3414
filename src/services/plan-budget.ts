import { planRules } from '../data/entities/development-plan-writes';
import { idempotencyClaimOf } from '../data/idempotency';
import { retryRaces } from '../data/race-lost';
import { programCost } from '../domain/budget';
import {
  COMMITTABLE_STATUSES,
  type DevelopmentPlan,
  MAX_PLAN_PROGRAMS,
  type PlanCommitment,
  type PlanSpending,
} from '../domain/development-plan';
import { newRecord } from '../domain/record';
import { type AppError, BadUserInputError, ConflictError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

const EDITORS = ['ADMIN'] as const;

/** Refuses at once what the plan as read already breaks (the write would be refused the same way). */
function refuseEarly(plan: DevelopmentPlan, rule: (p: DevelopmentPlan) => AppError | undefined) {
  const broken = rule(plan);
  if (broken) throw broken;
}

/**
 * The budget of development plans (Binjai article: budget shortfalls): committing programs,
 * releasing them and recording spending. The rules (`planRules`, over budget.ts) give the answer
 * and the shortfall from a consistent read; the conditional writes keep them true under
 * concurrency, and a refused write is answered from the stored image it failed on (a lost race
 * reads again, within the request's retry budget).
 */
export function createPlanBudget(deps: ServiceDeps) {
  const { plans, training, idempotency, retries, clock, newId } = deps;

  async function requirePlan(ref: Ref): Promise<DevelopmentPlan> {
    const plan = await plans.getLatest(ref.agencyId, ref.id);
    if (!plan) throw BadUserInputError.of('input.planId', 'no such development plan in this agency');
    return plan;
  }

  function requireOpen(plan: DevelopmentPlan) {
    if (!COMMITTABLE_STATUSES.includes(plan.status))
      throw BadUserInputError.of(
        'input.planId',
        `the plan is ${plan.status}; its programs can no longer change`,
      );
  }

  async function latest(ref: Ref): Promise<DevelopmentPlan> {
    const plan = await plans.getLatest(ref.agencyId, ref.id);
    if (!plan) throw new NotFoundError('DevelopmentPlan', ref.id);
    return plan;
  }

  return {
    /**
     * Commits a program's cost (cost per participant x participants, default its capacity) to a
     * plan. A program belongs to at most one plan; beyond the remaining budget it is refused.
     */
    async addProgram(
      scope: RequestScope,
      input: { plan: Ref; program: Ref; participants?: number | undefined },
    ): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      requireSameAgency(caller, input.program.agencyId);
      await retryRaces(
        retries,
        async () => {
          const plan = await requirePlan(input.plan);
          requireOpen(plan);
          const program = await training.getProgramLatest(caller.agencyId, input.program.id);
          if (!program) throw BadUserInputError.of('input.programId', 'no such program in this agency');
          if (program.status === 'CANCELLED')
            throw BadUserInputError.of('input.programId', 'the program is CANCELLED');
          if (program.developmentPlanId) {
            throw new ConflictError(
              program.developmentPlanId === plan.id
                ? 'The program is already in this plan'
                : 'The program already belongs to another development plan',
              { field: 'input.programId', rule: 'PROGRAM_IN_A_PLAN' },
            );
          }
          if (plan.programIds.length >= MAX_PLAN_PROGRAMS)
            throw BadUserInputError.of('input.planId', `a plan holds at most ${MAX_PLAN_PROGRAMS} programs`);
          const participants = input.participants ?? program.capacity;
          if (participants > program.capacity)
            throw BadUserInputError.of(
              'input.participants',
              `must not exceed the program's ${program.capacity} seats`,
            );
          const amount = programCost({ costPerParticipant: program.costPerParticipant, participants });
          refuseEarly(plan, planRules.commit(amount));
          const now = clock().toISOString();
          const commitment: PlanCommitment = {
            ...newRecord(caller.agencyId, program.id, now),
            planId: plan.id,
            programId: program.id,
            participants,
            amount,
            committedBy: caller.subject,
          };
          await plans.commitProgram(plan, program, commitment, now);
        },
        (last) =>
          new ConflictError('The plan or program kept changing while committing; try again', {}, last),
      );
      return latest(input.plan);
    },

    /** Releases a program's commitment (its money must still be unspent) and unlinks it from the plan. */
    async removeProgram(scope: RequestScope, input: { plan: Ref; program: Ref }): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      requireSameAgency(caller, input.program.agencyId);
      await retryRaces(
        retries,
        async () => {
          const plan = await requirePlan(input.plan);
          requireOpen(plan);
          const commitment = await plans.getCommitmentLatest(caller.agencyId, input.program.id);
          if (!commitment || commitment.planId !== plan.id || !plan.programIds.includes(commitment.programId))
            throw BadUserInputError.of('input.programId', 'the program is not in this plan');
          refuseEarly(plan, planRules.release(commitment.amount));
          await plans.releaseProgram(plan, commitment, clock().toISOString());
        },
        (last) =>
          new ConflictError('The plan kept changing while releasing the program; try again', {}, last),
      );
      return latest(input.plan);
    },

    /** Records spending under an APPROVED plan; total spending never exceeds what is committed. */
    async recordSpending(
      scope: RequestScope,
      input: { plan: Ref; amount: number; note: string; idempotencyKey?: string | undefined },
    ): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'recordPlanSpending', input);
      // A replay answers with the plan as it is now (the mutation returns the plan, not the entry).
      const replay = { type: 'DevelopmentPlan', load: () => latest(input.plan) };
      return idempotency.once(
        claim,
        async () => {
          const plan = await requirePlan(input.plan);
          if (plan.status !== 'APPROVED')
            throw BadUserInputError.of(
              'input.planId',
              `spending needs an APPROVED plan; this one is ${plan.status}`,
            );
          refuseEarly(plan, planRules.spend(input.amount));
          const now = clock().toISOString();
          const spending: PlanSpending = {
            ...newRecord(caller.agencyId, newId(), now),
            planId: plan.id,
            amount: input.amount,
            note: input.note,
            recordedBy: caller.subject,
          };
          await plans.recordSpending(plan, spending, claim);
          return latest(input.plan);
        },
        replay,
      );
    },
  };
}
