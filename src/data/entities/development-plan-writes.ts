import { type BudgetChange, commitToBudget, recordSpend, releaseCommitment } from '../../domain/budget';
import {
  COMMITTABLE_STATUSES,
  type DevelopmentPlan,
  MAX_PLAN_PROGRAMS,
  type PlanCommitment,
  type PlanSpending,
} from '../../domain/development-plan';
import type { TrainingProgram } from '../../domain/training';
import { type AppError, BadUserInputError, ConflictError, NotFoundError } from '../../errors/app-error';
import { RaceLostError } from '../race-lost';
import { versionConflict, versionedUpdate } from '../versioned-update';
import {
  allOf,
  MUST_EXIST,
  putNew,
  type Refusal,
  type UpdateWrite,
  type Write,
  type WriteCondition,
} from '../write';
import { developmentPlanEntity, planCommitmentEntity, planSpendingEntity } from './development-plan';
import { trainingProgramEntity } from './training-program';

const budgetOf = (plan: DevelopmentPlan) => ({
  planned: plan.planned,
  committed: plan.committed,
  spent: plan.spent,
});

/** A refused budget change as a CONFLICT naming the rule and the shortfall in rupiah (Binjai article). */
export function budgetRefusal(
  change: BudgetChange,
  field: string,
  rule: string,
  cause?: unknown,
): AppError | undefined {
  if (change.ok) return undefined;
  if (!('shortfall' in change)) return BadUserInputError.of(field, change.reason, cause);
  return new ConflictError(`Refused: ${change.reason}`, { field, rule, shortfall: change.shortfall }, cause);
}

/** A budget rule over a plan (as read, or as stored when a write was refused: then with the refusal as cause). */
export type PlanRule = (plan: DevelopmentPlan, cause?: unknown) => AppError | undefined;

/** The budget rules of plans, each from a plan as read or as stored: the error, or none when it holds. */
export const planRules = {
  commit:
    (amount: number): PlanRule =>
    (p, cause) =>
      COMMITTABLE_STATUSES.includes(p.status)
        ? budgetRefusal(commitToBudget(budgetOf(p), amount), 'input.programId', 'BUDGET_EXCEEDED', cause)
        : BadUserInputError.of('input.planId', `the plan is ${p.status}`, cause),
  release:
    (amount: number): PlanRule =>
    (p, cause) =>
      budgetRefusal(releaseCommitment(budgetOf(p), amount), 'input.programId', 'COMMITMENT_SPENT', cause),
  spend:
    (amount: number): PlanRule =>
    (p, cause) =>
      p.status === 'APPROVED'
        ? budgetRefusal(
            recordSpend(budgetOf(p), amount),
            'input.amount',
            'SPENDING_EXCEEDS_COMMITMENT',
            cause,
          )
        : BadUserInputError.of('input.planId', `the plan is ${p.status}`, cause),
  plannedAtLeastCommitted:
    (planned: number): PlanRule =>
    (p, cause) =>
      planned < p.committed
        ? BadUserInputError.of(
            'input.plannedBudget',
            `must be at least the Rp${p.committed.toLocaleString('id-ID')} already committed`,
            cause,
          )
        : undefined,
};

/**
 * What a refused write on a plan means, from the plan as stored: gone, a broken rule, or else
 * `otherwise` (by default a lost race: the plan moved in a way a fresh read may resolve).
 */
function planRefusal(
  planId: string,
  rule: PlanRule,
  otherwise: (cause: unknown) => Error = (cause) => new RaceLostError('The plan changed', { cause }),
): Refusal {
  return (stored, cause) => {
    if (!stored) return new NotFoundError('DevelopmentPlan', planId, cause);
    return rule(developmentPlanEntity.fromItem(stored), cause) ?? otherwise(cause);
  };
}

const programMoved: Refusal = (_, cause) => new RaceLostError('The program changed', { cause });
const OPEN: WriteCondition['values'] = {
  ':draft': COMMITTABLE_STATUSES[0],
  ':approved': COMMITTABLE_STATUSES[1],
};

/** One UpdateItem on a plan's budget counters (set with `updatedAt`), under a condition on them. */
function budgetWrite(plan: DevelopmentPlan, change: Omit<UpdateWrite, 'update'>, now: string): UpdateWrite {
  return {
    ...change,
    update: developmentPlanEntity.key(plan.agencyId, plan.id),
    set: { updatedAt: now },
    condition: allOf(MUST_EXIST, change.condition),
  };
}

/**
 * The writes of development plans. Each budget write is one UpdateItem that adds to
 * `committed`/`spent` and moves `remaining`/`unspent` by the same amount under a condition on
 * those (`remaining >= :amount`, `unspent >= :amount`), so two concurrent commitments can never
 * together exceed the plan: the second sees the first's result. Refusals follow `planRules`.
 */
export const planWrites = {
  create(plan: DevelopmentPlan): Write[] {
    return [putNew(developmentPlanEntity.toItem(plan))];
  },

  /** A versioned update; a new planned budget moves `remaining` too, never below zero (planned below committed). */
  update(before: DevelopmentPlan, after: DevelopmentPlan): Write[] {
    const delta = after.planned - before.planned;
    return [
      versionedUpdate(developmentPlanEntity, before, after, {
        ...(delta !== 0 ? { add: { remaining: delta } } : {}),
        ...(delta < 0
          ? {
              guard: {
                expression: '#remaining >= :drop',
                names: { '#remaining': 'remaining' },
                values: { ':drop': -delta },
              },
            }
          : {}),
        refused: (stored, cause) =>
          stored?.version !== before.version
            ? versionConflict(developmentPlanEntity.type, before.version, stored, cause)
            : (planRules.plannedAtLeastCommitted(after.planned)(
                developmentPlanEntity.fromItem(stored),
                cause,
              ) ?? new ConflictError('The plan changed while updating it; try again', {}, cause)),
      }),
    ];
  },

  /**
   * Commits a program's cost to a plan: the plan's counters and id list, the program's link
   * (only if it has none, its cost and seats are as read and it is not cancelled) and the
   * commitment record, all or nothing.
   */
  commitProgram(
    plan: DevelopmentPlan,
    program: TrainingProgram,
    commitment: PlanCommitment,
    now: string,
  ): Write[] {
    const amount = commitment.amount;
    return [
      budgetWrite(
        plan,
        {
          append: { programIds: [program.id] },
          add: { committed: amount, unspent: amount, remaining: -amount },
          condition: {
            expression:
              '#status IN (:draft, :approved) AND #remaining >= :amount AND (attribute_not_exists(#ids) OR size(#ids) < :max)',
            names: { '#status': 'status', '#remaining': 'remaining', '#ids': 'programIds' },
            values: { ...OPEN, ':amount': amount, ':max': MAX_PLAN_PROGRAMS },
          },
          refused: planRefusal(plan.id, planRules.commit(amount)),
        },
        now,
      ),
      {
        update: trainingProgramEntity.key(program.agencyId, program.id),
        set: { developmentPlanId: plan.id },
        condition: {
          expression:
            'attribute_exists(pk) AND attribute_not_exists(#plan) AND #cost = :cost AND #capacity >= :participants AND #status <> :cancelled',
          names: {
            '#plan': 'developmentPlanId',
            '#cost': 'costPerParticipant',
            '#capacity': 'capacity',
            '#status': 'status',
          },
          values: {
            ':cost': program.costPerParticipant,
            ':participants': commitment.participants,
            ':cancelled': 'CANCELLED',
          },
        },
        refused: programMoved,
      },
      putNew(
        planCommitmentEntity.toItem(commitment),
        (_, cause) =>
          new ConflictError('The program already has a commitment', { field: 'input.programId' }, cause),
      ),
    ];
  },

  /** Releases a commitment: the reverse of commitProgram, refused if its money is already spent. */
  releaseProgram(plan: DevelopmentPlan, commitment: PlanCommitment, now: string): Write[] {
    const index = plan.programIds.indexOf(commitment.programId);
    if (index < 0) throw new Error(`Program ${commitment.programId} is not listed on plan ${plan.id}`);
    const amount = commitment.amount;
    const ofThisPlan = {
      expression: '#plan = :plan',
      names: { '#plan': 'developmentPlanId' },
      values: { ':plan': plan.id },
    };
    return [
      budgetWrite(
        plan,
        {
          add: { committed: -amount, unspent: -amount, remaining: amount },
          remove: [`programIds[${index}]`],
          condition: {
            expression: `#ids[${index}] = :pid AND #unspent >= :amount AND #status IN (:draft, :approved)`,
            names: { '#ids': 'programIds', '#unspent': 'unspent', '#status': 'status' },
            values: { ...OPEN, ':amount': amount, ':pid': commitment.programId },
          },
          refused: planRefusal(plan.id, planRules.release(amount)),
        },
        now,
      ),
      {
        update: trainingProgramEntity.key(plan.agencyId, commitment.programId),
        remove: ['developmentPlanId'],
        condition: ofThisPlan,
        refused: programMoved,
      },
      {
        delete: planCommitmentEntity.key(plan.agencyId, commitment.programId),
        condition: { ...ofThisPlan, names: { '#plan': 'planId' } },
        refused: programMoved,
      },
    ];
  },

  /** Records spending, refused unless the plan is APPROVED and that much committed money is unspent. */
  recordSpending(plan: DevelopmentPlan, spending: PlanSpending): Write[] {
    return [
      budgetWrite(
        plan,
        {
          add: { spent: spending.amount, unspent: -spending.amount },
          condition: {
            expression: '#status = :approved AND #unspent >= :amount',
            names: { '#status': 'status', '#unspent': 'unspent' },
            values: { ':approved': 'APPROVED', ':amount': spending.amount },
          },
          refused: planRefusal(
            plan.id,
            planRules.spend(spending.amount),
            (cause) => new ConflictError('The plan changed while recording spending; try again', {}, cause),
          ),
        },
        spending.createdAt,
      ),
      putNew(planSpendingEntity.toItem(spending)),
    ];
  },
};
