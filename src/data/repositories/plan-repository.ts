import type {
  DevelopmentPlan,
  PlanCommitment,
  PlanSpending,
  PlanStatus,
} from '../../domain/development-plan';
import type { TrainingProgram } from '../../domain/training';
import type { CursorCodec } from '../cursor';
import {
  developmentPlanEntity,
  planCommitmentEntity,
  planPartitions,
  planSpendingEntity,
} from '../entities/development-plan';
import { planWrites } from '../entities/development-plan-writes';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { withValue } from '../sort-keys';
import type { Item, QuerySpec, Table } from '../table';

export interface PlanListFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: PlanStatus | undefined;
}

/**
 * Development plans and the transactions that move their budget (`development-plan-writes.ts`
 * declares them and what their refusals mean: a broken budget rule, a gone plan, or a lost race).
 */
export function createPlanRepository(table: Table, cursors: CursorCodec) {
  const toPlan = (item: Item) => developmentPlanEntity.fromItem(item);

  return {
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<DevelopmentPlan | undefined> {
      const item = await loader.load(developmentPlanEntity.key(agencyId, id));
      return item ? toPlan(item) : undefined;
    },

    /** One plan read strongly consistent (the base of a write, and its result). */
    async getLatest(agencyId: string, id: string): Promise<DevelopmentPlan | undefined> {
      const item = await table.get(developmentPlanEntity.key(agencyId, id));
      return item ? toPlan(item) : undefined;
    },

    /** Plans of an agency (or of one unit), newest year first. */
    list(agencyId: string, filter: PlanListFilter, page: PageArgs): Promise<Connection<DevelopmentPlan>> {
      const spec: QuerySpec = filter.unitId
        ? { index: 'gsi2', partition: planPartitions.unit(agencyId, filter.unitId), scanForward: false }
        : { index: 'gsi1', partition: planPartitions.agency(agencyId), scanForward: false };
      if (filter.year !== undefined) spec.sortKey = withValue(filter.year);
      if (filter.status) spec.filters = [{ attribute: 'status', equals: filter.status }];
      return queryConnection(table, cursors, spec, page, toPlan);
    },

    create(plan: DevelopmentPlan, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(planWrites.create(plan), claim, plan.id, now));
    },

    /** A versioned update; the planned budget never drops below what is committed. */
    update(before: DevelopmentPlan, after: DevelopmentPlan): Promise<void> {
      return table.transact(planWrites.update(before, after));
    },

    /** Commits a program's cost to a plan with the program's link and the commitment, all or nothing. */
    commitProgram(plan: DevelopmentPlan, program: TrainingProgram, commitment: PlanCommitment, now: string) {
      return table.transact(planWrites.commitProgram(plan, program, commitment, now));
    },

    /** Releases a commitment: the reverse of commitProgram, refused if its money is already spent. */
    releaseProgram(plan: DevelopmentPlan, commitment: PlanCommitment, now: string) {
      return table.transact(planWrites.releaseProgram(plan, commitment, now));
    },

    /** Records spending, refused unless the plan is APPROVED and that much committed money is unspent. */
    recordSpending(plan: DevelopmentPlan, spending: PlanSpending, claim?: IdempotencyClaim) {
      const writes = withClaim(
        planWrites.recordSpending(plan, spending),
        claim,
        spending.id,
        new Date(spending.createdAt),
      );
      return table.transact(writes);
    },

    async getCommitment(loader: ItemLoader, agencyId: string, programId: string) {
      const item = await loader.load(planCommitmentEntity.key(agencyId, programId));
      return item ? planCommitmentEntity.fromItem(item) : undefined;
    },

    async getCommitmentLatest(agencyId: string, programId: string): Promise<PlanCommitment | undefined> {
      const item = await table.get(planCommitmentEntity.key(agencyId, programId));
      return item ? planCommitmentEntity.fromItem(item) : undefined;
    },

    /** A plan's spending entries, newest first. */
    listSpendings(agencyId: string, planId: string, page: PageArgs): Promise<Connection<PlanSpending>> {
      const spec: QuerySpec = {
        index: 'gsi1',
        partition: planPartitions.spending(agencyId, planId),
        scanForward: false,
      };
      return queryConnection(table, cursors, spec, page, (item) => planSpendingEntity.fromItem(item));
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
