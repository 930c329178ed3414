import type { Enrollment } from './training';

/**
 * Why an employee declines an invitation to a program (alasan menolak undangan). The articles
 * name resistance to change and weak commitment; counting the reasons tells a unit head
 * whether the obstacle is the workload, the schedule or the program itself.
 */
export const DECLINE_REASONS = ['WORKLOAD', 'SCHEDULE', 'NOT_RELEVANT', 'HEALTH', 'OTHER'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

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
