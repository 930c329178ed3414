import type { PlanRace } from '../data/repositories/plan-repository';
import { idempotencyClaimOf, replayedResult } from '../data/transact-create';
import {
  type BudgetChange,
  commitToBudget,
  programCost,
  recordSpend,
  releaseCommitment,
} from '../domain/budget';
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
const MAX_ATTEMPTS = 8;

const budgetOf = (plan: DevelopmentPlan) => ({
  planned: plan.planned,
  committed: plan.committed,
  spent: plan.spent,
});

/** A refused budget change as a CONFLICT naming the rule and the shortfall in rupiah. */
function budgetRefusal(change: BudgetChange, field: string, rule: string): AppError | undefined {
  if (change.ok) return undefined;
  if (!('shortfall' in change)) return BadUserInputError.of(field, change.reason);
  return new ConflictError(`Refused: ${change.reason}`, { field, rule, shortfall: change.shortfall });
}

/** The error a lost race on the plan item means (from its stored image), or undefined when a retry may succeed. */
function planRaceError(
  race: Extract<PlanRace, { on: 'plan' }>,
  planId: string,
  check: (p: DevelopmentPlan) => AppError | undefined,
): AppError | undefined {
  if (!race.current) return new NotFoundError('DevelopmentPlan', planId);
  return check(race.current);
}

/**
 * The budget of development plans (Binjai article: budget shortfalls): committing programs,
 * releasing them and recording spending. The domain rules (budget.ts) give the answer and the
 * shortfall from a consistent read; the repository's conditional writes keep it true under
 * concurrency, and a lost race is answered from the stored image the write failed on.
 */
export function createPlanBudget(deps: ServiceDeps) {
  const { plans, training, table, clock, newId } = deps;

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
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
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
        const exceeded = (p: DevelopmentPlan) =>
          budgetRefusal(commitToBudget(budgetOf(p), amount), 'input.programId', 'BUDGET_EXCEEDED');
        const early = exceeded(plan);
        if (early) throw early;
        const now = clock().toISOString();
        const commitment: PlanCommitment = {
          ...newRecord(caller.agencyId, program.id, now),
          planId: plan.id,
          programId: program.id,
          participants,
          amount,
          committedBy: caller.subject,
        };
        const race = await plans.commitProgram(plan, program, commitment, now);
        if (!race) return latest(input.plan);
        if (race.on === 'plan') {
          const error = planRaceError(race, plan.id, (p) => {
            if (!COMMITTABLE_STATUSES.includes(p.status))
              return BadUserInputError.of('input.planId', `the plan is ${p.status}`);
            return exceeded(p);
          });
          if (error) throw error;
        }
        if (race.on === 'commitment')
          throw new ConflictError('The program already has a commitment', { field: 'input.programId' });
        // The program changed (link, cost, seats, status) or the plan's list filled: read again.
      }
      throw new ConflictError('The plan or program kept changing while committing; try again');
    },

    /** Releases a program's commitment (its money must still be unspent) and unlinks it from the plan. */
    async removeProgram(scope: RequestScope, input: { plan: Ref; program: Ref }): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      requireSameAgency(caller, input.program.agencyId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const plan = await requirePlan(input.plan);
        requireOpen(plan);
        const commitment = await plans.getCommitmentLatest(caller.agencyId, input.program.id);
        if (!commitment || commitment.planId !== plan.id || !plan.programIds.includes(commitment.programId))
          throw BadUserInputError.of('input.programId', 'the program is not in this plan');
        const released = (p: DevelopmentPlan) =>
          budgetRefusal(
            releaseCommitment(budgetOf(p), commitment.amount),
            'input.programId',
            'COMMITMENT_SPENT',
          );
        const early = released(plan);
        if (early) throw early;
        const race = await plans.releaseProgram(plan, commitment, clock().toISOString());
        if (!race) return latest(input.plan);
        if (race.on === 'plan') {
          const error = planRaceError(race, plan.id, released);
          if (error) throw error;
        }
      }
      throw new ConflictError('The plan kept changing while releasing the program; try again');
    },

    /** Records spending under an APPROVED plan; total spending never exceeds what is committed. */
    async recordSpending(
      scope: RequestScope,
      input: { plan: Ref; amount: number; note: string; idempotencyKey?: string | undefined },
    ): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'recordPlanSpending', input);
      if (claim && (await replayedResult(table, claim))) return latest(input.plan);
      const plan = await requirePlan(input.plan);
      if (plan.status !== 'APPROVED')
        throw BadUserInputError.of(
          'input.planId',
          `spending needs an APPROVED plan; this one is ${plan.status}`,
        );
      const exceeded = (p: DevelopmentPlan) =>
        budgetRefusal(recordSpend(budgetOf(p), input.amount), 'input.amount', 'SPENDING_EXCEEDS_COMMITMENT');
      const early = exceeded(plan);
      if (early) throw early;
      const now = clock().toISOString();
      const spending: PlanSpending = {
        ...newRecord(caller.agencyId, newId(), now),
        planId: plan.id,
        amount: input.amount,
        note: input.note,
        recordedBy: caller.subject,
      };
      const race = await plans.recordSpending(plan, spending, claim);
      if (race?.on === 'plan') {
        throw (
          planRaceError(race, plan.id, (p) =>
            p.status === 'APPROVED'
              ? exceeded(p)
              : BadUserInputError.of('input.planId', `the plan is ${p.status}`),
          ) ?? new ConflictError('The plan changed while recording spending; try again')
        );
      }
      return latest(input.plan);
    },
  };
}
