/**
 * Appraisal and measurement periods (`2026`, `2026-Q3`, `2026-07`) and the time buckets
 * of dashboard series. Every period is a closed range of calendar dates.
 */
import { dateParts, endOfMonth, type IsoDate, isoDateOf } from './calendar-date';
import { invalid, type ValidationResult, valid } from './validation-result';

/** Period granularities, coarsest first. */
export const PERIOD_KINDS = ['YEAR', 'QUARTER', 'MONTH'] as const;

/** Granularity of a period. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period: its key (`2026`, `2026-Q3`, `2026-07`), first and last day (inclusive), Indonesian label. */
export interface Period {
  key: string;
  kind: PeriodKind;
  start: IsoDate;
  end: IsoDate;
  label: string;
}

/** Indonesian month names, January first. */
export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/** The quarter (1–4) of a month (1–12) or of a date. */
export function quarterOf(monthOrDate: number | IsoDate): 1 | 2 | 3 | 4 {
  const month = typeof monthOrDate === 'number' ? monthOrDate : dateParts(monthOrDate).month;
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

function monthStart(year: number, month: number): IsoDate {
  return isoDateOf(year, month, 1) ?? `${String(year).padStart(4, '0')}-01-01`;
}

function yearPeriod(year: number): Period {
  const y = String(year).padStart(4, '0');
  return { key: y, kind: 'YEAR', start: `${y}-01-01`, end: `${y}-12-31`, label: y };
}

function quarterPeriod(year: number, quarter: number): Period {
  const y = String(year).padStart(4, '0');
  const start = monthStart(year, quarter * 3 - 2);
  const end = endOfMonth(monthStart(year, quarter * 3));
  const label = `Triwulan ${QUARTER_NUMERALS[quarter - 1]} ${y}`;
  return { key: `${y}-Q${quarter}`, kind: 'QUARTER', start, end, label };
}

function monthPeriod(year: number, month: number): Period {
  const start = monthStart(year, month);
  const label = `${MONTH_NAMES_ID[month - 1]} ${String(year).padStart(4, '0')}`;
  return { key: start.slice(0, 7), kind: 'MONTH', start, end: endOfMonth(start), label };
}

/** Parses `YYYY`, `YYYY-Qn` or `YYYY-MM`; the failure says what is wrong. */
export function parsePeriod(raw: string): ValidationResult<Period> {
  const text = raw.trim().toUpperCase();
  const match = /^(\d{4})(?:-Q(\d)|-(\d{2}))?$/.exec(text);
  if (!match) return invalid(`"${raw}" is not a period: use YYYY, YYYY-Qn (n 1–4) or YYYY-MM`, 'period');
  const year = Number(match[1]);
  if (year < 1900) return invalid(`year ${year} is before 1900`, 'period');
  if (match[2] !== undefined) {
    const quarter = Number(match[2]);
    if (quarter < 1 || quarter > 4) return invalid(`quarter Q${quarter} does not exist: use Q1–Q4`, 'period');
    return valid(quarterPeriod(year, quarter));
  }
  if (match[3] !== undefined) {
    const month = Number(match[3]);
    if (month < 1 || month > 12) return invalid(`month ${match[3]} does not exist: use 01–12`, 'period');
    return valid(monthPeriod(year, month));
  }
  return valid(yearPeriod(year));
}

/** The period of the given kind that contains the date. */
export function periodOfDate(date: IsoDate, kind: PeriodKind): Period {
  const { year, month } = dateParts(date);
  if (kind === 'YEAR') return yearPeriod(year);
  if (kind === 'QUARTER') return quarterPeriod(year, quarterOf(month));
  return monthPeriod(year, month);
}

/** True when two periods share at least one day (ranges are inclusive). */
export function periodsOverlap(a: Pick<Period, 'start' | 'end'>, b: Pick<Period, 'start' | 'end'>): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when the date falls within the period. */
export function periodContains(period: Pick<Period, 'start' | 'end'>, date: IsoDate): boolean {
  return period.start <= date && date <= period.end;
}

/** The period right after the given one, of the same kind. */
export function nextPeriod(period: Period): Period {
  const { year, month } = dateParts(period.end);
  return periodOfDate(month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1), period.kind);
}

/** Every period of a kind from the one containing `from` to the one containing `to`, in order (zero-fill buckets). */
export function periodsBetween(from: IsoDate, to: IsoDate, kind: PeriodKind): Period[] {
  const periods: Period[] = [];
  if (from > to) return periods;
  let period = periodOfDate(from, kind);
  while (period.start <= to) {
    periods.push(period);
    const next = nextPeriod(period);
    if (next.start <= period.start) break; // past year 9999 dates stop being comparable strings
    period = next;
  }
  return periods;
}

/** A month (`2026-07`, or the month of a date) as a count of months since year 0, for month arithmetic. */
export function monthIndex(yearMonth: string): number {
  return Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
}

/** The month (`2026-07`) of a `monthIndex`. */
export function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The ordered bucket keys (`2026-07`, `2026-Q3`, `2026`) covering `from`..`to`. */
export function periodKeysBetween(from: IsoDate, to: IsoDate, kind: PeriodKind): string[] {
  return periodsBetween(from, to, kind).map((period) => period.key);
}
