import type { EmployeeProfile } from './employee';
import type { RecordMeta } from './record';

export const MENTORSHIP_STATUSES = ['ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/** Most goals a mentorship has. */
export const MAX_GOALS = 10;

/** How far a mentorship goal was reached (capaian tujuan bimbingan). */
export const GOAL_OUTCOMES = ['ACHIEVED', 'PARTLY', 'NOT_ACHIEVED'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** The recorded outcome of one goal (by its position in `goals`). */
export interface GoalResult {
  goalIndex: number;
  outcome: GoalOutcome;
  note?: string | undefined;
  recordedAt: string;
  /** The employee record of whoever recorded it, when the token carried one. */
  recordedBy?: string | undefined;
}

/** The mentee's rating of the mentoring, 1 (poor) to 5 (excellent): given once, after the end. */
export interface MenteeRating {
  rating: number;
  comment?: string | undefined;
  ratedAt: string;
}

/** Senior-to-junior mentoring (bimbingan/mentoring ASN senior kepada junior). */
export interface Mentorship extends RecordMeta {
  mentorId: string;
  menteeId: string;
  /** Snapshot for dashboards: the mentee's profile when the mentorship started. */
  menteeProfile: EmployeeProfile;
  goals: string[];
  startDate: string;
  endDate?: string | undefined;
  status: MentorshipStatus;
  outcome?: string | undefined;
  /** Outcomes recorded so far, by goal index (a goal without one is still open). */
  goalResults?: GoalResult[] | undefined;
  /** Kept by its own write (once, after the end), never by a versioned update. */
  menteeRating?: MenteeRating | undefined;
  /** Kept by session writes. */
  sessionCount: number;
  totalMinutes: number;
}

/** One mentoring meeting with its minutes (notulen) and agreed actions (rencana tindak lanjut). */
export interface MentoringSession extends RecordMeta {
  mentorshipId: string;
  /** Snapshots for dashboards and JP: who was mentored, and their profile at the time. */
  menteeId: string;
  menteeProfile: EmployeeProfile;
  date: string;
  minutes: number;
  notes?: string | undefined;
  agreedActions: string[];
}

/** A mentorship ended at `at` (COMPLETED or CANCELLED), with its outcome; shared by the service and the demo seed. */
export function endedMentorship(
  current: Mentorship,
  end: { status: 'COMPLETED' | 'CANCELLED'; outcome?: string | undefined },
  at: Date,
): Mentorship {
  return {
    ...current,
    status: end.status,
    outcome: end.outcome,
    endDate: at.toISOString().slice(0, 10),
    version: current.version + 1,
    updatedAt: at.toISOString(),
  };
}

/** The mentorship with one goal's outcome recorded (replacing an earlier one for that goal). */
export function withGoalResult(current: Mentorship, result: GoalResult): Mentorship {
  const others = (current.goalResults ?? []).filter((r) => r.goalIndex !== result.goalIndex);
  return {
    ...current,
    goalResults: [...others, result].sort((a, b) => a.goalIndex - b.goalIndex),
    version: current.version + 1,
    updatedAt: result.recordedAt,
  };
}

/** Why the mentee may not rate this mentorship now, or undefined: once, and only after it ended. */
export function ratingRefusal(mentorship: Mentorship): string | undefined {
  if (mentorship.status === 'ACTIVE') return 'the mentorship is still ACTIVE; rate it once it has ended';
  if (mentorship.menteeRating) return `the mentee already rated it (${mentorship.menteeRating.rating})`;
  return undefined;
}
