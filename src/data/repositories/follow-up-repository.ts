import type { FollowUpAction } from '../../domain/leadership/follow-up';
import { followUpActionEntity, followUpPartitions, followUpWrites } from '../entities/follow-up-action';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import type { Table } from '../table';

/** Follow-up actions on program evaluations. */
export function createFollowUpRepository(table: Table) {
  return {
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<FollowUpAction | undefined> {
      const item = await loader.load(followUpActionEntity.key(agencyId, id));
      return item ? followUpActionEntity.fromItem(item) : undefined;
    },

    async getLatest(agencyId: string, id: string): Promise<FollowUpAction | undefined> {
      const item = await table.get(followUpActionEntity.key(agencyId, id));
      return item ? followUpActionEntity.fromItem(item) : undefined;
    },

    /** Every action of an evaluation, oldest first (bounded by the per-evaluation limit). */
    async ofEvaluation(agencyId: string, evaluationId: string): Promise<FollowUpAction[]> {
      const items = await table.queryAll({
        index: 'gsi1',
        partition: followUpPartitions.evaluation(agencyId, evaluationId),
      });
      return items.map((item) => followUpActionEntity.fromItem(item));
    },

    /** Adds an action, counted on its evaluation (at most `max`), idempotent with a claim. */
    add(action: FollowUpAction, max: number, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(followUpWrites.add(action, max), claim, action.id, now));
    },

    /** A versioned change; CONFLICT when the action changed since read. */
    update(before: FollowUpAction, after: FollowUpAction): Promise<void> {
      return table.transact(followUpWrites.update(before, after));
    },
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
