import type { CellValue } from '../domain/onboarding/cell-values';

/** Why a file cannot be imported at all (exit code 2 of the CLI, FAILED job). */
export type FileProblemCode =
  | 'EMPTY'
  | 'UNREADABLE'
  | 'ENCODING'
  | 'TOO_LARGE'
  | 'MISSING_COLUMNS'
  | 'DUPLICATE_COLUMNS';

/** The file is unusable as a whole; the message says what to do, in plain words. */
export class UnusableFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnusableFileError';
  }
}

/** A problem of one cell found while reading (a formula without a value, an error value). */
export interface CellProblem {
  index: number;
  reason: string;
}

/** One row of a table file as read: its number as the user sees it (header = row 1) and its cells. */
export interface SourceRow {
  row: number;
  cells: CellValue[];
  /** Cells the reader could not turn into values. */
  cellProblems?: CellProblem[] | undefined;
  /** A problem of the whole row (cut short, undecodable bytes, unreadable past here). */
  rowProblem?: string | undefined;
}

/** Limits that keep a hostile file from exhausting memory or time. */
export const FILE_LIMITS = {
  /** Largest upload and file accepted. */
  maxBytes: 200 * 1024 * 1024,
  /** Data rows per file. */
  maxRows: 500_000,
  /** Columns per row. */
  maxColumns: 100,
  /** Characters in one CSV record (guards against an unclosed quote swallowing the file). */
  maxRecordChars: 1_000_000,
} as const;
