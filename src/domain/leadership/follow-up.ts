import type { ProgramRecommendation } from '../program-evaluation';
import type { RecordMeta } from '../record';

/**
 * Follow-up actions on a program evaluation's recommendation (tindak lanjut rekomendasi): an
 * evaluation that leads somewhere names who does what by when, and the leader sees whether it
 * was done (issue 14; the Binjai article's "expand" or "review the method").
 */
export const FOLLOW_UP_STATUSES = ['OPEN', 'DONE', 'DROPPED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Most follow-up actions one evaluation holds (the bound the operation cost counts). */
export const MAX_FOLLOW_UPS = 20;

export interface FollowUpAction extends RecordMeta {
  evaluationId: string;
  programId: string;
  /** The recommendation followed up, as it was when the action was added. */
  recommendation: ProgramRecommendation;
  title: string;
  ownerId: string;
  /** ISO date. */
  dueDate: string;
  status: FollowUpStatus;
  note?: string | undefined;
  closedAt?: string | undefined;
}

/** Changes asked of an action: undefined = unchanged. */
export interface FollowUpChange {
  status?: FollowUpStatus | undefined;
  ownerId?: string | undefined;
  dueDate?: string | undefined;
  note?: string | undefined;
}

/** Why a change may not apply to an action as it stands (field and reason), or null. */
export function followUpChangeRefusal(action: FollowUpAction, change: FollowUpChange) {
  if (action.status !== 'OPEN')
    return { field: 'input.status', reason: `the action is ${action.status}: only OPEN actions change` };
  if (Object.values(change).every((value) => value === undefined))
    return { field: 'input', reason: 'give a status, owner, due date or note to change' };
  return null;
}

/** The action after a change at `at`: closing stamps `closedAt`; the version moves on. */
export function changedFollowUp(action: FollowUpAction, change: FollowUpChange, at: Date): FollowUpAction {
  const status = change.status ?? action.status;
  return {
    ...action,
    status,
    ownerId: change.ownerId ?? action.ownerId,
    dueDate: change.dueDate ?? action.dueDate,
    note: change.note ?? action.note,
    closedAt: status === 'OPEN' ? undefined : at.toISOString(),
    version: action.version + 1,
    updatedAt: at.toISOString(),
  };
}

/** An OPEN action past its due date on `today` (ISO date). */
export const isOverdue = (action: FollowUpAction, today: string) =>
  action.status === 'OPEN' && action.dueDate < today;
