import type { Entity, StoredRecord } from '../data/entity';
import { recordsByNaturalKey } from '../data/imports/natural-keys';
import { transactRows } from '../data/imports/transact-rows';
import type { Table } from '../data/table';
import type { Write } from '../data/write';
import type { CellIssue } from '../domain/onboarding/row-check';
import type { Numbered, RowOutcome } from './kind-importer';

/** How rows of one kind become records found by a guarded natural key (NIP, unit or program code). */
export interface UpsertSpec<Row, T extends StoredRecord> {
  table: Table;
  entity: Entity<T>;
  agencyId: string;
  guardKind: string;
  keyOf(row: Row): string;
  /** The new record for a row whose key is not taken yet. */
  create(row: Row): T | { issues: CellIssue[] };
  /** The next version of a stored record, or `unchanged` when the row says what is stored. */
  update(row: Row, existing: T): T | 'unchanged' | { issues: CellIssue[] };
  /**
   * The entity's write builders, as the API writes (`src/data/entities/*`): the create with its
   * natural-key guard, the versioned update with the entity's own conditions.
   */
  writes: { create(record: T): Write[]; update(before: T, after: T): Write[] };
}

type Plan<T> = { outcome: RowOutcome; ops: Write[]; record?: T };

function plan<Row, T extends StoredRecord>(
  spec: UpsertSpec<Row, T>,
  row: Row,
  existing: T | undefined,
): Plan<T> {
  if (!existing) {
    const created = spec.create(row);
    if ('issues' in created) return { outcome: created, ops: [] };
    return {
      outcome: 'created',
      ops: spec.writes.create(created),
      record: created,
    };
  }
  const next = spec.update(row, existing);
  if (next === 'unchanged') return { outcome: 'unchanged', ops: [] };
  if ('issues' in next) return { outcome: next, ops: [] };
  return {
    outcome: 'updated',
    ops: spec.writes.update(existing, next),
    record: next,
  };
}

const LOST_RACE = 'was changed by someone else during the import; run the import again';

/**
 * Creates or updates rows by natural key: a new key is created with its guard (both conditioned
 * on not existing), a known one updated under its version, an identical one left alone. With
 * `write` false only the outcomes are computed (dry run). A row that loses a race with another
 * writer is looked up again, strongly consistent, and tried once more on its own.
 */
export async function upsertByKey<Row, T extends StoredRecord>(
  spec: UpsertSpec<Row, T>,
  rows: Numbered<Row>[],
  write: boolean,
): Promise<RowOutcome[]> {
  const keys = rows.map((r) => spec.keyOf(r.value));
  const existing = await recordsByNaturalKey(spec.table, spec.entity, spec.agencyId, spec.guardKind, keys);
  const plans = rows.map((r, i) => plan(spec, r.value, existing.get(keys[i] as string)));
  if (!write) return plans.map((p) => p.outcome);
  const written = await transactRows(
    spec.table,
    plans.map((p) => p.ops),
  );
  const outcomes = plans.map((p) => p.outcome);
  for (let i = 0; i < rows.length; i += 1) {
    if (written[i]) continue;
    const key = keys[i] as string;
    const again = await recordsByNaturalKey(
      spec.table,
      spec.entity,
      spec.agencyId,
      spec.guardKind,
      [key],
      true,
    );
    const retry = plan(spec, (rows[i] as Numbered<Row>).value, again.get(key));
    const [ok] = await transactRows(spec.table, [retry.ops]);
    outcomes[i] = ok ? retry.outcome : { issues: [{ field: '', value: key, reason: LOST_RACE }] };
  }
  return outcomes;
}

/** Whether two values hold the same data (records compared field by field, as JSON). */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
