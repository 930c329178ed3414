import type { FieldIssue } from '../validation-issues';

/**
 * The thresholds behind a program recommendation (ambang rekomendasi evaluasi program), an
 * agency setting: each agency may tune them with `setEvaluationThresholds`; until it does, the
 * documented defaults below apply.
 */
export interface EvaluationThresholds {
  /** Results improvement (% better) that counts as clear: EXPAND when learning shows too. Default 10. */
  clearImprovementPercent: number;
  /** Results change (% either way) below which nothing significant changed: REVIEW. Default 2. */
  significantChangePercent: number;
  /** Reaction score (0–100) below which participants' reaction is poor. Default 60. */
  poorReactionBelow: number;
  /** Behaviour score (0–100) below which transfer to the job is poor. Default 60. */
  poorBehaviourBelow: number;
  /** Measured indicator periods needed before the program, else "not enough data". Default 3. */
  minPeriodsBefore: number;
  /** Measured indicator periods needed after the program, else "not enough data". Default 3. */
  minPeriodsAfter: number;
}

/** The defaults, documented in the README and the schema (three periods before and three after). */
export const DEFAULT_EVALUATION_THRESHOLDS: Readonly<EvaluationThresholds> = Object.freeze({
  clearImprovementPercent: 10,
  significantChangePercent: 2,
  poorReactionBelow: 60,
  poorBehaviourBelow: 60,
  minPeriodsBefore: 3,
  minPeriodsAfter: 3,
});

/** Most periods a window may ask for: 24 months, 8 quarters, or 24 years of a yearly indicator. */
export const MAX_WINDOW_PERIODS = 24;

/** The problems of a set of thresholds (field names as in the ADMIN mutation's input). */
export function thresholdIssues(t: EvaluationThresholds): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const field = (name: keyof EvaluationThresholds) => `input.${name}`;
  if (!(t.significantChangePercent >= 0 && t.significantChangePercent <= 100))
    issues.push({ field: field('significantChangePercent'), reason: 'must be between 0 and 100' });
  if (!(t.clearImprovementPercent > t.significantChangePercent && t.clearImprovementPercent <= 1000))
    issues.push({
      field: field('clearImprovementPercent'),
      reason: 'must be above significantChangePercent and at most 1000',
    });
  for (const name of ['poorReactionBelow', 'poorBehaviourBelow'] as const)
    if (!(t[name] >= 0 && t[name] <= 100))
      issues.push({ field: field(name), reason: 'must be between 0 and 100' });
  for (const name of ['minPeriodsBefore', 'minPeriodsAfter'] as const)
    if (!(Number.isInteger(t[name]) && t[name] >= 1 && t[name] <= MAX_WINDOW_PERIODS))
      issues.push({ field: field(name), reason: `must be a whole number from 1 to ${MAX_WINDOW_PERIODS}` });
  return issues;
}

/** An agency's thresholds: its own setting, or the defaults. */
export function thresholdsOf(
  agency: { evaluationThresholds?: EvaluationThresholds | undefined } | undefined,
) {
  return { ...DEFAULT_EVALUATION_THRESHOLDS, ...agency?.evaluationThresholds };
}
