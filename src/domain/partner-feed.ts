import type { Enrollment } from './training';

/** What happened to an enrollment, as a partner institution sees it. */
export const CHANGE_TYPES = ['CREATED', 'UPDATED', 'COMPLETED', 'CANCELLED'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** One entry of a partner's enrollment change feed; `sequence` orders the feed without gaps. */
export interface EnrollmentChange {
  partnerId: string;
  sequence: number;
  changeType: ChangeType;
  changedAt: string;
  agencyId: string;
  enrollmentId: string;
  programId: string;
  employeeId: string;
  status: Enrollment['status'];
  version: number;
}

/** The change a new state of an enrollment means (a drop is a tombstone: CANCELLED). */
export function changeTypeOf(before: Enrollment | undefined, after: Enrollment): ChangeType {
  if (!before) return 'CREATED';
  if (after.status === 'COMPLETED') return 'COMPLETED';
  return after.status === 'DROPPED' ? 'CANCELLED' : 'UPDATED';
}
