import { ConditionFailedError, type Item, type ItemKey, keyString, type Table, type WriteOp } from '../table';

/** Most operations DynamoDB takes in one TransactWriteItems call. */
export const MAX_TRANSACTION_OPS = 100;

/**
 * Writes the operations of many rows, each row's operations all or none: rows are packed into
 * transactions of up to 100 operations; when a packed transaction fails on a condition (someone
 * wrote one of its records meanwhile), each of its rows is retried alone, so one lost race refuses
 * only its own row. Packs are sent four at a time. Returns, per row, whether it was written.
 */
export async function transactRows(table: Table, rows: WriteOp[][]): Promise<boolean[]> {
  const written = rows.map(() => false);
  const packs: number[][] = [];
  let pack: number[] = [];
  let size = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const ops = rows[i] ?? [];
    if (ops.length === 0) {
      written[i] = true;
      continue;
    }
    if (size + ops.length > MAX_TRANSACTION_OPS) {
      packs.push(pack);
      pack = [];
      size = 0;
    }
    pack.push(i);
    size += ops.length;
  }
  if (pack.length) packs.push(pack);
  const run = async (indexes: number[]) => {
    try {
      await table.transactWrite(indexes.flatMap((i) => rows[i] ?? []));
      for (const i of indexes) written[i] = true;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      if (indexes.length === 1) return;
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
  // The rows of a batch are independent (distinct natural keys), so their packs go out together.
  for (let i = 0; i < packs.length; i += PARALLEL_TRANSACTIONS)
    await Promise.all(packs.slice(i, i + PARALLEL_TRANSACTIONS).map(run));
  return written;
}

/** Transactions of one batch in flight at once. */
const PARALLEL_TRANSACTIONS = 4;

/** Items by key, read in BatchGetItem calls of 100 (eventually consistent: writes re-check by condition). */
export async function itemsByKey(table: Table, keys: ItemKey[]): Promise<Map<string, Item>> {
  if (!keys.length) return new Map();
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  return table.batchGet(unique);
}
