import { isBlank } from '../domain/onboarding/cell-values';
import {
  type FieldRow,
  fieldsOf,
  type HeaderMapping,
  type ImportKind,
  mapHeaders,
} from '../domain/onboarding/columns';
import {
  type ImportCounts,
  type ImportMode,
  type ImportReport,
  MAX_LISTED_REJECTIONS,
  outcomeOf,
  type RejectedCell,
  zeroCounts,
} from '../domain/onboarding/import-report';
import type { CellIssue } from '../domain/onboarding/row-check';
import { FILE_LIMITS, type SourceRow, UnusableFileError } from './file-problem';
import { inOrder } from './in-order';
import {
  BATCH_ROWS,
  type KindImporter,
  type Numbered,
  type RowOutcome,
  WRITE_BATCHES_IN_FLIGHT,
} from './kind-importer';
import type { TableFile } from './table-file';

/** Where a run keeps its place, so an interrupted write phase resumes (the job item, or nothing). */
export interface ImportCheckpoint {
  /** Rows up to this one (as numbered in the file) are written; 0 before the write phase. */
  writtenThroughRow: number;
  counts: ImportCounts;
}

export interface RunImportOptions {
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  file: TableFile;
  importer: KindImporter<unknown>;
  /** A checkpoint of an interrupted run: validation is repeated (it writes nothing), writing continues after it. */
  resumeFrom?: ImportCheckpoint | undefined;
  /** Called after each written batch; the run stops early (unfinished) when it returns `stop`. */
  onCheckpoint?: (checkpoint: ImportCheckpoint) => Promise<'continue' | 'stop'>;
  /** Progress for bars: rows read in the current phase. */
  onProgress?: (phase: 'validate' | 'write', rows: number) => void;
}

export interface RunImportResult {
  report: ImportReport;
  /** False when stopped after a checkpoint (a Lambda near its timeout); run again to continue. */
  finished: boolean;
}

interface DataRow {
  row: number;
  fields: FieldRow;
  source: SourceRow;
}

/** Header first, then the non-blank data rows with their fields. */
async function* dataRows(
  file: TableFile,
  headerOf: (source: SourceRow) => HeaderMapping,
  onHeader: (mapping: HeaderMapping) => void,
): AsyncGenerator<DataRow> {
  let mapping: HeaderMapping | undefined;
  let count = 0;
  for await (const source of file.rows()) {
    const blank = source.cells.every((c) => isBlank(c)) && !source.rowProblem && !source.cellProblems;
    if (blank) continue;
    if (!mapping) {
      if (source.rowProblem)
        throw new UnusableFileError('UNREADABLE', `The header row cannot be read: ${source.rowProblem}.`);
      mapping = headerOf(source);
      onHeader(mapping);
      continue;
    }
    count += 1;
    if (count > FILE_LIMITS.maxRows)
      throw new UnusableFileError(
        'TOO_LARGE',
        `The file has more than ${FILE_LIMITS.maxRows} rows; split it.`,
      );
    yield { row: source.row, fields: fieldsOf(mapping, source.cells), source };
  }
  if (!mapping) throw new UnusableFileError('EMPTY', 'The file is empty.');
  if (count === 0) throw new UnusableFileError('EMPTY', 'The file has a header row but no data rows.');
}

/**
 * Imports one file: validates every row before the first write (so all-or-nothing holds for a
 * file of any size), then writes the good rows in batches, checkpointing after each. Only the
 * natural keys and the refused row numbers are kept between rows.
 */
export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
  const { importer, file, mode } = options;
  const columns = importer.columns;
  let mapping: HeaderMapping | undefined;
  const headerOf = (source: SourceRow): HeaderMapping => {
    const found = mapHeaders(columns, source.cells);
    if (found.missing.length)
      throw new UnusableFileError(
        'MISSING_COLUMNS',
        `Required column(s) missing: ${found.missing.join(', ')}. Found: ${source.cells.map(String).filter(Boolean).join(', ') || 'none'}.`,
      );
    if (found.duplicates.length)
      throw new UnusableFileError(
        'DUPLICATE_COLUMNS',
        `Column(s) given twice: ${found.duplicates.join(', ')}.`,
      );
    return found;
  };
  const report: ImportReport = {
    kind: options.kind,
    mode,
    dryRun: options.dryRun,
    outcome: 'SUCCEEDED',
    format: file.format,
    encoding: file.encoding?.note ?? (file.format === 'csv' ? 'UTF-8' : undefined),
    rows: 0,
    ...zeroCounts(),
    rejections: [],
    rejectionsTruncated: false,
    ignoredColumns: [],
    notes: [],
  };
  const rejected = new Set<number>();
  const reject = (row: number, issues: CellIssue[]) => {
    if (!issues.length) return;
    if (!rejected.has(row)) report.rejected += 1;
    rejected.add(row);
    for (const i of issues) {
      if (report.rejections.length >= MAX_LISTED_REJECTIONS) {
        report.rejectionsTruncated = true;
        return;
      }
      const column = i.field
        ? (mapping?.fieldHeader.get(i.field) ?? columns.find((c) => c.field === i.field)?.header ?? i.field)
        : '';
      const reason =
        file.format === 'xlsx' && i.reason === 'is required' && mapping?.fieldIndex.has(i.field)
          ? 'is required (the cell is empty; if it is merged with the cell above, unmerge and fill every row)'
          : i.reason;
      report.rejections.push({ row, column, value: i.value, reason } satisfies RejectedCell);
    }
  };

  await importer.prepare();
  // Pass 1: check everything, write nothing.
  const keys = new Map<string, number>();
  let batch: Numbered<unknown>[] = [];
  const settle = async () => {
    const current = batch;
    batch = [];
    if (!current.length) return;
    const found = (await importer.checkBatch?.(current)) ?? new Map<number, CellIssue[]>();
    for (const [row, issues] of found) reject(row, issues);
    if (options.dryRun) {
      const ok = current.filter((r) => !rejected.has(r.row));
      count(report, await importer.classifyBatch(ok), ok, reject);
    }
  };
  for await (const data of dataRows(file, headerOf, (m) => {
    mapping = m;
    report.ignoredColumns = m.ignored;
  })) {
    report.rows += 1;
    options.onProgress?.('validate', report.rows);
    const early: CellIssue[] = [];
    if (data.source.rowProblem) early.push({ field: '', value: '', reason: data.source.rowProblem });
    for (const p of data.source.cellProblems ?? []) {
      const field = [...(mapping?.fieldIndex ?? [])].find(([, index]) => index === p.index)?.[0];
      if (field) early.push({ field, value: '', reason: p.reason });
    }
    const checked = importer.check(data.fields);
    if (!checked.ok || early.length) {
      reject(data.row, [...early, ...(checked.ok ? [] : checked.issues)]);
      continue;
    }
    const key = importer.naturalKey(checked.value);
    const first = keys.get(key);
    if (first !== undefined) {
      reject(data.row, [
        {
          field: importer.keyField,
          value: String(data.fields[importer.keyField] ?? key),
          reason: `repeats row ${first} (each record once per file)`,
        },
      ]);
      continue;
    }
    keys.set(key, data.row);
    batch.push({ row: data.row, value: checked.value });
    if (batch.length >= BATCH_ROWS) await settle();
  }
  await settle();
  keys.clear();
  for (const [row, issues] of importer.finishChecks?.() ?? []) reject(row, issues);
  report.rejections.sort((a, b) => a.row - b.row);

  report.outcome = outcomeOf(mode, report);
  if (options.dryRun || (mode === 'ALL_OR_NOTHING' && report.rejected > 0)) {
    const written = options.resumeFrom?.writtenThroughRow ?? 0;
    if (report.rejected > 0 && mode === 'ALL_OR_NOTHING')
      report.notes.push(
        written > 0
          ? `Rows up to ${written} were written by the interrupted run; the rest was not, because rows listed are now refused (the data changed meanwhile). Fix them and run the import again.`
          : 'Nothing was written: fix the rows listed and run the import again.',
      );
    if (options.dryRun) report.notes.push('Dry run: nothing was written.');
    return { report, finished: true };
  }

  // Pass 2: write the rows that passed, in batches, from the checkpoint on.
  const resume = options.resumeFrom;
  // Counts of the write phase (rows refused at write time under `rejected`), carried over a resume.
  const written: ImportCounts = resume ? { ...resume.counts } : zeroCounts();
  report.rejected += written.rejected;
  if (resume && resume.writtenThroughRow > 0) report.resumedFromRow = resume.writtenThroughRow + 1;
  let done = 0;
  async function* batches(): AsyncGenerator<Numbered<unknown>[]> {
    let writes: Numbered<unknown>[] = [];
    for await (const data of dataRows(file, headerOf, () => undefined)) {
      done += 1;
      options.onProgress?.('write', done);
      if (rejected.has(data.row) || (resume && data.row <= resume.writtenThroughRow)) continue;
      const checked = importer.check(data.fields);
      if (!checked.ok) continue;
      writes.push({ row: data.row, value: checked.value });
      if (writes.length >= BATCH_ROWS) {
        yield writes;
        writes = [];
      }
    }
    if (writes.length) yield writes;
  }
  // Batches are written several at once (their rows have distinct natural keys), but counted and
  // checkpointed in file order: the checkpoint passes a batch only when every earlier one is done.
  const inFlight = importer.writesAtFlush ? 1 : (importer.writeBatchesInFlight ?? WRITE_BATCHES_IN_FLIGHT);
  const ended = await inOrder(
    batches(),
    inFlight,
    (rows) => importer.writeBatch(rows),
    async (rows, outcomes) => {
      count(written, outcomes, rows, (row, issues) => {
        written.rejected += 1;
        reject(row, issues);
      });
      if (importer.writesAtFlush) return 'continue';
      const last = rows[rows.length - 1]?.row ?? 0;
      return (
        (await options.onCheckpoint?.({ writtenThroughRow: last, counts: { ...written } })) ?? 'continue'
      );
    },
  );
  if (ended === 'stopped') {
    Object.assign(report, {
      created: written.created,
      updated: written.updated,
      unchanged: written.unchanged,
    });
    report.rejections.sort((a, b) => a.row - b.row);
    return { report, finished: false };
  }
  for (const [row, outcome] of (await importer.flush?.()) ?? []) {
    count(written, [outcome], [{ row, value: undefined }], (r, issues) => {
      written.rejected += 1;
      reject(r, issues);
    });
  }
  report.created = written.created;
  report.updated = written.updated;
  report.unchanged = written.unchanged;
  report.outcome = outcomeOf(mode, report);
  report.rejections.sort((a, b) => a.row - b.row);
  return { report, finished: true };
}

function count(
  counts: ImportCounts,
  outcomes: RowOutcome[],
  rows: Numbered<unknown>[],
  reject: (row: number, issues: CellIssue[]) => void,
): void {
  outcomes.forEach((outcome, i) => {
    if (typeof outcome === 'string') counts[outcome] += 1;
    else reject(rows[i]?.row ?? 0, outcome.issues);
  });
}
