import { describe, expect, it } from 'vitest';
import {
  jpCompliance,
  jpComplianceShare,
  jpFromMinutes,
  MIN_JP_PER_YEAR,
  MINUTES_PER_JP,
  minutesFromJp,
} from '../../../src/domain/training-hours';

describe('JP conversion (1 JP = 45 minutes)', () => {
  it('defines one JP as 45 minutes and the yearly minimum as 20 JP', () => {
    expect(MINUTES_PER_JP).toBe(45);
    expect(MIN_JP_PER_YEAR).toBe(20);
  });

  it.each([
    [0, 0],
    [44, 0],
    [45, 1],
    [89, 1],
    [90, 2],
    [900, 20],
    [-30, 0],
    [Number.NaN, 0],
  ])('credits %d minutes as %d JP', (minutes, jp) => {
    expect(jpFromMinutes(minutes)).toBe(jp);
  });

  it('credits short sessions once their minutes are summed', () => {
    const mentoringSessions = [30, 30, 30];
    expect(mentoringSessions.map(jpFromMinutes).reduce((a, b) => a + b, 0)).toBe(0);
    expect(jpFromMinutes(mentoringSessions.reduce((a, b) => a + b, 0))).toBe(2);
  });

  it('converts JP back to minutes', () => {
    expect(minutesFromJp(20)).toBe(900);
  });
});

describe('jpCompliance', () => {
  it.each([
    [0, 20, false],
    [12, 8, false],
    [19.5, 0.5, false],
    [20, 0, true],
    [32, 0, true],
  ])('with %d JP earned has a shortfall of %d (compliant: %s)', (earned, shortfall, compliant) => {
    expect(jpCompliance(earned)).toEqual({ earned, required: 20, shortfall, compliant });
  });

  it('honours an agency minimum above 20 JP', () => {
    expect(jpCompliance(20, 24)).toEqual({ earned: 20, required: 24, shortfall: 4, compliant: false });
  });
});

describe('jpComplianceShare', () => {
  it('reports the share of staff meeting the minimum', () => {
    expect(jpComplianceShare([0, 20, 25, 19])).toEqual({ staff: 4, compliant: 2, percent: 50 });
  });

  it('rounds the share to 2 decimals', () => {
    expect(jpComplianceShare([20, 0, 0])).toEqual({ staff: 3, compliant: 1, percent: 33.33 });
  });

  it('reports 0% for a unit without staff', () => {
    expect(jpComplianceShare([])).toEqual({ staff: 0, compliant: 0, percent: 0 });
  });
});
