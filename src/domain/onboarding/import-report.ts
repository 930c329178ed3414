import type { ImportKind } from './columns';

/** All-or-nothing (default) writes nothing when a row is refused; valid-only writes the good rows. */
export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ONLY';

/**
 * SUCCEEDED: every row taken. REJECTED: rows refused, nothing written (all-or-nothing).
 * PARTIAL: the valid rows written, the others refused (valid-only). FAILED: the file is unusable.
 */
export type ImportOutcome = 'SUCCEEDED' | 'REJECTED' | 'PARTIAL' | 'FAILED';

/** One refused cell: the row as the user sees it (header = row 1), the column, the value, the reason. */
export interface RejectedCell {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** What an import did, row by row where rows were refused. */
export interface ImportReport extends ImportCounts {
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  outcome: ImportOutcome;
  format?: 'csv' | 'xlsx' | undefined;
  encoding?: string | undefined;
  /** Data rows read (blank rows not counted). */
  rows: number;
  rejections: RejectedCell[];
  /** More refused cells exist than listed. */
  rejectionsTruncated: boolean;
  /** Headers no column takes: ignored. */
  ignoredColumns: string[];
  /** The write phase continued an interrupted run from this row. */
  resumedFromRow?: number | undefined;
  /** Why the file is unusable (outcome FAILED). */
  fileProblem?: { code: string; message: string } | undefined;
  notes: string[];
}

/** Most refused cells a report lists (the counts stay exact). */
export const MAX_LISTED_REJECTIONS = 5000;

export const zeroCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

/** The outcome of a run that read the whole file. */
export function outcomeOf(mode: ImportMode, counts: ImportCounts): ImportOutcome {
  if (counts.rejected === 0) return 'SUCCEEDED';
  return mode === 'ALL_OR_NOTHING' ? 'REJECTED' : 'PARTIAL';
}

/** CLI exit code: 0 every row taken; 1 rows refused; 2 the file is unusable. */
export function exitCodeOf(report: Pick<ImportReport, 'outcome'>): 0 | 1 | 2 {
  if (report.outcome === 'FAILED') return 2;
  return report.outcome === 'SUCCEEDED' ? 0 : 1;
}
