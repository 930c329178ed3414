import type { ColumnSpec, FieldRow } from '../domain/onboarding/columns';
import type { CellIssue, RowResult } from '../domain/onboarding/row-check';

/** What writing one row did. */
export type RowOutcome = 'created' | 'updated' | 'unchanged' | { issues: CellIssue[] };

/** A checked row with its number in the file. */
export interface Numbered<T> {
  row: number;
  value: T;
}

/**
 * How one kind of record is imported. The engine streams the file twice: first every row is
 * checked (`check`, then `checkBatch` for look-ups in batches, and `finishChecks` for what only
 * the whole file can tell), then the good rows are written in batches (`writeBatch`, an upsert
 * by the kind's natural key), several at once, checkpointed in file order. Only `naturalKey`s are kept across rows (duplicates in the file).
 */
export interface KindImporter<T> {
  readonly columns: readonly ColumnSpec[];
  /** Loads what the checks need (the agency's units, programs...); bounded sets only. */
  prepare(): Promise<void>;
  /** Checks one row's cells against each other and the prepared sets. */
  check(row: FieldRow): RowResult<T>;
  /** The natural key (NIP, code, NIP + program): a second row with the same key is refused. */
  naturalKey(value: T): string;
  /** The column a duplicate is reported on. */
  readonly keyField: string;
  /** Look-ups of a batch of rows that passed `check` (e.g. NIPs in the table); issues by row number. */
  checkBatch?(rows: Numbered<T>[]): Promise<Map<number, CellIssue[]>>;
  /** Issues only the whole file shows (a unit's parent further down, a cycle), by row. */
  finishChecks?(): Map<number, CellIssue[]>;
  /** What writing would do, without writing (dry runs count created/updated/unchanged so). */
  classifyBatch(rows: Numbered<T>[]): Promise<RowOutcome[]>;
  /** Creates or updates a batch of checked rows by natural key; re-running the same rows changes nothing. */
  writeBatch(rows: Numbered<T>[]): Promise<RowOutcome[]>;
  /**
   * Batches written at once (default WRITE_BATCHES_IN_FLIGHT): 1 for a kind whose rows must be
   * written one after the other. Batches in flight are checkpointed in file order all the same.
   */
  readonly writeBatchesInFlight?: number;
  /** Rows are written only at `flush` (no checkpoints in between): small kinds written in dependency order. */
  readonly writesAtFlush?: boolean;
  /** Called once after the last batch (an importer may write what it held back, e.g. units in parent order). */
  flush?(): Promise<Map<number, RowOutcome>>;
}

/** Rows per check and write batch. */
export const BATCH_ROWS = 100;

/**
 * Write batches in flight at once. The rows of a file have distinct natural keys, so batches are
 * independent; records they share (a program's seat counters, a partner's feed) are changed under
 * conditions, and a transaction that meets another on them is retried (`Table.transact`). Two:
 * on DynamoDB Local (2 shared cores) more transactions of 100 operations side by side outlast the
 * 10 s request timeout under load, for little more throughput (README, Performance).
 */
export const WRITE_BATCHES_IN_FLIGHT = 2;

/** A kind's importer, built for an agency. */
export type ImporterFactory<T> = (agencyId: string) => KindImporter<T>;

/** Shorthand for a row-level issue. */
export function issue(field: string, value: string, reason: string): CellIssue {
  return { field, value, reason };
}

/** The check result of a row, as issues. */
export function issuesOf<T>(result: RowResult<T>): CellIssue[] {
  return result.ok ? [] : result.issues;
}
