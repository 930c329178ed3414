/**
 * Complaint handling deadlines of SP4N-LAPOR!, the national complaint channel
 * (Perpres 76/2013 on public service complaint handling; PermenPANRB 46/2020 on SP4N-LAPOR!),
 * all in working days (hari kerja, DOMAIN rule 8): first response within 3; information requests
 * and simple complaints resolved within 5; complaints needing no field inspection within 14,
 * those that need one within 60. Working days skip weekends, national holidays, cuti bersama and
 * the agency's own closed days (`WorkCalendar`); counted through a year without a national
 * calendar, a deadline is provisional.
 *
 * Days are Asia/Jakarta local dates (WIB, UTC+7). Counting starts the day after receipt and a
 * deadline falls at the end of its local day (23:59:59.999 WIB).
 */
import { dateParts, endOfJakartaDayMs, type IsoDate, instantMs, jakartaDateOf } from './calendar-date';
import { addWorkingDaysIn, WEEKENDS_ONLY, type WorkCalendar } from './holiday-calendar';
import { roundHalfUp } from './round-half-up';

/** Kinds of reports, by how long their resolution may take. */
export const COMPLAINT_KINDS = [
  'INFORMATION_REQUEST',
  'COMPLAINT',
  'DISPUTE',
  'DISPUTE_FIELD_INSPECTION',
] as const;

/** Kind of a report to the complaint channel. */
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Indonesian labels of the kinds. */
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = {
  INFORMATION_REQUEST: 'Permintaan Informasi',
  COMPLAINT: 'Pengaduan',
  DISPUTE: 'Sengketa tanpa Pemeriksaan Lapangan',
  DISPUTE_FIELD_INSPECTION: 'Sengketa dengan Pemeriksaan Lapangan',
};

/** Working days allowed for the first response. */
export const FIRST_RESPONSE_WORKING_DAYS = 3;

/** Working days allowed for the resolution, per kind. */
export const RESOLUTION_WORKING_DAYS: Record<ComplaintKind, number> = {
  INFORMATION_REQUEST: 5,
  COMPLAINT: 5,
  DISPUTE: 14,
  DISPUTE_FIELD_INSPECTION: 60,
};

/** Due instants (ISO, UTC), the Jakarta local dates they fall on, and whether a calendar was missing. */
export interface ComplaintDeadlines {
  firstResponseDue: string;
  firstResponseDueDate: IsoDate;
  resolutionDue: string;
  resolutionDueDate: IsoDate;
  /** Counted through a year without a national calendar (weekends only there): may move later. */
  provisional: boolean;
}

function requireInstant(value: string, name: string): number {
  const ms = instantMs(value);
  if (ms === undefined)
    throw new RangeError(`${name} must be an ISO 8601 datetime with an offset, got "${value}"`);
  return ms;
}

/** The Jakarta date a report was received on (throws RangeError unless an ISO datetime with offset). */
export function receivedDateOf(receivedAt: string): IsoDate {
  return jakartaDateOf(requireInstant(receivedAt, 'receivedAt'));
}

/** The years whose calendars the deadlines of a report received then count through (60 working days fit in two). */
export function yearsCountedFrom(receivedAt: string): number[] {
  const { year } = dateParts(receivedDateOf(receivedAt));
  return [year, year + 1];
}

/** Deadlines of a report received at `receivedAt` (ISO datetime with offset; throws RangeError otherwise). */
export function complaintDeadlines(
  kind: ComplaintKind,
  receivedAt: string,
  calendar: WorkCalendar = WEEKENDS_ONLY,
): ComplaintDeadlines {
  const receivedDate = receivedDateOf(receivedAt);
  const response = addWorkingDaysIn(calendar, receivedDate, FIRST_RESPONSE_WORKING_DAYS);
  const resolution = addWorkingDaysIn(calendar, receivedDate, RESOLUTION_WORKING_DAYS[kind]);
  return {
    firstResponseDue: new Date(endOfJakartaDayMs(response.date)).toISOString(),
    firstResponseDueDate: response.date,
    resolutionDue: new Date(endOfJakartaDayMs(resolution.date)).toISOString(),
    resolutionDueDate: resolution.date,
    provisional: response.provisional || resolution.provisional,
  };
}

/** A report's timeline; a resolution counts as the first response when none came earlier. */
export interface ComplaintTimeline {
  kind: ComplaintKind;
  receivedAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  /** The deadlines as stored with the report; computed over weekends only when absent. */
  deadlines?: ComplaintDeadlines;
}

/** Stages of a report: received, answered, resolved. */
export const COMPLAINT_STAGES = ['AWAITING_RESPONSE', 'IN_PROGRESS', 'RESOLVED'] as const;

/** Stage of a report. */
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/** Where a report stands at a given moment. */
export interface ComplaintStatus {
  deadlines: ComplaintDeadlines;
  stage: ComplaintStage;
  /** The first response came after its deadline, or has not come and the deadline has passed. */
  firstResponseOverdue: boolean;
  /** The resolution came after its deadline, or has not come and the deadline has passed. */
  resolutionOverdue: boolean;
  /** Hours from receipt to first response (2 decimals), null while awaiting it. */
  firstResponseHours: number | null;
  /** Hours from receipt to resolution (2 decimals), null while open. */
  resolutionHours: number | null;
}

const optionalInstant = (value: string | undefined, name: string): number | undefined =>
  value === undefined ? undefined : requireInstant(value, name);

const hoursBetween = (from: number, to: number): number => roundHalfUp((to - from) / 3_600_000, 2);

/** Overdue flags and response times of a report as of `now` (ISO datetimes with offset). */
export function complaintStatusAt(timeline: ComplaintTimeline, now: string): ComplaintStatus {
  const received = requireInstant(timeline.receivedAt, 'receivedAt');
  const nowMs = requireInstant(now, 'now');
  const resolved = optionalInstant(timeline.resolvedAt, 'resolvedAt');
  const answered = optionalInstant(timeline.firstResponseAt, 'firstResponseAt');
  const responded =
    answered !== undefined && resolved !== undefined ? Math.min(answered, resolved) : (answered ?? resolved);
  const deadlines = timeline.deadlines ?? complaintDeadlines(timeline.kind, timeline.receivedAt);
  const missed = (doneAt: number | undefined, due: string): boolean => (doneAt ?? nowMs) > Date.parse(due);
  const stage: ComplaintStage =
    resolved !== undefined ? 'RESOLVED' : responded !== undefined ? 'IN_PROGRESS' : 'AWAITING_RESPONSE';
  return {
    deadlines,
    stage,
    firstResponseOverdue: missed(responded, deadlines.firstResponseDue),
    resolutionOverdue: missed(resolved, deadlines.resolutionDue),
    firstResponseHours: responded === undefined ? null : hoursBetween(received, responded),
    resolutionHours: resolved === undefined ? null : hoursBetween(received, resolved),
  };
}
