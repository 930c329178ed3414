import { type CellValue, cellText, matchKey } from './cell-values';

/** The kinds of records an agency can import (and export in the same columns). */
export const IMPORT_KINDS = [
  'units',
  'employees',
  'programs',
  'enrollments',
  'mentorships',
  'measurements',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of an import file: the field it fills and every header people write for it. */
export interface ColumnSpec {
  field: string;
  /** The header the template writes (Indonesian, as in SIASN and agency sheets). */
  header: string;
  /** Other headers accepted, English field names and SIASN/agency variants; matched case- and punctuation-insensitively. */
  aliases: readonly string[];
  required: boolean;
  /** What the column holds, for the README and the template's notes. */
  description: string;
  /** The template's example value. */
  example: string;
}

/** How the header row of a file maps onto a kind's columns. */
export interface HeaderMapping {
  /** Field -> index of its column in the file. */
  fieldIndex: Map<string, number>;
  /** Field -> the header as the user wrote it (reports name columns the user's way). */
  fieldHeader: Map<string, string>;
  /** Headers no column takes: reported, then ignored. */
  ignored: string[];
  /** Required columns the file lacks (by their template header). */
  missing: string[];
  /** Headers that name a column already taken by an earlier header. */
  duplicates: string[];
}

/** Matches a header row against a kind's columns. */
export function mapHeaders(columns: readonly ColumnSpec[], headers: readonly CellValue[]): HeaderMapping {
  const byKey = new Map<string, ColumnSpec>();
  for (const column of columns) {
    for (const name of [column.field, column.header, ...column.aliases]) byKey.set(matchKey(name), column);
  }
  const fieldIndex = new Map<string, number>();
  const fieldHeader = new Map<string, string>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((raw, index) => {
    const header = cellText(raw);
    if (!header) return;
    const column = byKey.get(matchKey(header));
    if (!column) ignored.push(header);
    else if (fieldIndex.has(column.field)) duplicates.push(header);
    else {
      fieldIndex.set(column.field, index);
      fieldHeader.set(column.field, header);
    }
  });
  const missing = columns.filter((c) => c.required && !fieldIndex.has(c.field)).map((c) => c.header);
  return { fieldIndex, fieldHeader, ignored, missing, duplicates };
}

/** A data row as named fields (only the columns the file has). */
export type FieldRow = Record<string, CellValue>;

/** The cells of a row by field. */
export function fieldsOf(mapping: HeaderMapping, cells: readonly CellValue[]): FieldRow {
  const row: FieldRow = {};
  for (const [field, index] of mapping.fieldIndex) row[field] = cells[index];
  return row;
}
