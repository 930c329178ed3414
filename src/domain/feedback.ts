import { jakartaDateOf } from './calendar-date';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_KINDS,
  type ComplaintDeadlines,
  type ComplaintKind,
  complaintDeadlines,
} from './complaint-deadlines';
import type { SurveyAnswers } from './ikm';
import type { RecordMeta } from './record';

/** Where feedback came in: a dialogue forum, online, a satisfaction survey or a complaint box. */
export const FEEDBACK_CHANNELS = ['FORUM', 'ONLINE', 'SURVEY', 'COMPLAINT_BOX'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** What the feedback is: a survey response, a suggestion, or one of the SP4N-LAPOR! report kinds. */
export const FEEDBACK_KINDS = ['SURVEY', 'SUGGESTION', ...COMPLAINT_KINDS] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Indonesian labels of the kinds. */
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  SURVEY: 'Survei Kepuasan Masyarakat',
  SUGGESTION: 'Saran dan Masukan',
  ...COMPLAINT_KIND_LABELS,
};

/** Whether a free text may be shown beyond the staff who moderate it. */
export const MODERATION_STATUSES = ['PENDING', 'PUBLISHED', 'HIDDEN'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** True for the kinds handled under the complaint deadlines (DOMAIN rule 8). */
export function isComplaintKind(kind: FeedbackKind): kind is ComplaintKind {
  return (COMPLAINT_KINDS as readonly string[]).includes(kind);
}

/** How to reach the person who gave feedback; personal data, shown to administrators only. */
export interface FeedbackContact {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** Feedback from the public (umpan balik masyarakat) about one service of one unit. */
export interface Feedback extends RecordMeta {
  unitId: string;
  serviceName: string;
  channel: FeedbackChannel;
  kind: FeedbackKind;
  surveyAnswers?: SurveyAnswers | undefined;
  text?: string | undefined;
  submittedAt: string;
  contact?: FeedbackContact | undefined;
  moderationStatus: ModerationStatus;
  /** First response to a complaint (tanggapan) and when it was given. */
  response?: string | undefined;
  firstResponseAt?: string | undefined;
  /** How a complaint was settled (penyelesaian) and when. */
  resolution?: string | undefined;
  resolvedAt?: string | undefined;
  /**
   * Complaint kinds: when the first response and the resolution are due (ISO instants), counted
   * in working days of the agency's calendar on receipt, and recomputed when a calendar changes.
   */
  firstResponseDue?: string | undefined;
  resolutionDue?: string | undefined;
  /** The deadlines counted through a year without a national calendar (weekends only there). */
  deadlinesProvisional?: boolean | undefined;
}

/** The stored deadline fields of a report's deadlines. */
export function storedDeadlines(
  deadlines: ComplaintDeadlines,
): Pick<Feedback, 'firstResponseDue' | 'resolutionDue' | 'deadlinesProvisional'> {
  return {
    firstResponseDue: deadlines.firstResponseDue,
    resolutionDue: deadlines.resolutionDue,
    deadlinesProvisional: deadlines.provisional,
  };
}

/**
 * A complaint's deadlines as stored; a report stored before deadlines were kept gets them over
 * weekends only, marked provisional (`npm run recompute-deadlines` stores the real ones).
 */
export function deadlinesOf(
  f: Pick<Feedback, 'submittedAt' | 'firstResponseDue' | 'resolutionDue' | 'deadlinesProvisional'> & {
    kind: ComplaintKind;
  },
): ComplaintDeadlines {
  if (!f.firstResponseDue || !f.resolutionDue) return complaintDeadlines(f.kind, f.submittedAt);
  return {
    firstResponseDue: f.firstResponseDue,
    firstResponseDueDate: jakartaDateOf(Date.parse(f.firstResponseDue)),
    resolutionDue: f.resolutionDue,
    resolutionDueDate: jakartaDateOf(Date.parse(f.resolutionDue)),
    provisional: f.deadlinesProvisional ?? false,
  };
}

/** True while a complaint-kind entry waits for its resolution. */
export function isOpenComplaint(feedback: Pick<Feedback, 'kind' | 'resolvedAt'>): boolean {
  return isComplaintKind(feedback.kind) && feedback.resolvedAt === undefined;
}
