import { describe, expect, it } from 'vitest';
import { contributionOf, NO_PROGRAMS } from '../../../src/domain/analytics/facts';
import {
  addQuarters,
  type LearningTally,
  learnerFacts,
  learningOf,
  quarterStart,
  tallyYearsOf,
  withLearning,
} from '../../../src/domain/analytics/learning-tally';

/** The quarters (first months) of a year in which the tally makes its employee a learner. */
const learnerQuarters = (tally: LearningTally, year: string) =>
  learnerFacts(tally, year).map((f) => {
    expect(f).toMatchObject({
      family: 'LEARNERS',
      dims: { UNIT: tally.unitId },
      components: { learners: 1 },
    });
    return f.bucket;
  });

describe('learning tally (INACTIVE_EMPLOYEES)', () => {
  it.each([
    ['2026-01-01', '2026-01'],
    ['2026-03-31', '2026-01'],
    ['2026-04-01', '2026-04'],
    ['2026-12-31T23:00:00.000Z', '2026-10'],
  ])('puts %s in the quarter starting %s', (date, quarter) => {
    expect(quarterStart(date)).toBe(quarter);
  });

  it.each([
    ['2026-01', 1, '2026-04'],
    ['2026-10', 1, '2027-01'],
    ['2026-01', -1, '2025-10'],
    ['2026-04', -4, '2025-04'],
    ['2025-07', 3, '2026-04'],
  ])('counts %s plus %i quarters as %s', (quarter, n, expected) => {
    expect(addQuarters(quarter, n)).toBe(expected);
  });

  it.each([
    ['2026-01', ['2026']],
    ['2026-04', ['2026', '2027']],
    ['2026-10', ['2026', '2027']],
  ])('keeps learning of %s in the tallies of %j', (quarter, years) => {
    expect(tallyYearsOf(quarter)).toEqual(years);
  });

  it.each([
    // Learning in quarter L keeps the employee a learner in L..L+3 (the 12 months ending at each).
    ['2025-04', '2026', ['2026-01']], // 2025-Q2 reaches 2026-Q1, not 2026-Q2
    ['2025-07', '2026', ['2026-01', '2026-04']],
    ['2025-10', '2026', ['2026-01', '2026-04', '2026-07']],
    ['2026-01', '2026', ['2026-01', '2026-04', '2026-07', '2026-10']],
    ['2026-10', '2026', ['2026-10']],
    ['2025-01', '2026', []], // Q-4 and older: inactive all year
    ['2027-01', '2026', []], // later learning never counts back
  ])('learning in %s makes a learner of %s in %j', (learned, year, quarters) => {
    expect(learnerQuarters({ unitId: 'u1', quarters: { r1: learned } }, year)).toEqual(quarters);
  });

  it('counts an employee once per quarter, however much they learned', () => {
    const tally = { unitId: 'u1', quarters: { r1: '2026-01', r2: '2026-01', r3: '2025-10' } };
    expect(learnerQuarters(tally, '2026')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
  });

  it('counts no learner for an employee without an active unit (retired, unknown)', () => {
    expect(learnerFacts({ quarters: { r1: '2026-01' } }, '2026')).toEqual([]);
  });

  it('removes a record share when it is removed or changed back, whatever the order', () => {
    const empty: LearningTally = { unitId: 'u1', quarters: {} };
    const both = withLearning(withLearning(empty, 'r1', '2026-01'), 'r2', '2025-10');
    const reversed = withLearning(withLearning(empty, 'r2', '2025-10'), 'r1', '2026-01');
    expect(learnerFacts(both, '2026')).toEqual(learnerFacts(reversed, '2026'));
    // r1 moved to a later quarter, then removed: only r2 is left (2026-Q1..Q3).
    const moved = withLearning(both, 'r1', '2026-10');
    expect(learnerQuarters(moved, '2026')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    const removed = withLearning(moved, 'r1', undefined);
    expect(learnerQuarters(removed, '2026')).toEqual(['2026-01', '2026-04', '2026-07']);
    expect(learnerFacts(withLearning(removed, 'r2', undefined), '2026')).toEqual([]);
    // Set twice (a replay) is set once.
    expect(withLearning(both, 'r1', '2026-01')).toEqual(both);
  });

  const profile = { unitId: 'u1', grade: 'III_A', employmentType: 'PNS', gender: 'FEMALE' };
  it.each([
    [
      'a completed program with JP',
      {
        entity: 'Enrollment',
        employeeId: 'e1',
        unitId: 'u1',
        employeeProfile: profile,
        programId: 'p1',
        programStartDate: '2026-01-10',
        status: 'COMPLETED',
        completedAt: '2026-04-02T03:00:00.000Z',
        jpCredited: 10,
      },
      [{ employeeId: 'e1', quarter: '2026-04' }],
    ],
    [
      'a no-show (no JP)',
      {
        entity: 'Enrollment',
        employeeId: 'e1',
        unitId: 'u1',
        employeeProfile: profile,
        programId: 'p1',
        programStartDate: '2026-01-10',
        status: 'NO_SHOW',
        jpCredited: 0,
      },
      [],
    ],
    [
      'a mentoring session received',
      { entity: 'MentoringSession', menteeId: 'e2', menteeProfile: profile, date: '2025-12-31', minutes: 60 },
      [{ employeeId: 'e2', quarter: '2025-10' }],
    ],
  ])('takes the learning of %s from what the JP tally credits', (_, item, learning) => {
    expect(learningOf(contributionOf(item, NO_PROGRAMS))).toEqual(learning);
  });
});
