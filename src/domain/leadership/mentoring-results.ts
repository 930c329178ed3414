/**
 * The effect of mentoring (articles 001 and 002 ask for mentoring that shows results): mentees'
 * SKP predikat before and after the year they were mentored, against colleagues of the same
 * units who were not mentored that year: a difference in differences on predikat rank.
 *
 * For a year Y: "before" is a person's latest appraisal of a period that ended in Y-1 (normally
 * the annual SKP of Y-1), "after" the latest of a period that ended in Y (normally the annual SKP
 * of Y). Someone without both is counted but not measured.
 */
import type { Appraisal } from '../evaluation';
import { GOAL_OUTCOMES, type GoalOutcome, type Mentorship } from '../mentorship';
import { roundHalfUp } from '../round-half-up';
import { PREDIKATS, type Predikat, predikatRank } from '../skp-predikat';

/** Most units one mentoring-results question covers. */
export const MAX_RESULT_UNITS = 10;

/** A person's predikat before and after the year, when appraised. */
export interface PredikatReadings {
  before?: Predikat | undefined;
  after?: Predikat | undefined;
}

/** One group's figures: how many, how many measured, predikat counts before and after, the change. */
export interface GroupResult {
  people: number;
  measured: number;
  /** Measured people per predikat, best first (all five, zeros included). */
  before: { predikat: Predikat; count: number }[];
  after: { predikat: Predikat; count: number }[];
  improved: number;
  unchanged: number;
  declined: number;
  /** Mean change of predikat rank (SANGAT_KURANG 1 … SANGAT_BAIK 5), 2 decimals; null if nobody measured. */
  meanChange: number | null;
  /** Percentage of the measured who improved, 2 decimals; null if nobody measured. */
  improvedShare: number | null;
}

/** The answer for a set of units and a year. */
export interface MentoringResults {
  year: number;
  mentorshipCount: number;
  mentored: GroupResult;
  notMentored: GroupResult;
  /** mentored.meanChange − notMentored.meanChange; null when either is null. */
  meanChangeDifference: number | null;
  /** mentored.improvedShare − notMentored.improvedShare, in percentage points; null when either is null. */
  improvedShareDifference: number | null;
  /** Goals of the year's mentorships per recorded outcome, and those not recorded yet. */
  goalOutcomes: { outcome: GoalOutcome; count: number }[];
  goalsUnrecorded: number;
  /** Mean of the mentees' ratings (1–5), 2 decimals; null without any. */
  averageRating: number | null;
  ratingCount: number;
}

const round2 = (n: number) => roundHalfUp(n, 2);

/** The readings for year Y from a person's appraisals (any order). */
export function readingsFor(appraisals: readonly Appraisal[], year: number): PredikatReadings {
  const previous = `${year - 1}-01-01`;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const latest = (inWindow: (a: Appraisal) => boolean) =>
    appraisals
      .filter(inWindow)
      .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.evaluatedAt.localeCompare(a.evaluatedAt))[0]
      ?.predikat;
  return {
    before: latest((a) => a.periodEnd >= previous && a.periodEnd < start),
    after: latest((a) => a.periodEnd >= start && a.periodEnd <= end),
  };
}

/** The figures of one group. */
export function groupResult(people: readonly PredikatReadings[]): GroupResult {
  const measured = people.filter(
    (p): p is Required<PredikatReadings> => p.before !== undefined && p.after !== undefined,
  );
  const counts = (pick: (p: Required<PredikatReadings>) => Predikat) =>
    PREDIKATS.map((predikat) => ({ predikat, count: measured.filter((p) => pick(p) === predikat).length }));
  const changes = measured.map((p) => predikatRank(p.after) - predikatRank(p.before));
  const improved = changes.filter((c) => c > 0).length;
  return {
    people: people.length,
    measured: measured.length,
    before: counts((p) => p.before),
    after: counts((p) => p.after),
    improved,
    unchanged: changes.filter((c) => c === 0).length,
    declined: changes.filter((c) => c < 0).length,
    meanChange: changes.length ? round2(changes.reduce((a, b) => a + b, 0) / changes.length) : null,
    improvedShare: changes.length ? round2((improved * 100) / changes.length) : null,
  };
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : round2(a - b));

/** Whether a mentorship ran during any part of year Y (a cancelled one too: some mentoring happened). */
export function ranDuring(m: Pick<Mentorship, 'startDate' | 'endDate'>, year: number): boolean {
  return m.startDate <= `${year}-12-31` && (m.endDate === undefined || m.endDate >= `${year}-01-01`);
}

/** Whether a mentorship belongs to the year's cohort: started in Y and not cancelled. */
export function inCohort(m: Pick<Mentorship, 'startDate' | 'status'>, year: number): boolean {
  return m.startDate.startsWith(`${year}-`) && m.status !== 'CANCELLED';
}

/**
 * The results: `mentorships` are the year's cohort (see {@link inCohort}), `mentees` and
 * `colleagues` the readings of their mentees (once each) and of the units' staff not mentored.
 */
export function mentoringResults(input: {
  year: number;
  mentorships: readonly Mentorship[];
  mentees: readonly PredikatReadings[];
  colleagues: readonly PredikatReadings[];
}): MentoringResults {
  const mentored = groupResult(input.mentees);
  const notMentored = groupResult(input.colleagues);
  const results = input.mentorships.flatMap((m) => m.goalResults ?? []);
  const goalCount = input.mentorships.reduce((n, m) => n + m.goals.length, 0);
  const ratings = input.mentorships.flatMap((m) => (m.menteeRating ? [m.menteeRating.rating] : []));
  return {
    year: input.year,
    mentorshipCount: input.mentorships.length,
    mentored,
    notMentored,
    meanChangeDifference: difference(mentored.meanChange, notMentored.meanChange),
    improvedShareDifference: difference(mentored.improvedShare, notMentored.improvedShare),
    goalOutcomes: GOAL_OUTCOMES.map((outcome) => ({
      outcome,
      count: results.filter((r) => r.outcome === outcome).length,
    })),
    goalsUnrecorded: goalCount - results.length,
    averageRating: ratings.length ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
    ratingCount: ratings.length,
  };
}
