import * as z from 'zod';
import {
  CALENDAR_SCOPES,
  CALENDAR_YEARS,
  HOLIDAY_KINDS,
  MAX_HOLIDAYS_PER_YEAR,
} from '../src/domain/holiday-calendar';
import { lazySchema } from '../src/validation/lazy-schema';
import { calendarDate, optional, safeLine } from './input-fields';

const year = lazySchema(() =>
  z
    .number()
    .int('must be a whole year')
    .min(CALENDAR_YEARS.min, `must be ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}`)
    .max(CALENDAR_YEARS.max, `must be ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}`),
);

/** holidayCalendar(year). */
export const CalendarYearArg = lazySchema(() => year());

/** setHolidayCalendar: shapes here; dates within the year, duplicates and kinds per scope in the domain. */
export const SetHolidayCalendarInput = lazySchema(() =>
  z.object({
    scope: z.enum(CALENDAR_SCOPES),
    year: year(),
    days: z
      .array(
        z.object({
          date: calendarDate(),
          name: z
            .string()
            .trim()
            .min(2, 'must have at least 2 characters')
            .max(100, 'must have at most 100 characters')
            .superRefine(safeLine),
          kind: z.enum(HOLIDAY_KINDS),
        }),
      )
      .max(MAX_HOLIDAYS_PER_YEAR, `must hold at most ${MAX_HOLIDAYS_PER_YEAR} days`),
    source: optional(z.string().trim().min(2).max(300).superRefine(safeLine)),
    version: optional(z.number().int().min(1)),
  }),
);
