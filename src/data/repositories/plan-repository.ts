import {
  COMMITTABLE_STATUSES,
  type DevelopmentPlan,
  MAX_PLAN_PROGRAMS,
  type PlanCommitment,
  type PlanSpending,
  type PlanStatus,
} from '../../domain/development-plan';
import type { TrainingProgram } from '../../domain/training';
import type { CursorCodec } from '../cursor';
import {
  developmentPlanEntity,
  planCommitmentEntity,
  planPartitions,
  planSpendingEntity,
} from '../entities/development-plan';
import { trainingProgramEntity } from '../entities/training-program';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { putNewOp } from '../relation-ops';
import { ConditionFailedError, type Item, type QuerySpec, type Table, type WriteOp } from '../table';
import { type IdempotencyClaim, transactCreate } from '../transact-create';
import { versionedUpdateOp } from '../versioned-update';

export interface PlanListFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: PlanStatus | undefined;
}

/** Which record of a budget transaction failed its condition, with its stored image (absent if gone). */
export type PlanRace =
  | { on: 'plan'; current: DevelopmentPlan | undefined }
  | { on: 'program'; current: TrainingProgram | undefined }
  | { on: 'commitment' };

const OPEN = { ':draft': COMMITTABLE_STATUSES[0], ':approved': COMMITTABLE_STATUSES[1] };

/**
 * Development plans and the transactions that move their budget. Each budget write is one
 * UpdateItem that adds to `committed`/`spent` and moves `remaining`/`unspent` by the same
 * amount under a condition on those (`remaining >= :amount`, `unspent >= :amount`), so two
 * concurrent commitments can never together exceed the plan: the second sees the first's result.
 */
export function createPlanRepository(table: Table, cursors: CursorCodec) {
  const toPlan = (item: Item) => developmentPlanEntity.fromItem(item);
  const planKey = (p: Pick<DevelopmentPlan, 'agencyId' | 'id'>) =>
    developmentPlanEntity.key(p.agencyId, p.id);

  const NAMES: Record<string, string> = {
    '#committed': 'committed',
    '#spent': 'spent',
    '#remaining': 'remaining',
    '#unspent': 'unspent',
    '#ids': 'programIds',
    '#status': 'status',
    '#updatedAt': 'updatedAt',
  };

  /** One UpdateItem on a plan's budget; `updatedAt` is set with it. Only the names used are sent (DynamoDB refuses others). */
  function budgetOp(
    plan: DevelopmentPlan,
    clauses: { set?: string; add: string; remove?: string },
    condition: string,
    values: Item,
  ): WriteOp {
    const update = [
      `SET #updatedAt = :now${clauses.set ? `, ${clauses.set}` : ''}`,
      `ADD ${clauses.add}`,
      ...(clauses.remove ? [`REMOVE ${clauses.remove}`] : []),
    ].join(' ');
    const expression = `attribute_exists(pk) AND ${condition}`;
    const used = new Set(`${update} ${expression}`.match(/#\w+/g));
    return {
      Update: {
        TableName: table.name,
        Key: planKey(plan),
        UpdateExpression: update,
        ConditionExpression: expression,
        ExpressionAttributeNames: Object.fromEntries(Object.entries(NAMES).filter(([n]) => used.has(n))),
        ExpressionAttributeValues: values,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /** Runs a budget transaction; a failed condition on one of `races` becomes that race, with the stored image. */
  async function run(
    write: () => Promise<unknown>,
    races: (PlanRace['on'] | undefined)[],
  ): Promise<PlanRace | undefined> {
    try {
      await write();
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const index = error.failed.find((i) => races[i] !== undefined);
      const on = index === undefined ? undefined : races[index];
      if (index === undefined || !on) throw error;
      const item = error.items[index];
      if (on === 'plan') return { on, current: item ? toPlan(item) : undefined };
      if (on === 'program') return { on, current: item ? trainingProgramEntity.fromItem(item) : undefined };
      return { on };
    }
  }

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
      if (filter.year !== undefined) spec.sortKey = { beginsWith: `${filter.year}#` };
      if (filter.status) spec.filters = [{ attribute: 'status', equals: filter.status }];
      return queryConnection(table, cursors, spec, page, toPlan);
    },

    create(plan: DevelopmentPlan, now: Date, claim?: IdempotencyClaim) {
      return transactCreate(
        table,
        [putNewOp(table, developmentPlanEntity.toItem(plan))],
        plan.id,
        now,
        claim,
      );
    },

    /**
     * A versioned update; a change of the planned budget moves `remaining` by the same amount
     * in the same UpdateItem, refused if that would make it negative (planned below committed).
     */
    async update(before: DevelopmentPlan, after: DevelopmentPlan): Promise<PlanRace | undefined> {
      const op = versionedUpdateOp(table, developmentPlanEntity, before, after);
      const delta = after.planned - before.planned;
      const update = op.Update;
      if (update && delta !== 0) {
        update.UpdateExpression = `${update.UpdateExpression} ADD #remaining :budgetDelta`;
        update.ExpressionAttributeNames = { ...update.ExpressionAttributeNames, '#remaining': 'remaining' };
        update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ':budgetDelta': delta };
        if (delta < 0) {
          update.ConditionExpression = `${update.ConditionExpression} AND #remaining >= :budgetDrop`;
          update.ExpressionAttributeValues[':budgetDrop'] = -delta;
        }
      }
      return run(() => table.transactWrite([op]), ['plan']);
    },

    /**
     * Commits a program's cost to a plan: the plan's counters and id list, the program's link
     * (only if it has none, its cost and seats are as read and it is not cancelled) and the
     * commitment record, all or nothing.
     */
    commitProgram(plan: DevelopmentPlan, program: TrainingProgram, commitment: PlanCommitment, now: string) {
      const amount = commitment.amount;
      const planOp = budgetOp(
        plan,
        {
          set: '#ids = list_append(if_not_exists(#ids, :empty), :pid)',
          add: '#committed :amount, #unspent :amount, #remaining :minus',
        },
        '#status IN (:draft, :approved) AND #remaining >= :amount AND (attribute_not_exists(#ids) OR size(#ids) < :max)',
        {
          ...OPEN,
          ':amount': amount,
          ':minus': -amount,
          ':empty': [],
          ':pid': [program.id],
          ':max': MAX_PLAN_PROGRAMS,
          ':now': now,
        },
      );
      const programOp: WriteOp = {
        Update: {
          TableName: table.name,
          Key: trainingProgramEntity.key(program.agencyId, program.id),
          UpdateExpression: 'SET #plan = :plan',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(#plan) AND #cost = :cost AND #capacity >= :participants AND #status <> :cancelled',
          ExpressionAttributeNames: {
            '#plan': 'developmentPlanId',
            '#cost': 'costPerParticipant',
            '#capacity': 'capacity',
            '#status': 'status',
          },
          ExpressionAttributeValues: {
            ':plan': plan.id,
            ':cost': program.costPerParticipant,
            ':participants': commitment.participants,
            ':cancelled': 'CANCELLED',
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
      const commitmentOp = putNewOp(table, planCommitmentEntity.toItem(commitment));
      const ops = [planOp, programOp, commitmentOp];
      return run(() => table.transactWrite(ops), ['plan', 'program', 'commitment']);
    },

    /** Releases a commitment: the reverse of commitProgram, refused if its money is already spent. */
    releaseProgram(plan: DevelopmentPlan, commitment: PlanCommitment, now: string) {
      const index = plan.programIds.indexOf(commitment.programId);
      if (index < 0) throw new Error(`Program ${commitment.programId} is not listed on plan ${plan.id}`);
      const amount = commitment.amount;
      const planOp = budgetOp(
        plan,
        { add: '#committed :minus, #unspent :minus, #remaining :amount', remove: `#ids[${index}]` },
        `#ids[${index}] = :pid AND #unspent >= :amount AND #status IN (:draft, :approved)`,
        { ...OPEN, ':amount': amount, ':minus': -amount, ':pid': commitment.programId, ':now': now },
      );
      const programOp: WriteOp = {
        Update: {
          TableName: table.name,
          Key: trainingProgramEntity.key(plan.agencyId, commitment.programId),
          UpdateExpression: 'REMOVE #plan',
          ConditionExpression: '#plan = :plan',
          ExpressionAttributeNames: { '#plan': 'developmentPlanId' },
          ExpressionAttributeValues: { ':plan': plan.id },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
      const commitmentOp: WriteOp = {
        Delete: {
          TableName: table.name,
          Key: planCommitmentEntity.key(plan.agencyId, commitment.programId),
          ConditionExpression: '#plan = :plan',
          ExpressionAttributeNames: { '#plan': 'planId' },
          ExpressionAttributeValues: { ':plan': plan.id },
        },
      };
      const ops = [planOp, programOp, commitmentOp];
      return run(() => table.transactWrite(ops), ['plan', 'program', 'commitment']);
    },

    /** Records spending, refused unless the plan is APPROVED and that much committed money is unspent. */
    recordSpending(plan: DevelopmentPlan, spending: PlanSpending, claim?: IdempotencyClaim) {
      const planOp = budgetOp(
        plan,
        { add: '#spent :amount, #unspent :minus' },
        '#status = :approved AND #unspent >= :amount',
        {
          ':approved': 'APPROVED',
          ':amount': spending.amount,
          ':minus': -spending.amount,
          ':now': spending.createdAt,
        },
      );
      const ops = [planOp, putNewOp(table, planSpendingEntity.toItem(spending))];
      const now = new Date(spending.createdAt);
      return run(() => transactCreate(table, ops, spending.id, now, claim), ['plan', undefined]);
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
