import { failedOnCondition, type Item, type ItemKey, keyString, type Table } from '../table';
import { waitForAll } from '../wait-for-all';
import { keyOfWrite, type Write } from '../write';

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

/** A transaction of rows: their indexes and its operations. */
interface Pack {
  rows: number[];
  writes: Write[];
  /** Keys the pack's writes change, and its condition checks by key (as JSON, to merge equal ones). */
  changed: Set<string>;
  checks: Map<string, string>;
}

const emptyPack = (): Pack => ({ rows: [], writes: [], changed: new Set(), checks: new Map() });

/**
 * Adds a row's writes to a pack, or says it cannot join: DynamoDB refuses two operations on one
 * item in a transaction, so a row joins only if it changes no item the pack touches and checks
 * none the pack changes. A check equal to one the pack already makes (several measurements of one
 * indicator, each requiring it ACTIVE) is made once. Returns false, leaving the pack as it was.
 */
function joined(pack: Pack, row: number, writes: Write[]): boolean {
  const added: Write[] = [];
  const checks = new Map<string, string>();
  for (const write of writes) {
    const key = keyString(keyOfWrite(write));
    if ('check' in write) {
      const condition = JSON.stringify(write.condition);
      if (pack.changed.has(key)) return false;
      const known = pack.checks.get(key) ?? checks.get(key);
      if (known === condition) continue;
      if (known !== undefined) return false;
      checks.set(key, condition);
    } else if (pack.changed.has(key) || pack.checks.has(key) || checks.has(key)) return false;
    added.push(write);
  }
  if (pack.writes.length + added.length > MAX_TRANSACTION_OPS && pack.rows.length) return false;
  pack.rows.push(row);
  pack.writes.push(...added);
  for (const write of added) if (!('check' in write)) pack.changed.add(keyString(keyOfWrite(write)));
  for (const [key, condition] of checks) pack.checks.set(key, condition);
  return true;
}

/** Rows packed into transactions of at most 100 operations, in order (empty rows need none). */
function packsOf(rows: Write[][], written: boolean[]): Pack[] {
  const packs: Pack[] = [];
  let pack = emptyPack();
  for (let i = 0; i < rows.length; i += 1) {
    const writes = rows[i] ?? [];
    if (writes.length === 0) {
      written[i] = true;
      continue;
    }
    if (joined(pack, i, writes)) continue;
    if (pack.rows.length) packs.push(pack);
    pack = emptyPack();
    if (joined(pack, i, writes)) continue;
    // A row that is no valid transaction by itself goes alone, and fails alone.
    packs.push({ ...emptyPack(), rows: [i], writes });
    pack = emptyPack();
  }
  if (pack.rows.length) packs.push(pack);
  return packs;
}

/**
 * Writes the writes of many rows (each row's from the entity builders), each row's all or none:
 * rows are packed into transactions of up to 100 operations (never two on one item; equal checks
 * merged); when a packed transaction fails on a
 * condition (someone wrote one of its records meanwhile), each of its rows is retried alone, so
 * one lost race refuses only its own row. Packs are sent four at a time. Returns, per row,
 * whether it was written. A batch is a system job: its retries share a job's budget.
 */
export function transactRows(table: Table, rows: Write[][]): Promise<boolean[]> {
  return table.retries.forJob(async () => {
    const written = rows.map(() => false);
    const packs = packsOf(rows, written);
    const run = async (pack: Pack) => {
      if (await transacted(table, pack.writes)) {
        for (const i of pack.rows) written[i] = true;
        return;
      }
      if (pack.rows.length === 1) return;
      for (const i of pack.rows) written[i] = await transacted(table, rows[i] ?? []);
    };
    // The rows of a batch are independent (distinct natural keys), so their packs go out together.
    for (let i = 0; i < packs.length; i += PARALLEL_TRANSACTIONS)
      await waitForAll(packs.slice(i, i + PARALLEL_TRANSACTIONS).map(run));
    return written;
  });
}

/** Items by key, read in BatchGetItem calls of 100 (eventually consistent: writes re-check by condition). */
export async function itemsByKey(table: Table, keys: ItemKey[]): Promise<Map<string, Item>> {
  if (!keys.length) return new Map();
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  return table.batchGet(unique);
}
