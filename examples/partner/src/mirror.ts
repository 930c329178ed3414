/**
 * The partner's own copy of the enrollments in its programs, kept from the feed's changes. Pure:
 * the sync loop (sync.ts) fetches pages and stores this state after each one.
 */
import type { PartnerEnrollmentsQuery } from './gql/graphql';

/** One change of the feed, as the generated types describe it. */
export type EnrollmentChange = PartnerEnrollmentsQuery['partnerEnrollments']['edges'][number]['node'];

/** What the partner keeps between runs: the cursor to resume from and its mirror. */
export interface SyncState {
  cursor: string | null;
  lastSequence: number;
  enrollments: Record<string, MirroredEnrollment>;
}

/** The partner's record of one enrollment. */
export interface MirroredEnrollment {
  version: number;
  status: EnrollmentChange['status'];
  agency: string;
  program?: string | undefined;
  nip?: string | undefined;
}

/** A state before the first sync. */
export function emptyState(): SyncState {
  return { cursor: null, lastSequence: 0, enrollments: {} };
}

/**
 * Applies a change in feed order. Sequences increase by one without gaps, so a gap means changes
 * were lost (a wrong cursor): refused. A change whose version the mirror already has (a page
 * fetched twice, e.g. after a crash before the state was stored) is skipped: returns false.
 */
export function applyChange(state: SyncState, change: EnrollmentChange): boolean {
  if (state.lastSequence > 0 && change.sequence !== state.lastSequence + 1) {
    throw new Error(`gap in the feed: expected ${state.lastSequence + 1}, got ${change.sequence}`);
  }
  state.lastSequence = change.sequence;
  const known = state.enrollments[change.enrollmentId];
  if (known && known.version >= change.version) return false;
  state.enrollments[change.enrollmentId] = {
    version: change.version,
    status: change.status,
    agency: change.agencyCode,
    // A tombstone (CANCELLED) may come without the enrollment: keep what was known.
    program: change.enrollment?.program.title ?? known?.program,
    nip: change.enrollment?.employee.nip ?? known?.nip,
  };
  return true;
}

/** Mirrored enrollments by status. */
export function countByStatus(state: SyncState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of Object.values(state.enrollments)) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}
