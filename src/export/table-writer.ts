import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Formats records are written in. */
export type TableFormat = 'csv' | 'xlsx';

/** Rows of text cells written to a stream, one at a time (nothing is held for the whole file). */
export interface TableWriter {
  write(cells: readonly (string | number | undefined)[]): Promise<void>;
  end(): Promise<void>;
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function neutralized(value: string): string {
  return /^[=@\t\r]/.test(value) || /^[+-][^\d]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralized(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeTo(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}

/**
 * CSV (UTF-8 with a byte-order mark so Excel shows accents right, comma-separated, quoted where
 * needed) or .xlsx (written as a stream: rows are committed as they come).
 */
export async function createTableWriter(
  format: TableFormat,
  out: Writable,
  headers: readonly string[],
  sheetName = 'Data',
): Promise<TableWriter> {
  if (format === 'csv') {
    await writeTo(out, `\uFEFF${headers.map(csvCell).join(',')}\r\n`);
    return {
      write: (cells) => writeTo(out, `${cells.map(csvCell).join(',')}\r\n`),
      end: () =>
        new Promise((resolve, reject) => {
          out.once('error', reject);
          out.end(resolve);
        }),
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).commit();
  return {
    async write(cells) {
      sheet.addRow(cells.map((c) => (typeof c === 'string' ? neutralized(c) : (c ?? null)))).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
