import { describe, expect, it } from 'vitest';
import { ikmBand } from '../../../../src/domain/ikm';
import {
  DEFAULT_EVALUATION_THRESHOLDS,
  type EvaluationThresholds,
  thresholdIssues,
} from '../../../../src/domain/leadership/evaluation-thresholds';
import { type MeasuredPeriod, resultsWindow } from '../../../../src/domain/leadership/results-window';
import {
  type ProgramRecommendation,
  recommendProgramAction,
} from '../../../../src/domain/program-evaluation';

/** A unit's quarterly IKM around a program that ran in 2025-Q4. */
const ikm = (values: [string, number][]): MeasuredPeriod[] =>
  values.map(([period, value]) => ({ period, value }));
const levels = { reactionScore: 82, avgLearningGain: 11, behaviourScore: 74 };

function recommend(
  measurements: MeasuredPeriod[],
  thresholds: EvaluationThresholds = DEFAULT_EVALUATION_THRESHOLDS,
) {
  const window = resultsWindow({
    direction: 'HIGHER_IS_BETTER',
    measurements,
    lastBefore: '2025-Q3',
    firstAfter: '2026-Q1',
    size: { before: thresholds.minPeriodsBefore, after: thresholds.minPeriodsAfter },
  });
  const advice = recommendProgramAction(
    {
      ...levels,
      resultsChange: window.changePercent,
      resultsPeriods: { before: window.before.length, after: window.after.length },
    },
    thresholds,
  );
  return { window, advice };
}

const ROSE_C_TO_B = ikm([
  ['2025-Q1', 72.4],
  ['2025-Q2', 73.1],
  ['2025-Q3', 72.8],
  ['2026-Q1', 79.5],
  ['2026-Q2', 81.2],
  ['2026-Q3', 82.0],
]);
const NO_CHANGE = ikm([
  ['2025-Q1', 80.1],
  ['2025-Q2', 80.4],
  ['2025-Q3', 80.2],
  ['2026-Q1', 80.3],
  ['2026-Q2', 80.0],
  ['2026-Q3', 80.5],
]);
const TWO_POINTS = ikm([
  ['2025-Q3', 72.8],
  ['2026-Q1', 81.0],
]);

describe('program recommendation from an indicator over periods (known answers)', () => {
  it.each<[string, MeasuredPeriod[], ProgramRecommendation]>([
    ["the unit's IKM rose from C to B over three periods after the program", ROSE_C_TO_B, 'EXPAND'],
    ['the IKM did not change over three periods either side', NO_CHANGE, 'REVIEW'],
    ['the IKM has two data points, one either side', TWO_POINTS, 'NOT_ENOUGH_DATA'],
  ])('%s', (_, measurements, expected) => {
    expect(recommend(measurements).advice.recommendation).toBe(expected);
  });

  it('reads the C to B rise from the means of the windows', () => {
    const { window } = recommend(ROSE_C_TO_B);
    expect([window.beforeValue, window.afterValue].map((v) => ikmBand(v ?? 0))).toEqual(['C', 'B']);
    expect(window.before.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(window.changePercent).toBe(11.18);
  });

  it('names the figure, the value and the threshold of each reason', () => {
    expect(recommend(ROSE_C_TO_B).advice.findings[0]).toMatchObject({
      figure: 'RESULTS_CHANGE_PERCENT',
      value: 11.18,
      threshold: 10,
    });
    expect(recommend(NO_CHANGE).advice.findings[0]).toMatchObject({
      figure: 'RESULTS_CHANGE_PERCENT',
      threshold: 2,
    });
    expect(recommend(TWO_POINTS).advice.findings.map((f) => [f.figure, f.value, f.threshold])).toEqual([
      ['PERIODS_BEFORE', 1, 3],
      ['PERIODS_AFTER', 1, 3],
    ]);
    expect(recommend(TWO_POINTS).advice.reasons[0]).toContain('not enough data');
  });

  it("follows the agency's own thresholds", () => {
    const lenient = { ...DEFAULT_EVALUATION_THRESHOLDS, minPeriodsBefore: 1, minPeriodsAfter: 1 };
    expect(recommend(TWO_POINTS, lenient).advice.recommendation).toBe('EXPAND');
    const demanding = { ...DEFAULT_EVALUATION_THRESHOLDS, clearImprovementPercent: 15 };
    expect(recommend(ROSE_C_TO_B, demanding).advice.recommendation).toBe('CONTINUE');
  });

  it('refuses thresholds that contradict each other or ask for no period', () => {
    const issues = thresholdIssues({
      ...DEFAULT_EVALUATION_THRESHOLDS,
      clearImprovementPercent: 1,
      minPeriodsAfter: 0,
      poorReactionBelow: 120,
    });
    expect(issues.map((i) => i.field)).toEqual([
      'input.clearImprovementPercent',
      'input.poorReactionBelow',
      'input.minPeriodsAfter',
    ]);
    expect(thresholdIssues(DEFAULT_EVALUATION_THRESHOLDS)).toEqual([]);
  });
});
