import { type Connection, idListConnection, type PageArgs } from '../data/paginate';
import type { PlanListFilter, PlanRace } from '../data/repositories/plan-repository';
import { requestHash } from '../data/request-hash';
import { replayedResult } from '../data/transact-create';
import { versionConflict } from '../data/versioned-update';
import {
  type BudgetChange,
  commitToBudget,
  programCost,
  recordSpend,
  releaseCommitment,
} from '../domain/budget';
import {
  COMMITTABLE_STATUSES,
  canMovePlan,
  type DevelopmentPlan,
  MAX_PLAN_PROGRAMS,
  type PlanCommitment,
  type PlanScope,
  type PlanSpending,
  type PlanStatus,
} from '../domain/development-plan';
import type { TrainingProgram } from '../domain/training';
import { type AppError, BadUserInputError, ConflictError, NotFoundError } from '../errors/app-error';
import type { ServiceDeps } from '../server/deps';
import { requireSameAgency, requireStaff } from './access';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of createDevelopmentPlan. */
export interface CreatePlanCommand {
  title: string;
  description?: string | undefined;
  year: number;
  scope: PlanScope;
  unit?: Ref | undefined;
  owner: Ref;
  goals: string[];
  plannedBudget: number;
  status: PlanStatus;
  idempotencyKey?: string | undefined;
}

/** Validated input of updateDevelopmentPlan: undefined = unchanged. */
export interface UpdatePlanCommand {
  plan: Ref;
  version: number;
  title?: string | undefined;
  description?: string | undefined;
  owner?: Ref | undefined;
  goals?: string[] | undefined;
  plannedBudget?: number | undefined;
  status?: PlanStatus | undefined;
}

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

/**
 * Development plans (Rencana Pembinaan ASN): administrators plan a year's budget, commit
 * programs to it and record spending. A commitment beyond the remaining budget, or spending
 * beyond what is committed, is refused (CONFLICT with the shortfall) even under concurrency.
 */
export function createPlanService(deps: ServiceDeps) {
  const { plans, training, employees, organization, table, cursors, clock, newId } = deps;

  async function requirePlan(ref: Ref, field: string): Promise<DevelopmentPlan> {
    const plan = await plans.getLatest(ref.agencyId, ref.id);
    if (!plan) throw BadUserInputError.of(field, 'no such development plan in this agency');
    return plan;
  }

  function requireOpen(plan: DevelopmentPlan, field: string) {
    if (!COMMITTABLE_STATUSES.includes(plan.status))
      throw BadUserInputError.of(field, `the plan is ${plan.status}; its programs can no longer change`);
  }

  async function requireOwner(scope: RequestScope, owner: Ref) {
    if (!(await employees.get(scope.loader, owner.agencyId, owner.id)))
      throw BadUserInputError.of('input.ownerId', 'no such employee in this agency');
  }

  /** The plan's race turned into the error the caller sees, or undefined when a retry may succeed. */
  function planRaceError(
    race: Extract<PlanRace, { on: 'plan' }>,
    planId: string,
    check: (p: DevelopmentPlan) => AppError | undefined,
  ) {
    if (!race.current) return new NotFoundError('DevelopmentPlan', planId);
    return check(race.current);
  }

  async function latest(ref: Ref): Promise<DevelopmentPlan> {
    const plan = await plans.getLatest(ref.agencyId, ref.id);
    if (!plan) throw new NotFoundError('DevelopmentPlan', ref.id);
    return plan;
  }

  return {
    async get(scope: RequestScope, ref: Ref): Promise<DevelopmentPlan | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      return (await plans.get(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    list(scope: RequestScope, filter: PlanListFilter & { unit?: Ref | undefined }, page: PageArgs) {
      const caller = requireStaff(scope.caller);
      const { unit, ...rest } = filter;
      if (unit) requireSameAgency(caller, unit.agencyId);
      return plans.list(caller.agencyId, { ...rest, unitId: unit?.id }, page);
    },

    /** The plan's programs in commitment order, loaded in one batch per page. */
    programs(
      scope: RequestScope,
      plan: DevelopmentPlan,
      page: PageArgs,
    ): Promise<Connection<TrainingProgram>> {
      requireSameAgency(requireStaff(scope.caller), plan.agencyId);
      return idListConnection(cursors, `DevelopmentPlan:${plan.id}:programs`, plan.programIds, page, (ids) =>
        Promise.all(ids.map((id) => training.getProgram(scope.loader, plan.agencyId, id))),
      );
    },

    spendings(scope: RequestScope, plan: DevelopmentPlan, page: PageArgs): Promise<Connection<PlanSpending>> {
      requireSameAgency(requireStaff(scope.caller), plan.agencyId);
      return plans.listSpendings(plan.agencyId, plan.id, page);
    },

    /** The commitment of a program to its plan, if it has one. */
    async commitmentOf(scope: RequestScope, program: TrainingProgram): Promise<PlanCommitment | null> {
      requireSameAgency(requireStaff(scope.caller), program.agencyId);
      if (!program.developmentPlanId) return null;
      return (await plans.getCommitment(scope.loader, program.agencyId, program.id)) ?? null;
    },

    /** Creates a plan (administrators); the budget starts uncommitted. */
    async create(scope: RequestScope, input: CreatePlanCommand): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.owner.agencyId);
      if (input.unit) {
        requireSameAgency(caller, input.unit.agencyId);
        if (!(await organization.getUnit(scope.loader, caller.agencyId, input.unit.id)))
          throw BadUserInputError.of('input.unitId', 'no such unit in this agency');
      }
      await requireOwner(scope, input.owner);
      const now = clock();
      const plan: DevelopmentPlan = {
        agencyId: caller.agencyId,
        id: newId(),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        title: input.title,
        description: input.description,
        year: input.year,
        scope: input.scope,
        unitId: input.unit?.id,
        ownerId: input.owner.id,
        goals: input.goals,
        status: input.status,
        planned: input.plannedBudget,
        committed: 0,
        spent: 0,
        remaining: input.plannedBudget,
        unspent: 0,
        programIds: [],
      };
      const { idempotencyKey, ...request } = input;
      const claim = idempotencyKey
        ? {
            agencyId: caller.agencyId,
            operation: 'createDevelopmentPlan',
            key: idempotencyKey,
            requestHash: requestHash(request),
          }
        : undefined;
      const result = await plans.create(plan, now, claim);
      return result.replayed ? latest({ agencyId: caller.agencyId, id: result.id }) : plan;
    },

    /** Changes a plan if `version` is current; the planned budget never drops below what is committed. */
    async update(scope: RequestScope, input: UpdatePlanCommand): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      if (input.owner) requireSameAgency(caller, input.owner.agencyId);
      const current = await latest(input.plan);
      if (current.version !== input.version)
        throw versionConflict('DevelopmentPlan', input.version, current.version);
      if (current.status === 'CLOSED') throw BadUserInputError.of('input.id', 'a CLOSED plan cannot change');
      if (input.owner) await requireOwner(scope, input.owner);
      const status = input.status ?? current.status;
      if (!canMovePlan(current.status, status))
        throw BadUserInputError.of('input.status', `a ${current.status} plan cannot become ${status}`);
      const planned = input.plannedBudget ?? current.planned;
      const belowCommitted = (p: DevelopmentPlan) =>
        planned < p.committed
          ? BadUserInputError.of(
              'input.plannedBudget',
              `must be at least the Rp${p.committed.toLocaleString('id-ID')} already committed`,
            )
          : undefined;
      const early = belowCommitted(current);
      if (early) throw early;
      const next: DevelopmentPlan = {
        ...current,
        title: input.title ?? current.title,
        description: input.description ?? current.description,
        ownerId: input.owner?.id ?? current.ownerId,
        goals: input.goals ?? current.goals,
        status,
        planned,
        version: current.version + 1,
        updatedAt: clock().toISOString(),
      };
      const race = await plans.update(current, next);
      if (race?.on === 'plan') {
        const stored = race.current;
        if (stored?.version !== current.version)
          throw versionConflict('DevelopmentPlan', input.version, stored?.version);
        throw belowCommitted(stored) ?? new ConflictError('The plan changed while updating it; try again');
      }
      return latest(input.plan);
    },

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
        const plan = await requirePlan(input.plan, 'input.planId');
        requireOpen(plan, 'input.planId');
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
          agencyId: caller.agencyId,
          id: program.id,
          version: 1,
          createdAt: now,
          updatedAt: now,
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
        const plan = await requirePlan(input.plan, 'input.planId');
        requireOpen(plan, 'input.planId');
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
      const { idempotencyKey, ...request } = input;
      const claim = idempotencyKey
        ? {
            agencyId: caller.agencyId,
            operation: 'recordPlanSpending',
            key: idempotencyKey,
            requestHash: requestHash(request),
          }
        : undefined;
      if (claim && (await replayedResult(table, claim))) return latest(input.plan);
      const plan = await requirePlan(input.plan, 'input.planId');
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
        agencyId: caller.agencyId,
        id: newId(),
        version: 1,
        createdAt: now,
        updatedAt: now,
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

export type PlanService = ReturnType<typeof createPlanService>;
