/**
 * Development plan (Rencana Pembinaan ASN) of an agency or a unit for one year: goals, the
 * programs committed to it and a budget in whole rupiah (Binjai article, seeds/003).
 */
import type { PlanBudget } from './budget';
import type { RecordMeta } from './record';

/** Whether a plan covers the whole agency or one unit. */
export const PLAN_SCOPES = ['AGENCY', 'UNIT'] as const;
export type PlanScope = (typeof PLAN_SCOPES)[number];

/** Lifecycle of a plan: DRAFT -> APPROVED -> CLOSED (a draft may be closed unapproved). */
export const PLAN_STATUSES = ['DRAFT', 'APPROVED', 'CLOSED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Indonesian labels of the plan statuses. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: 'Rancangan',
  APPROVED: 'Disahkan',
  CLOSED: 'Ditutup',
};

const NEXT_STATUSES: Record<PlanStatus, readonly PlanStatus[]> = {
  DRAFT: ['APPROVED', 'CLOSED'],
  APPROVED: ['CLOSED'],
  CLOSED: [],
};

/** Whether a plan may move from one status to another. */
export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || NEXT_STATUSES[from].includes(to);
}

/** Statuses in which programs may be committed to or released from a plan. */
export const COMMITTABLE_STATUSES: readonly PlanStatus[] = ['DRAFT', 'APPROVED'];

/** Most programs one plan may hold (the id list lives on the plan item). */
export const MAX_PLAN_PROGRAMS = 200;

/**
 * A development plan. `remaining` (planned - committed) and `unspent` (committed - spent) are
 * stored beside the budget because a DynamoDB condition cannot subtract one attribute from
 * another: every budget write moves them in the same UpdateItem and conditions on them.
 */
export interface DevelopmentPlan extends RecordMeta, PlanBudget {
  title: string;
  description?: string | undefined;
  year: number;
  scope: PlanScope;
  /** The unit of a UNIT plan. */
  unitId?: string | undefined;
  /** The responsible leader (penanggung jawab), e.g. the kepala dinas or kepala BKPSDM. */
  ownerId: string;
  goals: string[];
  status: PlanStatus;
  remaining: number;
  unspent: number;
  /** Committed programs, in commitment order (kept by commit/release transactions). */
  programIds: string[];
}

/** A program's commitment to a plan: one per program (a program belongs to at most one plan). Its id is the program id. */
export interface PlanCommitment extends RecordMeta {
  planId: string;
  programId: string;
  participants: number;
  /** Rupiah committed: cost per participant x participants at commitment time. */
  amount: number;
  /** Subject of the token that committed it. */
  committedBy: string;
}

/** Money spent under a plan (realisasi anggaran), e.g. a paid invoice of a training institution. */
export interface PlanSpending extends RecordMeta {
  planId: string;
  amount: number;
  note: string;
  /** Subject of the token that recorded it. */
  recordedBy: string;
}
