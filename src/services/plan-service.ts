import { planRules } from '../data/entities/development-plan-writes';
import { idempotencyClaimOf } from '../data/idempotency';
import { type Connection, idListConnection, listConnection, type PageArgs } from '../data/paginate';
import type { PlanListFilter } from '../data/repositories/plan-repository';
import { versionConflict } from '../data/versioned-update';
import {
  canMovePlan,
  type DevelopmentPlan,
  type PlanCommitment,
  type PlanScope,
  type PlanSpending,
  type PlanStatus,
} from '../domain/development-plan';
import { newRecord } from '../domain/record';
import type { TrainingProgram } from '../domain/training';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import type { StaffCaller } from './access';
import { requireSameAgency, requireStaff } from './access';
import { createPlanBudget } from './plan-budget';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';

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
  const visibility = createVisibility(deps.organization);

  /** Agency-wide plans are for every unit head; unit plans for heads of that unit (or a parent). */
  async function planVisible(
    scope: RequestScope,
    caller: StaffCaller,
    plan: DevelopmentPlan,
  ): Promise<boolean> {
    return !plan.unitId || (await visibility.canSeeUnit(scope, caller, plan.unitId));
  }
  const { plans, training, employees, organization, idempotency, cursors, clock, newId } = deps;

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
    /** One plan: administrators; unit heads the agency-wide plans and those of their units. */
    async get(scope: RequestScope, ref: Ref): Promise<DevelopmentPlan | null> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      requireSameAgency(caller, ref.agencyId);
      const found = (await plans.get(scope.loader, ref.agencyId, ref.id)) ?? null;
      if (found && !(await planVisible(scope, caller, found)))
        throw new ForbiddenError('This plan belongs to a unit outside your reach');
      return found;
    },

    /** Plans of the caller's agency (unit heads: agency-wide ones and those of their units). */
    async list(scope: RequestScope, filter: PlanListFilter & { unit?: Ref | undefined }, page: PageArgs) {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      const { unit, ...rest } = filter;
      if (unit) requireSameAgency(caller, unit.agencyId);
      if (caller.role === 'ADMIN') return plans.list(caller.agencyId, { ...rest, unitId: unit?.id }, page);
      // An agency has tens of plans a year: read them all and keep the visible ones.
      const all: DevelopmentPlan[] = [];
      let after: string | null = null;
      do {
        const batch: Connection<DevelopmentPlan> = await plans.list(
          caller.agencyId,
          { ...rest, unitId: unit?.id },
          { first: 100, after },
        );
        all.push(...batch.edges.map((e) => e.node));
        after = batch.pageInfo.hasNextPage ? batch.pageInfo.endCursor : null;
      } while (after);
      const visible = [];
      for (const plan of all) if (await planVisible(scope, caller, plan)) visible.push(plan);
      return listConnection(cursors, `Plans:${caller.unitId}:${JSON.stringify(filter)}`, visible, page);
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
      const claim = idempotencyClaimOf(caller.agencyId, 'createDevelopmentPlan', input);
      return idempotency.once(
        claim,
        async () => {
          await requireOwner(scope, input.owner);
          const now = clock();
          const plan: DevelopmentPlan = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
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
          await plans.create(plan, now, claim);
          return plan;
        },
        { type: 'DevelopmentPlan', load: (id) => plans.getLatest(caller.agencyId, id) },
      );
    },

    /** Changes a plan if `version` is current; the planned budget never drops below what is committed. */
    async update(scope: RequestScope, input: UpdatePlanCommand): Promise<DevelopmentPlan> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.plan.agencyId);
      if (input.owner) requireSameAgency(caller, input.owner.agencyId);
      const current = await latest(input.plan);
      if (current.version !== input.version) throw versionConflict('DevelopmentPlan', input.version, current);
      if (current.status === 'CLOSED') throw BadUserInputError.of('input.id', 'a CLOSED plan cannot change');
      if (input.owner) await requireOwner(scope, input.owner);
      const status = input.status ?? current.status;
      if (!canMovePlan(current.status, status))
        throw BadUserInputError.of('input.status', `a ${current.status} plan cannot become ${status}`);
      const planned = input.plannedBudget ?? current.planned;
      const early = planRules.plannedAtLeastCommitted(planned)(current);
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
      await plans.update(current, next);
      return latest(input.plan);
    },

    ...createPlanBudget(deps),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
