import { workingDaysIn } from '../src/domain/holiday-calendar';
import type { Resolvers } from '../src/generated/graphql';
import { CalendarYearArg, SetHolidayCalendarInput } from './calendar.inputs';
import { parseInput } from './parse-input';

/** Working-day calendars (national holidays, cuti bersama, an agency's own closed days). */
export const calendarResolvers: Resolvers = {
  Query: {
    holidayCalendar: (_, { year }, ctx) =>
      ctx.services.calendars.year(ctx, parseInput(CalendarYearArg, year, 'year')),
  },
  Mutation: {
    setHolidayCalendar: (_, { input }, ctx) =>
      ctx.services.calendars.set(ctx, parseInput(SetHolidayCalendarInput, input)),
  },
  HolidayCalendar: {
    official: (calendar) => calendar.national !== undefined,
    national: (calendar) => calendar.national ?? null,
    agency: (calendar) => calendar.agency ?? null,
    closedDays: (calendar) =>
      [...(calendar.national?.days ?? []), ...(calendar.agency?.days ?? [])].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    workingDays: (calendar) => workingDaysIn(calendar.work, calendar.year),
  },
  HolidayList: {
    days: (list) => [...list.days],
    source: (list) => list.source ?? null,
    shipped: (list) => list.record === undefined,
    version: (list) => list.record?.version ?? null,
    updatedAt: (list) => list.record?.updatedAt ?? null,
    deadlinesUpToDate: (list) => !list.record || list.record.deadlinesAppliedVersion === list.record.version,
  },
};
