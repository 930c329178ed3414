import { failedOnCondition, type Item, type ItemKey, keyString, type Table } from '../table';
import type { Write } from '../write';

/** Most operations DynamoDB takes in one TransactWriteItems call. */
export const MAX_TRANSACTION_OPS = 100;

/** Transactions of one batch in flight at once. */
const PARALLEL_TRANSACTIONS = 4;

/** Runs one transaction; false when a condition refused it (nothing was written). */
async function transacted(table: Table, writes: Write[]): Promise<boolean> {
  try {
    await table.transact(writes);
    return true;
  } catch (error) {
    if (failedOnCondition(error)) return false;
    throw error;
  }
}

/** Row indexes packed into transactions of at most 100 operations (empty rows need none). */
function packsOf(rows: Write[][], written: boolean[]): number[][] {
  const packs: number[][] = [];
  let pack: number[] = [];
  let size = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const writes = rows[i] ?? [];
    if (writes.length === 0) {
      written[i] = true;
      continue;
    }
    if (size + writes.length > MAX_TRANSACTION_OPS) {
      packs.push(pack);
      pack = [];
      size = 0;
    }
    pack.push(i);
    size += writes.length;
  }
  if (pack.length) packs.push(pack);
  return packs;
}

/**
 * Writes the writes of many rows (each row's from the entity builders), each row's all or none:
 * rows are packed into transactions of up to 100 operations; when a packed transaction fails on a
 * condition (someone wrote one of its records meanwhile), each of its rows is retried alone, so
 * one lost race refuses only its own row. Packs are sent four at a time. Returns, per row,
 * whether it was written. A batch is a system job: its retries share a job's budget.
 */
export function transactRows(table: Table, rows: Write[][]): Promise<boolean[]> {
  return table.retries.forJob(async () => {
    const written = rows.map(() => false);
    const packs = packsOf(rows, written);
    const run = async (indexes: number[]) => {
      if (
        await transacted(
          table,
          indexes.flatMap((i) => rows[i] ?? []),
        )
      ) {
        for (const i of indexes) written[i] = true;
        return;
      }
      if (indexes.length === 1) return;
      for (const i of indexes) written[i] = await transacted(table, rows[i] ?? []);
    };
    // The rows of a batch are independent (distinct natural keys), so their packs go out together.
    for (let i = 0; i < packs.length; i += PARALLEL_TRANSACTIONS)
      await Promise.all(packs.slice(i, i + PARALLEL_TRANSACTIONS).map(run));
    return written;
  });
}

/** Items by key, read in BatchGetItem calls of 100 (eventually consistent: writes re-check by condition). */
export async function itemsByKey(table: Table, keys: ItemKey[]): Promise<Map<string, Item>> {
  if (!keys.length) return new Map();
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  return table.batchGet(unique);
}
