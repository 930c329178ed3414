import type { HolidayCalendarRecord } from '../../domain/holiday-calendar';
import {
  holidayCalendarEntity,
  holidayCalendarKey,
  holidayCalendarPartitions,
  holidayCalendarWrites,
} from '../entities/holiday-calendar';
import { createItemLoader, type ItemLoader } from '../item-loader';
import { wonRace } from '../race-lost';
import type { Table } from '../table';

/** Stored years of closed days, national and per agency. */
export function createCalendarRepository(table: Table) {
  const toRecord = holidayCalendarEntity.fromItem;
  return {
    /** One owner's year, through the request's batching loader. */
    async get(loader: ItemLoader, owner: string, year: number): Promise<HolidayCalendarRecord | undefined> {
      const item = await loader.load(holidayCalendarKey(owner, year));
      return item ? toRecord(item) : undefined;
    },

    /**
     * A batching loader for a job that acts for no request (the deadline recompute): the years
     * its complaints count are read once each, in BatchGetItem calls.
     */
    jobLoader(): ItemLoader {
      return createItemLoader(table);
    },

    /** One owner's year read strongly consistent, as the base of a change. */
    async getLatest(owner: string, year: number): Promise<HolidayCalendarRecord | undefined> {
      const item = await table.get(holidayCalendarKey(owner, year));
      return item ? toRecord(item) : undefined;
    },

    /** Every stored year of one owner (a handful). */
    async list(owner: string): Promise<HolidayCalendarRecord[]> {
      const items = await table.queryAll({
        index: 'gsi1',
        partition: holidayCalendarPartitions.years(owner),
      });
      return items.map(toRecord);
    },

    /** Stores a first version (CONFLICT if one appeared meanwhile) or the next one of `before`. */
    save(next: HolidayCalendarRecord, before?: HolidayCalendarRecord): Promise<void> {
      return table.transact(
        before ? holidayCalendarWrites.update(before, next) : holidayCalendarWrites.create(next),
      );
    },

    /** Records that the stored deadlines count `version`; false when the calendar changed again meanwhile. */
    markApplied(record: HolidayCalendarRecord): Promise<boolean> {
      return wonRace(table.transact([holidayCalendarWrites.markApplied(record)]));
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
