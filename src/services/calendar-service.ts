import { versionConflict } from '../data/versioned-update';
import {
  type CalendarScope,
  type Holiday,
  type HolidayCalendarRecord,
  holidayListIssues,
  NATIONAL_CALENDAR_OWNER,
  type WorkCalendar,
  workCalendarOf,
} from '../domain/holiday-calendar';
import { newRecord } from '../domain/record';
import { BadUserInputError, ConflictError, ForbiddenError } from '../errors/app-error';
import { requireStaff } from './access';
import type { NationalCalendarEditors, ServiceDeps } from './ports';
import type { RequestScope } from './request-scope';
import { agencyYear, type HolidayList, nationalYear } from './work-calendar';

/** The calendar of one year as it applies to one agency. */
export interface CalendarYear {
  agencyId: string;
  year: number;
  national: HolidayList | undefined;
  agency: HolidayList | undefined;
  work: WorkCalendar;
}

/** Validated input of setHolidayCalendar. */
export interface SetHolidayCalendarCommand {
  scope: CalendarScope;
  year: number;
  days: Holiday[];
  source?: string | undefined;
  version?: number | undefined;
}

const calendarYear = (agencyId: string, year: number, national?: HolidayList, agency?: HolidayList) => ({
  agencyId,
  year,
  national,
  agency,
  work: workCalendarOf([{ year, national: national?.days, agency: agency?.days ?? [] }]),
});

/** Working-day calendars: reading a year (staff), setting the national one or an agency's additions (administrators). */
export function createCalendarService(
  { calendars, clock }: ServiceDeps,
  nationalEditors: NationalCalendarEditors,
) {
  const mayEditNational = (agencyId: string) =>
    nationalEditors === 'ANY' || nationalEditors.includes(agencyId);

  return {
    /** The closed days of a year for the caller's agency: national (stored or shipped) and its own. */
    async year(scope: RequestScope, year: number): Promise<CalendarYear> {
      const caller = requireStaff(scope.caller);
      const [national, agency] = await Promise.all([
        nationalYear(calendars, scope.loader, year),
        agencyYear(calendars, scope.loader, caller.agencyId, year),
      ]);
      return calendarYear(caller.agencyId, year, national, agency);
    },

    /**
     * Replaces a year's national calendar or the caller's agency additions (administrators; the
     * national one only those of NATIONAL_CALENDAR_AGENCIES). `version` is the stored list's, none
     * for a first list. Stored deadlines follow through the recompute job.
     */
    async set(scope: RequestScope, input: SetHolidayCalendarCommand): Promise<CalendarYear> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      if (input.scope === 'NATIONAL' && !mayEditNational(caller.agencyId)) {
        throw new ForbiddenError(
          'The national calendar is kept by the administrators named in NATIONAL_CALENDAR_AGENCIES; add your agency days with scope AGENCY',
        );
      }
      const issues = holidayListIssues(input.year, input.scope, input.days);
      if (issues.length) throw new BadUserInputError(issues);
      const owner = input.scope === 'NATIONAL' ? NATIONAL_CALENDAR_OWNER : caller.agencyId;
      const current = await calendars.getLatest(owner, input.year);
      if (current && current.version !== input.version)
        throw versionConflict('HolidayCalendar', input.version ?? 0, current);
      if (!current && input.version !== undefined) {
        throw new ConflictError(`No ${input.scope} calendar of ${input.year} is stored yet: omit version`, {
          field: 'input.version',
        });
      }
      const now = clock().toISOString();
      const next: HolidayCalendarRecord = {
        ...(current
          ? { ...current, version: current.version + 1, updatedAt: now }
          : newRecord(owner, String(input.year), now)),
        year: input.year,
        scope: input.scope,
        days: [...input.days].sort((a, b) => a.date.localeCompare(b.date)),
        source: input.source,
        deadlinesAppliedVersion: current?.deadlinesAppliedVersion,
      };
      await calendars.save(next, current);
      const written = {
        scope: next.scope,
        year: next.year,
        days: next.days,
        source: next.source,
        record: next,
      };
      const other =
        input.scope === 'NATIONAL'
          ? await agencyYear(calendars, scope.loader, caller.agencyId, input.year)
          : await nationalYear(calendars, scope.loader, input.year);
      return input.scope === 'NATIONAL'
        ? calendarYear(caller.agencyId, input.year, written, other)
        : calendarYear(caller.agencyId, input.year, other, written);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
