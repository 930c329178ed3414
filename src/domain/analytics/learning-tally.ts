import { type Contribution, contributionOf, type Fact, NO_PROGRAMS } from './facts';

/**
 * Who learned when, for INACTIVE_EMPLOYEES: an employee counts as a learner in quarter Q when
 * something the JP tally credits (a completed program with JP, a mentoring session received) falls
 * in the 12 months ending at Q's end, i.e. in quarters Q-3..Q. Quarters are written as their first
 * month (`2026-04` is 2026-Q2), the bucket of the LEARNERS family.
 */

/** Quarters a piece of learning keeps its employee a learner: its own and the three after. */
export const WINDOW_QUARTERS = 4;

/** One employee's learning that touches a year's quarters, and the unit they are active in now. */
export interface LearningTally {
  /** The employee's unit while ACTIVE (as EMPLOYEE_COUNT counts them); absent otherwise. */
  unitId?: string | undefined;
  /** Record id -> quarter of its learning (first month, `YYYY-MM`). */
  quarters: Record<string, string>;
}

/** One record's learning: whose, and in which quarter. */
export interface LearningContribution {
  employeeId: string;
  quarter: string;
}

/** The quarter (first month, `YYYY-MM`) of a date or month (`YYYY-MM...`). */
export function quarterStart(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}`;
}

/** The quarter `n` quarters after (before, when negative) a quarter. */
export function addQuarters(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + (Number(quarter.slice(5, 7)) - 1) / 3 + n;
  const year = Math.floor(index / 4);
  return `${String(year).padStart(4, '0')}-${String((index - year * 4) * 3 + 1).padStart(2, '0')}`;
}

/** The learning a record gives: each credit of the JP tally, by the quarter of its date. */
export function learningOf(contribution: Contribution): LearningContribution[] {
  return contribution.jp
    .filter((c) => c.minutes > 0)
    .map((c) => ({ employeeId: c.employeeId, quarter: quarterStart(c.date) }));
}

/**
 * The years whose tallies hold a piece of learning: those of the quarters it keeps its employee a
 * learner (one year, or two when its window runs into the next).
 */
export function tallyYearsOf(quarter: string): string[] {
  const years = new Set([quarter.slice(0, 4), addQuarters(quarter, WINDOW_QUARTERS - 1).slice(0, 4)]);
  return [...years];
}

/**
 * The learner facts of one employee's tally for a year: one learner in their unit for each quarter
 * of the year with learning in its window; nothing for an employee not active now. A pure function
 * of the tally, so the order of events never matters.
 */
export function learnerFacts(tally: LearningTally, year: string): Fact[] {
  if (!tally.unitId) return [];
  const learned = Object.values(tally.quarters);
  const facts: Fact[] = [];
  for (let q = 0; q < 4; q += 1) {
    const quarter = `${year}-${String(q * 3 + 1).padStart(2, '0')}`;
    const first = addQuarters(quarter, 1 - WINDOW_QUARTERS);
    if (learned.some((l) => l >= first && l <= quarter))
      facts.push({
        family: 'LEARNERS',
        bucket: quarter,
        dims: { UNIT: tally.unitId },
        components: { learners: 1 },
      });
  }
  return facts;
}

/** The tally with one record's learning set (or removed when it has none in the tally's year). */
export function withLearning(
  tally: LearningTally,
  recordId: string,
  quarter: string | undefined,
): LearningTally {
  const quarters = { ...tally.quarters };
  if (quarter) quarters[recordId] = quarter;
  else delete quarters[recordId];
  return { ...tally, quarters };
}

/** The unit an Employee item counts in now (its WORKFORCE fact: ACTIVE only); undefined otherwise. */
export function activeUnitOf(employee: Record<string, unknown> | undefined): string | undefined {
  return contributionOf(employee, NO_PROGRAMS).facts.find((f) => f.family === 'WORKFORCE')?.dims.UNIT;
}
