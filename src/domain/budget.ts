/**
 * Development plan budget (anggaran rencana pembinaan) in whole rupiah: planned, committed
 * to programs, and spent. Committing beyond the planned budget is refused; spending
 * beyond what was committed is refused.
 */
import { type Invalid, invalid, type Valid, type ValidationResult, valid } from './validation-result';

/** A plan's budget, integer rupiah: committed <= planned and spent <= committed. */
export interface PlanBudget {
  planned: number;
  committed: number;
  spent: number;
}

/** A refused budget change: the reason and how many rupiah are missing. */
export type BudgetRefusal = { ok: false; field: 'amount'; reason: string; shortfall: number };

/** The new budget, or a refusal with the shortfall. */
export type BudgetChange = Valid<PlanBudget> | BudgetRefusal | Invalid;

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

/** Checks an amount of money: a safe, non-negative whole number of rupiah. */
export function validateRupiah(amount: number, field = 'amount'): ValidationResult<number> {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    return invalid(`${field} must be a whole, non-negative number of rupiah, got ${amount}`, field);
  }
  return valid(amount);
}

/** Rupiah still free to commit: planned minus committed. */
export function remainingBudget(plan: Pick<PlanBudget, 'planned' | 'committed'>): number {
  return plan.planned - plan.committed;
}

/** Commits an amount to a program, refused when it exceeds the remaining budget. */
export function commitToBudget(plan: PlanBudget, amount: number): BudgetChange {
  const checked = validateRupiah(amount);
  if (!checked.ok) return checked;
  const remaining = remainingBudget(plan);
  if (amount > remaining) {
    const shortfall = amount - remaining;
    const reason = `committing ${rupiah(amount)} exceeds the remaining budget of ${rupiah(remaining)} by ${rupiah(shortfall)}`;
    return { ok: false, field: 'amount', reason, shortfall };
  }
  return valid({ ...plan, committed: plan.committed + amount });
}

/** Releases part of a commitment (e.g. a cancelled program); what is already spent stays committed. */
export function releaseCommitment(plan: PlanBudget, amount: number): BudgetChange {
  const checked = validateRupiah(amount);
  if (!checked.ok) return checked;
  const releasable = plan.committed - plan.spent;
  if (amount > releasable) {
    const shortfall = amount - releasable;
    const reason = `only ${rupiah(releasable)} of the commitment is unspent; cannot release ${rupiah(amount)}`;
    return { ok: false, field: 'amount', reason, shortfall };
  }
  return valid({ ...plan, committed: plan.committed - amount });
}

/** Records spending, refused when total spending would exceed what was committed. */
export function recordSpend(plan: PlanBudget, amount: number): BudgetChange {
  const checked = validateRupiah(amount);
  if (!checked.ok) return checked;
  const unspent = plan.committed - plan.spent;
  if (amount > unspent) {
    const shortfall = amount - unspent;
    const reason = `spending ${rupiah(amount)} exceeds the unspent commitment of ${rupiah(unspent)} by ${rupiah(shortfall)}`;
    return { ok: false, field: 'amount', reason, shortfall };
  }
  return valid({ ...plan, spent: plan.spent + amount });
}

/** Cost of running a program: cost per participant times participants, integer rupiah. */
export function programCost(input: { costPerParticipant: number; participants: number }): number {
  return input.costPerParticipant * input.participants;
}
