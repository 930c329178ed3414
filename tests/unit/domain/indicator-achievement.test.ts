import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  achievementPercent,
  type Direction,
  indicatorChange,
} from '../../../src/domain/indicator-achievement';

describe('achievementPercent', () => {
  it.each<[Direction, number, number, number]>([
    ['HIGHER_IS_BETTER', 80, 80, 100],
    ['HIGHER_IS_BETTER', 80, 60, 75],
    ['HIGHER_IS_BETTER', 80, 100, 125],
    ['HIGHER_IS_BETTER', 3, 1, 33.33],
    ['HIGHER_IS_BETTER', 3, 2, 66.67],
    ['HIGHER_IS_BETTER', 50, 500, 200],
    ['LOWER_IS_BETTER', 7, 6.5, 107.14],
    ['LOWER_IS_BETTER', 8, 9, 87.5],
    ['LOWER_IS_BETTER', 24, 24, 100],
    ['LOWER_IS_BETTER', 24, 12, 150],
    ['LOWER_IS_BETTER', 24, 0, 200],
    ['LOWER_IS_BETTER', 24, 60, 0],
  ])('%s with target %d and actual %d achieves %d%%', (direction, target, actual, percent) => {
    expect(achievementPercent({ direction, target, actual })).toBe(percent);
  });

  it.each<[Direction, number, number]>([
    ['LOWER_IS_BETTER', 0, 100],
    ['LOWER_IS_BETTER', 2, 0],
    ['HIGHER_IS_BETTER', 0, 100],
    ['HIGHER_IS_BETTER', 5, 200],
  ])('treats a zero target (%s) with actual %d as %d%%', (direction, actual, percent) => {
    expect(achievementPercent({ direction, target: 0, actual })).toBe(percent);
  });

  it('keeps the sign right for a negative target (higher is better: a smaller deficit)', () => {
    expect(achievementPercent({ direction: 'HIGHER_IS_BETTER', target: -10, actual: -5 })).toBe(150);
  });

  it('always stays within 0–200', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const direction = fc.constantFrom<Direction>('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');
    fc.assert(
      fc.property(direction, value, value, (d, target, actual) => {
        const percent = achievementPercent({ direction: d, target, actual });
        return percent >= 0 && percent <= 200;
      }),
    );
  });
});

describe('indicatorChange', () => {
  it.each<[Direction, number, number, number | null]>([
    ['HIGHER_IS_BETTER', 70, 77, 10],
    ['HIGHER_IS_BETTER', 80, 72, -10],
    ['LOWER_IS_BETTER', 48, 36, 25],
    ['LOWER_IS_BETTER', 36, 48, -33.33],
    ['LOWER_IS_BETTER', 10, 10, 0],
    ['HIGHER_IS_BETTER', 0, 0, 0],
    ['HIGHER_IS_BETTER', 0, 5, null],
  ])('%s from %d to %d changes by %s%%', (direction, before, after, change) => {
    expect(indicatorChange({ direction, before, after })).toBe(change);
  });
});
