/**
 * The working-day calendar (hari kerja) that SP4N-LAPOR deadlines count in (DOMAIN rule 8):
 * Monday to Friday, except national holidays (hari libur nasional) and cuti bersama, both set
 * each year by an SKB of the Ministers of Religious Affairs, Manpower and PANRB, and days an
 * agency closes on its own (regional holidays, office closures).
 *
 * A year's national calendar is data (shipped for some years, set by an administrator for the
 * others). A deadline counted through a year without one counts weekends only and is provisional.
 */
import { addDays, dateParts, dayOfWeek, type IsoDate, isIsoDate } from './calendar-date';
import type { FieldIssue } from './validation-issues';

/** Kinds of closed days: national ones (the SKB) and an agency's own. */
export const HOLIDAY_KINDS = [
  'NATIONAL_HOLIDAY',
  'CUTI_BERSAMA',
  'REGIONAL_HOLIDAY',
  'OFFICE_CLOSURE',
] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Whose calendar: the national one, or an agency's additions to it. */
export const CALENDAR_SCOPES = ['NATIONAL', 'AGENCY'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

/** The kinds each scope may hold. */
export const KINDS_OF_SCOPE: Record<CalendarScope, readonly HolidayKind[]> = {
  NATIONAL: ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'],
  AGENCY: ['REGIONAL_HOLIDAY', 'OFFICE_CLOSURE'],
};

/** One day offices are closed. */
export interface Holiday {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
}

/** Most closed days a year's list may hold (the SKBs list about 27). */
export const MAX_HOLIDAYS_PER_YEAR = 60;

/** Years a calendar may be set for. */
export const CALENDAR_YEARS = { min: 2019, max: 2100 } as const;

/** Problems with a year's list of closed days for a scope (empty: fine); sorted output is the caller's. */
export function holidayListIssues(
  year: number,
  scope: CalendarScope,
  days: readonly Holiday[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max)
    issues.push({ field: 'input.year', reason: `must be ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}` });
  if (days.length > MAX_HOLIDAYS_PER_YEAR)
    issues.push({ field: 'input.days', reason: `must hold at most ${MAX_HOLIDAYS_PER_YEAR} days` });
  const seen = new Set<IsoDate>();
  days.forEach((day, i) => {
    const field = `input.days.${i}`;
    if (!isIsoDate(day.date) || dateParts(day.date).year !== year)
      issues.push({ field: `${field}.date`, reason: `must be a date in ${year}` });
    else if (seen.has(day.date))
      issues.push({ field: `${field}.date`, reason: `${day.date} is listed twice` });
    seen.add(day.date);
    if (!KINDS_OF_SCOPE[scope].includes(day.kind))
      issues.push({
        field: `${field}.kind`,
        reason: `a ${scope} calendar holds ${KINDS_OF_SCOPE[scope].join(' or ')}`,
      });
  });
  return issues;
}

/** The closed days a deadline counts around, and the years whose national calendar is known. */
export interface WorkCalendar {
  closed: ReadonlySet<IsoDate>;
  knownYears: ReadonlySet<number>;
}

/** A calendar of weekends only: every year unknown. */
export const WEEKENDS_ONLY: WorkCalendar = { closed: new Set(), knownYears: new Set() };

/** The working calendar of some years: each with its national days (if known) and agency days. */
export function workCalendarOf(
  years: readonly { year: number; national: readonly Holiday[] | undefined; agency: readonly Holiday[] }[],
): WorkCalendar {
  const closed = new Set<IsoDate>();
  const knownYears = new Set<number>();
  for (const { year, national, agency } of years) {
    if (national) knownYears.add(year);
    for (const day of [...(national ?? []), ...agency]) closed.add(day.date);
  }
  return { closed, knownYears };
}

/** Whether offices work on a date: a weekday that is not closed. */
export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.closed.has(date);
}

/**
 * The date `count` working days after `date` (counting starts the next day), and whether the
 * count crossed a year whose national calendar is unknown (then it is provisional).
 */
export function addWorkingDaysIn(
  calendar: WorkCalendar,
  date: IsoDate,
  count: number,
): { date: IsoDate; provisional: boolean } {
  let current = date;
  let provisional = false;
  for (let counted = 0; counted < count; ) {
    current = addDays(current, 1);
    if (!calendar.knownYears.has(dateParts(current).year)) provisional = true;
    if (isWorkingDay(calendar, current)) counted += 1;
  }
  return { date: current, provisional };
}

/** Working days Monday to Friday of a year that the calendar leaves open. */
export function workingDaysIn(calendar: WorkCalendar, year: number): number {
  let count = 0;
  for (let date = `${year}-01-01`; dateParts(date).year === year; date = addDays(date, 1))
    if (isWorkingDay(calendar, date)) count += 1;
  return count;
}

/** The owner of the national calendar items: not an agency (no agency id starts with `@`). */
export const NATIONAL_CALENDAR_OWNER = '@national';

/** A stored year of closed days: the national one, or one agency's additions (its id is the year). */
export interface HolidayCalendarRecord {
  /** The agency, or NATIONAL_CALENDAR_OWNER. */
  agencyId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  year: number;
  scope: CalendarScope;
  days: Holiday[];
  /** The decree or document the days come from. */
  source?: string | undefined;
  /** The version whose days the stored complaint deadlines already count (kept by the recompute job). */
  deadlinesAppliedVersion?: number | undefined;
}
