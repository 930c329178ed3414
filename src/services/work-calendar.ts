import type { ItemLoader } from '../data/item-loader';
import type { CalendarRepository } from '../data/repositories/calendar-repository';
import {
  type CalendarScope,
  type Holiday,
  type HolidayCalendarRecord,
  NATIONAL_CALENDAR_OWNER,
  type WorkCalendar,
  workCalendarOf,
} from '../domain/holiday-calendar';
import { SHIPPED_NATIONAL_CALENDARS } from '../domain/national-holidays';

/** One year's list of closed days as it applies: stored, or (national only) shipped with the API. */
export interface HolidayList {
  scope: CalendarScope;
  year: number;
  days: readonly Holiday[];
  source: string | undefined;
  /** The stored record; undefined for a shipped national year nobody replaced. */
  record: HolidayCalendarRecord | undefined;
}

const fromRecord = (record: HolidayCalendarRecord): HolidayList => ({
  scope: record.scope,
  year: record.year,
  days: record.days,
  source: record.source,
  record,
});

/** The national closed days of a year: the stored list, else the shipped one, else none (unknown year). */
export async function nationalYear(
  calendars: CalendarRepository,
  loader: ItemLoader,
  year: number,
): Promise<HolidayList | undefined> {
  const stored = await calendars.get(loader, NATIONAL_CALENDAR_OWNER, year);
  if (stored) return fromRecord(stored);
  const shipped = SHIPPED_NATIONAL_CALENDARS[year];
  return shipped
    ? { scope: 'NATIONAL', year, days: shipped.days, source: shipped.source, record: undefined }
    : undefined;
}

/** An agency's own closed days of a year, if it stored any. */
export async function agencyYear(
  calendars: CalendarRepository,
  loader: ItemLoader,
  agencyId: string,
  year: number,
): Promise<HolidayList | undefined> {
  const stored = await calendars.get(loader, agencyId, year);
  return stored ? fromRecord(stored) : undefined;
}

/** The working calendar of an agency over some years (one BatchGetItem through the loader). */
export async function workCalendarFor(
  calendars: CalendarRepository,
  loader: ItemLoader,
  agencyId: string,
  years: readonly number[],
): Promise<WorkCalendar> {
  const lists = await Promise.all(
    years.map(async (year) => {
      const [national, agency] = await Promise.all([
        nationalYear(calendars, loader, year),
        agencyYear(calendars, loader, agencyId, year),
      ]);
      return { year, national: national?.days, agency: agency?.days ?? [] };
    }),
  );
  return workCalendarOf(lists);
}
