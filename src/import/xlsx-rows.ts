import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../domain/onboarding/cell-values';
import { type CellProblem, FILE_LIMITS, type SourceRow, UnusableFileError } from './file-problem';

/** A workbook cell as ExcelJS reads it (formulas, rich text, hyperlinks, errors included). */
type RawCell =
  | CellValue
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink: string }
  | { error: string };

/** The plain value of a cell, or why it has none. */
export function plainCell(raw: RawCell): { value: CellValue } | { problem: string } {
  if (raw === null || raw === undefined || typeof raw !== 'object' || raw instanceof Date)
    return { value: raw };
  if ('richText' in raw) return { value: raw.richText.map((part) => part.text).join('') };
  if ('error' in raw) return { problem: `is an error value (${raw.error}) in the workbook` };
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result)))
      return {
        problem:
          'is a formula whose value was never computed (open and save the file in Excel, or paste as values)',
      };
    if (typeof result === 'object' && result && 'error' in result)
      return { problem: `is a formula giving an error (${(result as { error: string }).error})` };
    return plainCell(result as RawCell);
  }
  if ('text' in raw && 'hyperlink' in raw) return plainCell(raw.text as RawCell);
  return { problem: 'holds a value that is not text, a number or a date' };
}

/**
 * The rows of the first worksheet of an .xlsx stream, read without loading the workbook (row
 * numbers are the sheet's own). Formula cells give their computed value; merged cells read as
 * empty outside their first cell, which the checks then name.
 */
export async function* xlsxRows(stream: Readable): AsyncGenerator<SourceRow> {
  // Loaded here, on the first workbook: ExcelJS takes ~0.35 s of CPU to load, which every start
  // of the server (and every CSV import) would otherwise pay.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let yielded = 0;
  let lastRow = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as RawCell[];
        if (values.length - 1 > FILE_LIMITS.maxColumns)
          throw new UnusableFileError(
            'TOO_LARGE',
            `Row ${row.number} has more than ${FILE_LIMITS.maxColumns} columns.`,
          );
        const cells: CellValue[] = [];
        const cellProblems: CellProblem[] = [];
        for (let i = 1; i < values.length; i += 1) {
          const plain = plainCell(values[i]);
          if ('problem' in plain) cellProblems.push({ index: i - 1, reason: plain.problem });
          cells.push('value' in plain ? plain.value : undefined);
        }
        lastRow = row.number;
        yielded += 1;
        yield { row: row.number, cells, ...(cellProblems.length ? { cellProblems } : {}) };
      }
      // Only the first worksheet holds data; later sheets (notes, lists) are ignored.
      break;
    }
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    if (yielded === 0)
      throw new UnusableFileError(
        'UNREADABLE',
        'The Excel file is damaged or incomplete and cannot be opened.',
      );
    yield {
      row: lastRow + 1,
      cells: [],
      rowProblem: 'the workbook is damaged from here on (was the file cut short?)',
    };
  } finally {
    stream.destroy();
  }
}
