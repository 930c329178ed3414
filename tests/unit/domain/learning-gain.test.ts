import { describe, expect, it } from 'vitest';
import {
  averageLearningGain,
  learningGain,
  normalizedGain,
  validateTestScore,
} from '../../../src/domain/learning-gain';

describe('learningGain', () => {
  it.each([
    [60, 80, 20],
    [80, 60, -20],
    [70, 70, 0],
    [0, 100, 100],
    [55.5, 72.25, 16.75],
  ])('from a pre-test of %d to a post-test of %d gains %d points', (pre, post, gain) => {
    expect(learningGain(pre, post)).toBe(gain);
  });
});

describe('validateTestScore', () => {
  it.each([0, 50, 100, 87.5])('accepts %d', (score) => {
    expect(validateTestScore(score)).toEqual({ ok: true, value: score });
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (score) => {
    expect(validateTestScore(score, 'postTestScore')).toMatchObject({ ok: false, field: 'postTestScore' });
  });
});

describe('averageLearningGain', () => {
  it('averages over participants who took both tests', () => {
    expect(
      averageLearningGain([
        { preTestScore: 50, postTestScore: 70 },
        { preTestScore: 60, postTestScore: 65 },
        { preTestScore: 40 },
        { preTestScore: null, postTestScore: 90 },
        { preTestScore: 80, postTestScore: 80 },
      ]),
    ).toBe(8.33);
  });

  it('is null when nobody took both tests', () => {
    expect(averageLearningGain([{ postTestScore: 90 }])).toBeNull();
    expect(averageLearningGain([])).toBeNull();
  });
});

describe('normalizedGain', () => {
  it('measures the share of the headroom gained', () => {
    expect(normalizedGain(60, 80)).toBe(50);
    expect(normalizedGain(100, 100)).toBeNull();
  });
});
