import {
  type CellValue,
  cellText,
  isBlank,
  type Parsed,
  parseChoice,
  parseDate,
  parseInteger,
  parseNumber,
} from './cell-values';
import type { FieldRow } from './columns';

/** One problem of one cell: the field, the cell as the user wrote it, and why it is refused. */
export interface CellIssue {
  field: string;
  value: string;
  reason: string;
}

/** The outcome of checking one row: its typed value, or every problem found in it. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] };

/**
 * Reads the cells of one row, collecting every problem instead of stopping at the first, so a
 * report names all the cells to fix at once.
 */
export class RowCheck {
  readonly issues: CellIssue[] = [];

  constructor(readonly row: FieldRow) {}

  /** Records a problem with a field. */
  fail(field: string, reason: string, value: CellValue = this.row[field]): undefined {
    this.issues.push({ field, value: cellText(value), reason });
    return undefined;
  }

  /** Whether the field has a value. */
  has(field: string): boolean {
    return !isBlank(this.row[field]);
  }

  private read<T>(field: string, required: boolean, parse: (v: CellValue) => Parsed<T>): T | undefined {
    const value = this.row[field];
    if (isBlank(value)) return required ? this.fail(field, 'is required') : undefined;
    const parsed = parse(value);
    return parsed.ok ? parsed.value : this.fail(field, parsed.reason);
  }

  /** Text, trimmed, at most `max` characters (and at least `min` when given). */
  text(field: string, options: { required?: boolean; min?: number; max: number }): string | undefined {
    return this.read(field, options.required ?? false, (v) => {
      const text = cellText(v).replace(/\s+/g, ' ');
      if (text.length > options.max)
        return { ok: false, reason: `must have at most ${options.max} characters` };
      if (options.min && text.length < options.min)
        return { ok: false, reason: `must have at least ${options.min} characters` };
      // A formula that a spreadsheet would run if this value were exported again (CSV injection).
      if (/^[=@]/.test(text) || /^[+-][^\d]/.test(text))
        return { ok: false, reason: 'must not start with =, +, - or @ (a spreadsheet formula)' };
      return { ok: true, value: text };
    });
  }

  /** A calendar date (`YYYY-MM-DD` out). */
  date(field: string, required = false): string | undefined {
    return this.read(field, required, parseDate);
  }

  /** A whole number within bounds. */
  integer(field: string, min: number, max: number, required = false): number | undefined {
    return this.read(field, required, (v) => parseInteger(v, min, max));
  }

  /** A number within bounds. */
  number(field: string, min: number, max: number, required = false): number | undefined {
    return this.read(field, required, (v) => {
      const parsed = parseNumber(v);
      if (parsed.ok && (parsed.value < min || parsed.value > max))
        return { ok: false, reason: `must be between ${min} and ${max}` };
      return parsed;
    });
  }

  /** One of a fixed set of codes, by code or name. */
  choice<T extends string>(
    field: string,
    names: Record<T, readonly string[]>,
    what: string,
    required = false,
  ): T | undefined {
    return this.read(field, required, (v) => parseChoice(v, names, what));
  }

  /** Any other parser. */
  parsed<T>(field: string, parse: (v: CellValue) => Parsed<T>, required = false): T | undefined {
    return this.read(field, required, parse);
  }

  /** The row's value when no problem was recorded. */
  result<T>(build: () => T): RowResult<T> {
    return this.issues.length ? { ok: false, issues: this.issues } : { ok: true, value: build() };
  }
}
