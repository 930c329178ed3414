import { describe, expect, it } from 'vitest';
import {
  CLEAR_IMPROVEMENT_PERCENT,
  type ProgramEvaluationInput,
  type ProgramRecommendation,
  recommendProgramAction,
  SIGNIFICANT_CHANGE_PERCENT,
} from '../../../src/domain/program-evaluation';

const good = { reactionScore: 85, avgLearningGain: 12, behaviourScore: 75 };

describe('recommendProgramAction', () => {
  it('uses a 10% clear-improvement and a 2% significance threshold', () => {
    expect([CLEAR_IMPROVEMENT_PERCENT, SIGNIFICANT_CHANGE_PERCENT]).toEqual([10, 2]);
  });

  it.each<[string, ProgramEvaluationInput, ProgramRecommendation]>([
    ['results 10% better with a positive learning gain', { ...good, resultsChange: 10 }, 'EXPAND'],
    ['results 25% better with a positive learning gain', { ...good, resultsChange: 25 }, 'EXPAND'],
    [
      'results clearly better but no learning gain',
      { ...good, avgLearningGain: 0, resultsChange: 20 },
      'CONTINUE',
    ],
    [
      'results clearly better but learning not measured',
      { reactionScore: 90, resultsChange: 20 },
      'CONTINUE',
    ],
    [
      'results clearly better but little applied on the job',
      { ...good, behaviourScore: 40, resultsChange: 15 },
      'CONTINUE',
    ],
    ['results a little better (9.99%)', { ...good, resultsChange: 9.99 }, 'CONTINUE'],
    ['results a little better (2%)', { ...good, resultsChange: 2 }, 'CONTINUE'],
    ['no significant change (1.99%)', { ...good, resultsChange: 1.99 }, 'REVIEW'],
    ['no change at all', { ...good, resultsChange: 0 }, 'REVIEW'],
    ['no significant change (-1.99%)', { ...good, resultsChange: -1.99 }, 'REVIEW'],
    ['results worse but a good reaction', { ...good, resultsChange: -5 }, 'REVIEW'],
    ['results worse and a poor reaction', { ...good, reactionScore: 45, resultsChange: -5 }, 'STOP'],
    ['results 2% worse and a poor reaction', { reactionScore: 59.9, resultsChange: -2 }, 'STOP'],
    ['no results yet, good earlier levels', good, 'CONTINUE'],
    ['no results yet, no learning gain', { ...good, avgLearningGain: -3 }, 'REVIEW'],
    ['no data at all', {}, 'REVIEW'],
  ])('recommends for %s: %s', (_, input, recommendation) => {
    expect(recommendProgramAction(input).recommendation).toBe(recommendation);
  });

  it('never stops a program for a poor reaction while results improve', () => {
    expect(
      recommendProgramAction({ reactionScore: 30, avgLearningGain: 5, resultsChange: 12 }).recommendation,
    ).toBe('CONTINUE');
  });

  it('explains the decision and lists the weak levels', () => {
    const advice = recommendProgramAction({ reactionScore: 45, avgLearningGain: -2, resultsChange: -8 });
    expect(advice.reasons).toEqual([
      'results worsened (-8% <= -2%) and participants rate the program poorly',
      'participant reaction is poor (45 < 60)',
      'no learning gain (average -2 points)',
    ]);
  });

  it('tells a reviewer to look at the method when service quality does not improve (Binjai)', () => {
    expect(recommendProgramAction({ ...good, resultsChange: 0.5 }).reasons[0]).toContain(
      'review the training method',
    );
  });

  it('treats null levels like missing ones', () => {
    expect(
      recommendProgramAction({
        reactionScore: null,
        avgLearningGain: null,
        behaviourScore: null,
        resultsChange: null,
      }),
    ).toEqual({
      recommendation: 'REVIEW',
      reasons: ['no evaluation data yet'],
      findings: [{ figure: 'LEVELS_MEASURED', value: 0, threshold: 1, text: 'no evaluation data yet' }],
    });
  });
});
