import type { DevelopmentPlan, PlanCommitment, PlanSpending } from '../../domain/development-plan';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';

/** Index partitions of plans and their spending, shared by the declarations and the repository. */
export const planPartitions = {
  agency: (agencyId: string) => `${agencyId}#DevelopmentPlan`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#DevelopmentPlan`,
  spending: (agencyId: string, planId: string) => `${agencyId}#DevelopmentPlan#${planId}#PlanSpending`,
};

/**
 * Development plans. gsi1: plans of an agency by year; gsi2 (UNIT plans): plans of a unit by
 * year. The budget counters and the program id list are moved only by the commit, release and
 * spending transactions (with conditions on `remaining` and `unspent`), never by a versioned update.
 */
export const developmentPlanEntity = defineEntity<DevelopmentPlan>({
  type: 'DevelopmentPlan',
  indexes: {
    gsi1: (p) => ({ pk: planPartitions.agency(p.agencyId), sk: ordered(p.year, p.id) }),
    gsi2: (p) =>
      p.scope === 'UNIT' && p.unitId
        ? { pk: planPartitions.unit(p.agencyId, p.unitId), sk: ordered(p.year, p.id) }
        : undefined,
  },
  external: ['committed', 'spent', 'remaining', 'unspent', 'programIds'],
});

/**
 * A program's commitment to a plan, keyed by the program id (a program belongs to at most one
 * plan): it remembers the amount to release when the program leaves the plan.
 */
export const planCommitmentEntity = defineEntity<PlanCommitment>({
  type: 'PlanCommitment',
  indexes: {},
});

/** Spending entries of a plan. gsi1: a plan's spending by time. */
export const planSpendingEntity = defineEntity<PlanSpending>({
  type: 'PlanSpending',
  indexes: {
    gsi1: (s) => ({ pk: planPartitions.spending(s.agencyId, s.planId), sk: ordered(s.createdAt, s.id) }),
  },
});
