import type { DeclineReason, Enrollment } from './training';

// The decline reasons belong to the enrollment they end (training.ts); re-exported for callers here.
export { DECLINE_REASONS, type DeclineReason } from './training';

/** Most employees one `inviteToProgram` call invites (one transaction of three writes each). */
export const MAX_INVITATIONS = 30;

/** Indonesian labels of the decline reasons. */
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  WORKLOAD: 'Beban kerja',
  SCHEDULE: 'Jadwal bertabrakan',
  NOT_RELEVANT: 'Tidak relevan dengan tugas',
  HEALTH: 'Kesehatan',
  OTHER: 'Lainnya',
};

/** Whether an invitation may still be answered on `today` (its respond-by day included). */
export function invitationOpen(e: Pick<Enrollment, 'status' | 'respondBy'>, today: string): boolean {
  return e.status === 'INVITED' && (!e.respondBy || today <= e.respondBy);
}

/** Whether an enrollment came from an invitation that the employee accepted. */
export const acceptedInvitation = (e: Pick<Enrollment, 'invitedAt' | 'acceptedAt'>) =>
  Boolean(e.invitedAt && e.acceptedAt);
