import type { HolidayCalendarRecord } from '../../domain/holiday-calendar';
import { defineEntity } from '../entity';

/**
 * A year of closed days: `@national#HolidayCalendar#<year>` (the one national calendar, shared by
 * every agency) or `<a>#HolidayCalendar#<year>` (an agency's additions). gsi1: the years of one
 * owner, for the recompute job and the year list.
 */
export const holidayCalendarEntity = defineEntity<HolidayCalendarRecord>({
  type: 'HolidayCalendar',
  indexes: {
    gsi1: (c) => ({ pk: `${c.agencyId}#HolidayCalendar`, sk: String(c.year) }),
  },
  // Moved by the deadline recompute job with its own UpdateItem.
  external: ['deadlinesAppliedVersion'],
});
