import { type Connection, idListConnection, type PageArgs } from '../data/paginate';
import type { PlanListFilter } from '../data/repositories/plan-repository';
import { requestHash } from '../data/request-hash';
import { versionConflict } from '../data/versioned-update';
import {
  canMovePlan,
  type DevelopmentPlan,
  type PlanCommitment,
  type PlanScope,
  type PlanSpending,
  type PlanStatus,
} from '../domain/development-plan';
import type { TrainingProgram } from '../domain/training';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/app-error';
import type { ServiceDeps } from '../server/deps';
import { requireSameAgency, requireStaff } from './access';
import { createPlanBudget } from './plan-budget';
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

/**
 * Development plans (Rencana Pembinaan ASN): administrators plan a year's budget, commit
 * programs to it and record spending. A commitment beyond the remaining budget, or spending
 * beyond what is committed, is refused (CONFLICT with the shortfall) even under concurrency.
 */
export function createPlanService(deps: ServiceDeps) {
  const { plans, training, employees, organization, cursors, clock, newId } = deps;

  async function requireOwner(scope: RequestScope, owner: Ref) {
    if (!(await employees.get(scope.loader, owner.agencyId, owner.id)))
      throw BadUserInputError.of('input.ownerId', 'no such employee in this agency');
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

    ...createPlanBudget(deps),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
