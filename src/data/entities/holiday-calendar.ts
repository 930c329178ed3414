import type { HolidayCalendarRecord } from '../../domain/holiday-calendar';
import { defineEntity } from '../entity';
import type { ItemKey } from '../item';
import { RaceLostError } from '../race-lost';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { putNew, type UpdateWrite, type Write } from '../write';

/** Index partitions of holiday calendars, shared by the declaration below and the repository's queries. */
export const holidayCalendarPartitions = {
  /** The stored years of one owner: an agency, or NATIONAL_CALENDAR_OWNER. */
  years: (owner: string) => `${owner}#HolidayCalendar`,
};

/**
 * A year of closed days: `@national#HolidayCalendar#<year>` (the one national calendar, shared by
 * every agency) or `<a>#HolidayCalendar#<year>` (an agency's additions). gsi1: the years of one
 * owner, for the recompute job and the year list.
 */
export const holidayCalendarEntity = defineEntity<HolidayCalendarRecord>({
  type: 'HolidayCalendar',
  indexes: {
    gsi1: (c) => ({ pk: holidayCalendarPartitions.years(c.agencyId), sk: String(c.year) }),
  },
  // Moved by the deadline recompute job with its own UpdateItem.
  external: ['deadlinesAppliedVersion'],
});

/** The key of one owner's year. */
export const holidayCalendarKey = (owner: string, year: number): ItemKey =>
  holidayCalendarEntity.key(owner, String(year));

/** The writes of holiday calendars and the refusals their conditions mean. */
export const holidayCalendarWrites = {
  /** A first list of a year: CONFLICT (naming the stored version) when one appeared meanwhile. */
  create(calendar: HolidayCalendarRecord): Write[] {
    return [
      putNew(holidayCalendarEntity.toItem(calendar), (stored, cause) =>
        versionConflict(holidayCalendarEntity.type, 0, stored, cause),
      ),
    ];
  },

  /** The next list of a year, if the stored version is still `before.version` (CONFLICT otherwise). */
  update(before: HolidayCalendarRecord, after: HolidayCalendarRecord): Write[] {
    return [versionedUpdate(holidayCalendarEntity, before, after)];
  },

  /**
   * Records that the stored complaint deadlines count this version of the calendar; a lost race
   * when the calendar changed again meanwhile (the next sweep applies that version).
   */
  markApplied(calendar: HolidayCalendarRecord): UpdateWrite {
    return {
      update: holidayCalendarKey(calendar.agencyId, calendar.year),
      set: { deadlinesAppliedVersion: calendar.version },
      condition: {
        expression: 'attribute_exists(pk) AND #version = :applied',
        names: { '#version': 'version' },
        values: { ':applied': calendar.version },
      },
      refused: (_, cause) =>
        new RaceLostError('the calendar changed while its deadlines were applied', { cause }),
    };
  },
};
