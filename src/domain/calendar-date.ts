/**
 * Calendar dates as `YYYY-MM-DD` strings, and Asia/Jakarta local days.
 *
 * Dates are plain strings so they sort and compare lexicographically; arithmetic goes
 * through whole UTC days, never through the host time zone or the current clock.
 */

const MS_PER_DAY = 86_400_000;

/** Jakarta (WIB) is UTC+7 all year: Indonesia observes no daylight saving time. */
export const JAKARTA_UTC_OFFSET_HOURS = 7;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Builds `YYYY-MM-DD` from parts, or undefined when the parts are not a real date. */
export function isoDateOf(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : undefined;
}

/** True when the string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  return isoDateOf(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** Splits a `YYYY-MM-DD` date into numeric year, month (1–12) and day. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day };
}

function epochDay(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromEpochDay(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` days after (or before, when negative) the given date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(epochDay(date) * MS_PER_DAY).getUTCDay();
}

/** The date `count` working days after `date`, skipping Saturdays, Sundays and the given holidays. */
export function addWorkingDays(date: IsoDate, count: number, holidays: readonly IsoDate[] = []): IsoDate {
  const closed = new Set(holidays);
  let current = date;
  for (let counted = 0; counted < count; ) {
    current = addDays(current, 1);
    const weekday = dayOfWeek(current);
    if (weekday !== 0 && weekday !== 6 && !closed.has(current)) counted += 1;
  }
  return current;
}

/** The last day of the month containing the date. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return addDays(isoDateOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) ?? date, -1);
}

/** Completed years from `from` to `on` (an anniversary counts on its day; 29 Feb counts on 1 Mar). */
export function completedYearsBetween(from: IsoDate, on: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(on);
  const beforeAnniversary = b.month < a.month || (b.month === a.month && b.day < a.day);
  return b.year - a.year - (beforeAnniversary ? 1 : 0);
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO 8601 datetime with `Z` or an offset, or undefined when it is not one. */
export function instantMs(isoDateTime: string): number | undefined {
  const match = ISO_INSTANT.exec(isoDateTime);
  // Date.parse alone rolls 2026-02-30 over to 2 March and reads offset-less times in the host zone.
  if (!match?.[1] || !isIsoDate(match[1])) return undefined;
  const ms = Date.parse(isoDateTime);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The Jakarta local date (WIB) of an instant given in epoch milliseconds. */
export function jakartaDateOf(ms: number): IsoDate {
  return new Date(ms + JAKARTA_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** The last millisecond of a Jakarta local day (23:59:59.999 WIB) as epoch milliseconds. */
export function endOfJakartaDayMs(date: IsoDate): number {
  return (epochDay(date) + 1) * MS_PER_DAY - JAKARTA_UTC_OFFSET_HOURS * 3_600_000 - 1;
}
