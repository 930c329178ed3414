import type { CellDelta } from '../../domain/analytics/cells';
import type { Table, WriteOp } from '../table';
import { cellAttribute, LEDGER_TTL_SECONDS, ledgerKey, rollupKey } from './rollup-keys';

/**
 * One UpdateItem per rollup item, ADDing every component of every cell it holds. Cells are
 * grouped by item because a transaction may touch an item once.
 */
export function rollupAddOps(table: Table, agencyId: string, deltas: readonly CellDelta[]): WriteOp[] {
  const byItem = new Map<string, CellDelta[]>();
  for (const delta of deltas) {
    const key = rollupKey(agencyId, delta);
    const id = `${key.pk}\u0000${key.sk}`;
    byItem.set(id, [...(byItem.get(id) ?? []), delta]);
  }
  return [...byItem.values()].map((cells) => {
    const [head] = cells as [CellDelta, ...CellDelta[]];
    const names: Record<string, string> = {
      '#entity': 'entity',
      '#family': 'family',
      '#cuboid': 'cuboid',
      '#bucket': 'bucket',
    };
    const values: Record<string, unknown> = {
      ':entity': 'Rollup',
      ':family': head.family,
      ':cuboid': head.cuboid,
      ':bucket': head.bucket,
    };
    const adds: string[] = [];
    for (const cell of cells) {
      for (const [component, value] of Object.entries(cell.components)) {
        const i = adds.length;
        names[`#a${i}`] = cellAttribute(cell.rest, component);
        values[`:v${i}`] = value;
        adds.push(`#a${i} :v${i}`);
      }
    }
    return {
      Update: {
        TableName: table.name,
        Key: rollupKey(agencyId, head),
        UpdateExpression: `ADD ${adds.join(', ')} SET #entity = :entity, #family = :family, #cuboid = :cuboid, #bucket = :bucket`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** The ledger entry of one chunk of one change: written once, so a replayed chunk fails its condition. */
export function ledgerOp(table: Table, agencyId: string, eventId: string, chunk: string, now: Date): WriteOp {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...ledgerKey(agencyId, eventId, chunk),
        entity: 'RollupLedger',
        expiresAt: Math.floor(now.getTime() / 1000) + LEDGER_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
