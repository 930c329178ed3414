import { describe, expect, it } from 'vitest';
import type { Appraisal } from '../../../../src/domain/evaluation';
import {
  groupResult,
  inCohort,
  mentoringResults,
  ranDuring,
  readingsFor,
} from '../../../../src/domain/leadership/mentoring-results';
import type { Mentorship } from '../../../../src/domain/mentorship';
import type { Predikat } from '../../../../src/domain/skp-predikat';

const appraisal = (periodEnd: string, predikat: Predikat, evaluatedAt = `${periodEnd}T00:00:00Z`) =>
  ({ periodEnd, predikat, evaluatedAt }) as Appraisal;

describe('readings of a year', () => {
  it('takes the latest appraisal ending in the year before as before and the latest ending in it as after', () => {
    const readings = readingsFor(
      [
        appraisal('2024-12-31', 'KURANG'),
        appraisal('2025-12-31', 'BUTUH_PERBAIKAN'),
        appraisal('2026-06-30', 'BAIK'),
        appraisal('2026-12-31', 'SANGAT_BAIK'),
        appraisal('2027-03-31', 'SANGAT_KURANG'),
      ],
      2026,
    );
    expect(readings).toEqual({ before: 'BUTUH_PERBAIKAN', after: 'SANGAT_BAIK' });
  });

  it('reads no before from an appraisal two years back', () => {
    expect(readingsFor([appraisal('2024-12-31', 'BAIK'), appraisal('2026-12-31', 'BAIK')], 2026)).toEqual({
      before: undefined,
      after: 'BAIK',
    });
  });

  it('has no after without an appraisal ending in the year', () => {
    expect(readingsFor([appraisal('2025-12-31', 'BAIK')], 2026)).toEqual({
      before: 'BAIK',
      after: undefined,
    });
  });
});

describe('a group', () => {
  it('counts predikat of the measured, the change and the share improved', () => {
    const result = groupResult([
      { before: 'BUTUH_PERBAIKAN', after: 'BAIK' },
      { before: 'BAIK', after: 'BAIK' },
      { before: 'BAIK', after: 'KURANG' },
      { before: 'BAIK' },
    ]);
    expect(result).toMatchObject({ people: 4, measured: 3, improved: 1, unchanged: 1, declined: 1 });
    // (+1 + 0 − 2) / 3
    expect(result.meanChange).toBe(-0.33);
    expect(result.improvedShare).toBe(33.33);
    expect(result.before.find((c) => c.predikat === 'BAIK')?.count).toBe(2);
    expect(result.after.map((c) => c.count)).toEqual([0, 2, 0, 1, 0]);
  });

  it('gives no mean or share when nobody was measured', () => {
    expect(groupResult([{ after: 'BAIK' }])).toMatchObject({
      measured: 0,
      meanChange: null,
      improvedShare: null,
    });
  });
});

describe('the cohort and the comparison', () => {
  const m = (startDate: string, status: Mentorship['status'], endDate?: string) =>
    ({ startDate, status, endDate }) as Mentorship;

  it('puts mentorships started in the year and not cancelled in the cohort', () => {
    expect(inCohort(m('2026-03-01', 'COMPLETED'), 2026)).toBe(true);
    expect(inCohort(m('2026-03-01', 'CANCELLED'), 2026)).toBe(false);
    expect(inCohort(m('2025-12-31', 'ACTIVE'), 2026)).toBe(false);
  });

  it('knows a mentorship of last year still running in this one ran during it', () => {
    expect(ranDuring(m('2025-10-01', 'ACTIVE'), 2026)).toBe(true);
    expect(ranDuring(m('2025-01-01', 'COMPLETED', '2025-12-31'), 2026)).toBe(false);
  });

  it('gives the difference between the groups and null when one cannot be measured', () => {
    const results = mentoringResults({
      year: 2026,
      mentorships: [],
      mentees: [{ before: 'BUTUH_PERBAIKAN', after: 'BAIK' }],
      colleagues: [{ before: 'BAIK', after: 'BAIK' }],
    });
    expect(results.meanChangeDifference).toBe(1);
    expect(results.improvedShareDifference).toBe(100);
    const unmeasured = mentoringResults({ year: 2026, mentorships: [], mentees: [], colleagues: [] });
    expect(unmeasured.meanChangeDifference).toBeNull();
  });
});
