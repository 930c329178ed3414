/**
 * Complaint handling deadlines of SP4N-LAPOR!, the national complaint channel
 * (Perpres 76/2013 on public service complaint handling; PermenPANRB 46/2020 on SP4N-LAPOR!):
 * first response within 3 days; information requests and complaints resolved within
 * 5 working days; disputes within 14 days, or 60 days when a field inspection is needed.
 *
 * Days are Asia/Jakarta local dates (WIB, UTC+7). Counting starts the day after receipt and a
 * deadline falls at the end of its local day (23:59:59.999 WIB).
 */
import {
  addDays,
  addWorkingDays,
  endOfJakartaDayMs,
  type IsoDate,
  instantMs,
  jakartaDateOf,
} from './calendar-date';
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

/** Calendar days allowed for the first response. */
export const FIRST_RESPONSE_DAYS = 3;

/** Resolution allowance per kind: a number of days, working days (Mon–Fri, not holidays) or calendar days. */
export const RESOLUTION_ALLOWANCE: Record<ComplaintKind, { days: number; workingDays: boolean }> = {
  INFORMATION_REQUEST: { days: 5, workingDays: true },
  COMPLAINT: { days: 5, workingDays: true },
  DISPUTE: { days: 14, workingDays: false },
  DISPUTE_FIELD_INSPECTION: { days: 60, workingDays: false },
};

/** Due instants (ISO, UTC) and the Jakarta local dates they fall on. */
export interface ComplaintDeadlines {
  firstResponseDue: string;
  firstResponseDueDate: IsoDate;
  resolutionDue: string;
  resolutionDueDate: IsoDate;
}

function requireInstant(value: string, name: string): number {
  const ms = instantMs(value);
  if (ms === undefined)
    throw new RangeError(`${name} must be an ISO 8601 datetime with an offset, got "${value}"`);
  return ms;
}

/** Deadlines of a report received at `receivedAt` (ISO datetime with offset; throws RangeError otherwise). */
export function complaintDeadlines(
  kind: ComplaintKind,
  receivedAt: string,
  holidays: readonly IsoDate[] = [],
): ComplaintDeadlines {
  const receivedDate = jakartaDateOf(requireInstant(receivedAt, 'receivedAt'));
  const allowance = RESOLUTION_ALLOWANCE[kind];
  const firstResponseDueDate = addDays(receivedDate, FIRST_RESPONSE_DAYS);
  const resolutionDueDate = allowance.workingDays
    ? addWorkingDays(receivedDate, allowance.days, holidays)
    : addDays(receivedDate, allowance.days);
  return {
    firstResponseDue: new Date(endOfJakartaDayMs(firstResponseDueDate)).toISOString(),
    firstResponseDueDate,
    resolutionDue: new Date(endOfJakartaDayMs(resolutionDueDate)).toISOString(),
    resolutionDueDate,
  };
}

/** A report's timeline; a resolution counts as the first response when none came earlier. */
export interface ComplaintTimeline {
  kind: ComplaintKind;
  receivedAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  holidays?: readonly IsoDate[];
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
  const deadlines = complaintDeadlines(timeline.kind, timeline.receivedAt, timeline.holidays);
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
