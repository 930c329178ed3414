import { retryRaces } from '../data/race-lost';
import { addDays } from '../domain/calendar-date';
import { complaintDeadlines, yearsCountedFrom } from '../domain/complaint-deadlines';
import { type Feedback, isComplaintKind, storedDeadlines } from '../domain/feedback';
import {
  type HolidayCalendarRecord,
  NATIONAL_CALENDAR_OWNER,
  type WorkCalendar,
} from '../domain/holiday-calendar';
import { ConflictError } from '../errors/app-error';
import type { ServiceDeps } from './ports';
import { workCalendarFor } from './work-calendar';

/** What a recompute did: complaints read, and those whose stored deadlines changed. */
export interface RecomputeResult {
  checked: number;
  changed: number;
}

/** Days before 1 January within which a complaint's 60 working days may still reach into the year. */
const LOOKBACK_DAYS = 150;

/** The submission range whose deadlines may count days of `year`. */
export function submissionsCountingYear(year: number): { from: string; to: string } {
  return {
    from: `${addDays(`${year}-01-01`, -LOOKBACK_DAYS)}T00:00:00.000Z`,
    to: `${year + 1}-01-01T00:00:00.000Z`,
  };
}

const same = (a: Feedback, b: ReturnType<typeof storedDeadlines>) =>
  a.firstResponseDue === b.firstResponseDue &&
  a.resolutionDue === b.resolutionDue &&
  (a.deadlinesProvisional ?? false) === b.deadlinesProvisional;

/**
 * Stores the deadlines the current calendars give the complaints of an agency submitted in a range
 * (all of them without one). A changed deadline is a versioned update (the open-complaint index
 * keys move with it, the stream updates the overdue counts); one that lost a race is read again.
 */
export async function recomputeComplaintDeadlines(
  deps: ServiceDeps,
  agencyId: string,
  range: { from?: string; to?: string } = {},
): Promise<RecomputeResult> {
  const { feedback, calendars, clock, retries } = deps;
  const loader = calendars.jobLoader();
  const byYears = new Map<string, Promise<WorkCalendar>>();
  const calendarOf = (receivedAt: string) => {
    const years = yearsCountedFrom(receivedAt);
    const key = years.join(',');
    const found = byYears.get(key) ?? workCalendarFor(calendars, loader, agencyId, years);
    byYears.set(key, found);
    return found;
  };
  const complaints = await feedback.complaintsSubmitted(agencyId, range);
  let changed = 0;
  for (const complaint of complaints) {
    // A complaint changed meanwhile (answered, resolved) is read again and counted anew.
    const moved = await retryRaces(
      retries,
      async (attempt) => {
        const current = attempt === 0 ? complaint : await feedback.getLatest(agencyId, complaint.id);
        if (!current || !isComplaintKind(current.kind)) return false;
        const due = storedDeadlines(
          complaintDeadlines(current.kind, current.submittedAt, await calendarOf(current.submittedAt)),
        );
        if (same(current, due)) return false;
        const next: Feedback = {
          ...current,
          ...due,
          version: current.version + 1,
          updatedAt: clock().toISOString(),
        };
        await feedback.reschedule(current, next);
        return true;
      },
      (last) =>
        new ConflictError('The complaint kept changing while its deadlines were recomputed', {}, last),
    );
    if (moved) changed += 1;
  }
  return { checked: complaints.length, changed };
}

/** Calendars whose latest version the stored deadlines do not count yet. */
async function pendingCalendars(deps: ServiceDeps, agencyIds: readonly string[]) {
  const owners = [NATIONAL_CALENDAR_OWNER, ...agencyIds];
  const lists = await Promise.all(owners.map((owner) => deps.calendars.list(owner)));
  return lists.flat().filter((c) => c.deadlinesAppliedVersion !== c.version);
}

/**
 * Brings stored deadlines in line with calendars changed since (part of the scheduled sweep): for
 * each changed year, the complaints whose count may reach into it, of every agency for the
 * national calendar, of the owner for an agency's; then the calendar version is marked applied
 * (unless it changed again meanwhile: the next sweep takes it). Safe to repeat.
 */
export async function applyCalendarChanges(
  deps: ServiceDeps,
): Promise<RecomputeResult & { calendars: number }> {
  const agencyIds = (await deps.organization.allAgencies()).map((a) => a.id);
  const total = { checked: 0, changed: 0, calendars: 0 };
  for (const calendar of await pendingCalendars(deps, agencyIds)) {
    const affected = calendar.agencyId === NATIONAL_CALENDAR_OWNER ? agencyIds : [calendar.agencyId];
    for (const agencyId of affected) {
      const result = await recomputeComplaintDeadlines(
        deps,
        agencyId,
        submissionsCountingYear(calendar.year),
      );
      total.checked += result.checked;
      total.changed += result.changed;
    }
    if (await deps.calendars.markApplied(calendar)) total.calendars += 1;
  }
  return total;
}

/** Every agency's complaints recomputed, and every calendar marked applied (`npm run recompute-deadlines`). */
export async function recomputeAllDeadlines(
  deps: ServiceDeps,
  only?: { agencyIds?: readonly string[] },
): Promise<RecomputeResult & { agencies: number }> {
  const all = (await deps.organization.allAgencies()).map((a) => a.id);
  const agencyIds = only?.agencyIds ?? all;
  const total = { checked: 0, changed: 0, agencies: agencyIds.length };
  const calendars: HolidayCalendarRecord[] = await pendingCalendars(deps, agencyIds);
  for (const agencyId of agencyIds) {
    const result = await recomputeComplaintDeadlines(deps, agencyId);
    total.checked += result.checked;
    total.changed += result.changed;
  }
  // The national calendar counts for every agency: mark it only after a run over all of them.
  for (const calendar of calendars)
    if (calendar.agencyId !== NATIONAL_CALENDAR_OWNER || !only?.agencyIds)
      await deps.calendars.markApplied(calendar);
  return total;
}
