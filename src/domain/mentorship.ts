import type { EmployeeProfile } from './employee';
import type { RecordMeta } from './record';

export const MENTORSHIP_STATUSES = ['ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

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
