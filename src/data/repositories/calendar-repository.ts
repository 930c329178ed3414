import type { HolidayCalendarRecord } from '../../domain/holiday-calendar';
import { holidayCalendarEntity } from '../entities/holiday-calendar';
import type { ItemLoader } from '../item-loader';
import { ConditionFailedError, type Table } from '../table';
import { storedVersion, updateVersioned, versionConflict } from '../versioned-update';

const key = (owner: string, year: number) => holidayCalendarEntity.key(owner, String(year));

/** Stored years of closed days, national and per agency. */
export function createCalendarRepository(table: Table) {
  const toRecord = holidayCalendarEntity.fromItem;
  return {
    /** One owner's year, through the request's batching loader. */
    async get(loader: ItemLoader, owner: string, year: number): Promise<HolidayCalendarRecord | undefined> {
      const item = await loader.load(key(owner, year));
      return item ? toRecord(item) : undefined;
    },

    /** One owner's year read strongly consistent, as the base of a change. */
    async getLatest(owner: string, year: number): Promise<HolidayCalendarRecord | undefined> {
      const item = await table.get(key(owner, year));
      return item ? toRecord(item) : undefined;
    },

    /** Every stored year of one owner (a handful). */
    async list(owner: string): Promise<HolidayCalendarRecord[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: `${owner}#HolidayCalendar` });
      return items.map(toRecord);
    },

    /** Stores a first version (CONFLICT if one appeared meanwhile) or the next one of `before`. */
    async save(next: HolidayCalendarRecord, before?: HolidayCalendarRecord): Promise<void> {
      if (before) return updateVersioned(table, holidayCalendarEntity, before, next);
      try {
        await table.put(holidayCalendarEntity.toItem(next), { expression: 'attribute_not_exists(pk)' });
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        throw versionConflict('HolidayCalendar', 0, storedVersion(error.items[0]), error);
      }
    },

    /** Records that the stored deadlines count `version`; false when the calendar changed again meanwhile. */
    async markApplied(record: HolidayCalendarRecord): Promise<boolean> {
      try {
        await table.transactWrite([
          {
            Update: {
              TableName: table.name,
              Key: key(record.agencyId, record.year),
              UpdateExpression: 'SET deadlinesAppliedVersion = :v',
              ConditionExpression: '#version = :v',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':v': record.version },
            },
          },
        ]);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
