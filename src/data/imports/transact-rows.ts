import { ConditionFailedError, type Item, type ItemKey, keyString, type Table, type WriteOp } from '../table';

/** Most operations DynamoDB takes in one TransactWriteItems call. */
export const MAX_TRANSACTION_OPS = 100;

/**
 * Writes the operations of many rows, each row's operations all or none: rows are packed into
 * transactions of up to 100 operations; when a packed transaction fails on a condition (someone
 * wrote one of its records meanwhile), each of its rows is retried alone, so one lost race refuses
 * only its own row. Returns, per row, whether it was written.
 */
export async function transactRows(table: Table, rows: WriteOp[][]): Promise<boolean[]> {
  const written = rows.map(() => false);
  let pack: number[] = [];
  let size = 0;
  const run = async () => {
    const indexes = pack;
    pack = [];
    size = 0;
    if (!indexes.length) return;
    try {
      await table.transactWrite(indexes.flatMap((i) => rows[i] ?? []));
      for (const i of indexes) written[i] = true;
    } catch (error) {
      if (!(error instanceof ConditionFailedError) || indexes.length === 1) {
        if (error instanceof ConditionFailedError) return;
        throw error;
      }
      for (const i of indexes) {
        try {
          await table.transactWrite(rows[i] ?? []);
          written[i] = true;
        } catch (single) {
          if (!(single instanceof ConditionFailedError)) throw single;
        }
      }
    }
  };
  for (let i = 0; i < rows.length; i += 1) {
    const ops = rows[i] ?? [];
    if (ops.length === 0) {
      written[i] = true;
      continue;
    }
    if (size + ops.length > MAX_TRANSACTION_OPS) await run();
    pack.push(i);
    size += ops.length;
  }
  await run();
  return written;
}

/** Items by key, read in BatchGetItem calls of 100 (eventually consistent: writes re-check by condition). */
export async function itemsByKey(table: Table, keys: ItemKey[]): Promise<Map<string, Item>> {
  if (!keys.length) return new Map();
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  return table.batchGet(unique);
}
