import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Period,
  type PeriodKind,
  parsePeriod,
  periodContains,
  periodKeysBetween,
  periodOfDate,
  periodsOverlap,
  quarterOf,
} from '../../../src/domain/period';

function period(raw: string): Period {
  const result = parsePeriod(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('parsePeriod', () => {
  it.each([
    ['2026', 'YEAR', '2026-01-01', '2026-12-31', '2026'],
    ['2026-Q1', 'QUARTER', '2026-01-01', '2026-03-31', 'Triwulan I 2026'],
    ['2026-Q3', 'QUARTER', '2026-07-01', '2026-09-30', 'Triwulan III 2026'],
    ['2026-Q4', 'QUARTER', '2026-10-01', '2026-12-31', 'Triwulan IV 2026'],
    ['2026-07', 'MONTH', '2026-07-01', '2026-07-31', 'Juli 2026'],
    ['2024-02', 'MONTH', '2024-02-01', '2024-02-29', 'Februari 2024'],
    ['2026-02', 'MONTH', '2026-02-01', '2026-02-28', 'Februari 2026'],
  ])('parses %s as a %s from %s to %s labelled %s', (raw, kind, start, end, label) => {
    expect(parsePeriod(raw)).toEqual({ ok: true, value: { key: raw, kind, start, end, label } });
  });

  it('accepts a lower-case quarter and surrounding spaces', () => {
    expect(period(' 2026-q2 ').key).toBe('2026-Q2');
  });

  it.each([
    ['26', 'is not a period'],
    ['2026-Q5', 'Q5 does not exist'],
    ['2026-Q0', 'Q0 does not exist'],
    ['2026-13', 'month 13 does not exist'],
    ['2026-00', 'month 00 does not exist'],
    ['2026-7', 'is not a period'],
    ['1899', 'before 1900'],
    ['2026-07-01', 'is not a period'],
  ])('rejects %s saying it %s', (raw, reason) => {
    const result = parsePeriod(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reason);
      expect(result.field).toBe('period');
    }
  });
});

describe('periodOfDate and quarterOf', () => {
  it.each<[string, PeriodKind, string]>([
    ['2026-08-17', 'YEAR', '2026'],
    ['2026-08-17', 'QUARTER', '2026-Q3'],
    ['2026-08-17', 'MONTH', '2026-08'],
    ['2026-03-31', 'QUARTER', '2026-Q1'],
    ['2026-04-01', 'QUARTER', '2026-Q2'],
    ['2026-12-31', 'QUARTER', '2026-Q4'],
  ])('puts %s in the %s period %s', (date, kind, key) => {
    expect(periodOfDate(date, kind).key).toBe(key);
  });

  it('gives the quarter of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => quarterOf(m))).toEqual([
      1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
    ]);
    expect(quarterOf('2026-10-01')).toBe(4);
  });
});

describe('periodsOverlap', () => {
  it.each([
    ['2026', '2026-Q3', true],
    ['2026-Q3', '2026-07', true],
    ['2026-Q3', '2026-10', false],
    ['2025', '2026-01', false],
    ['2026-06', '2026-Q2', true],
  ])('says %s and %s overlap: %s', (a, b, expected) => {
    expect(periodsOverlap(period(a), period(b))).toBe(expected);
  });

  it('counts a shared single day as overlap (ranges are inclusive)', () => {
    expect(
      periodsOverlap({ start: '2026-01-01', end: '2026-03-31' }, { start: '2026-03-31', end: '2026-04-30' }),
    ).toBe(true);
  });

  const dateArb = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const rangeArb = fc
    .tuple(dateArb, dateArb)
    .map(([x, y]) => (x <= y ? { start: x, end: y } : { start: y, end: x }));

  it('is symmetric', () => {
    fc.assert(fc.property(rangeArb, rangeArb, (a, b) => periodsOverlap(a, b) === periodsOverlap(b, a)));
  });

  it('holds exactly when some day lies in both ranges', () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, (a, b) => {
        const latestStart = [a.start, b.start].sort().at(-1) ?? a.start;
        const shared = periodContains(a, latestStart) && periodContains(b, latestStart);
        return periodsOverlap(a, b) === shared;
      }),
    );
  });

  it('puts every date inside the period computed for it', () => {
    const kindArb = fc.constantFrom<PeriodKind>('YEAR', 'QUARTER', 'MONTH');
    fc.assert(fc.property(dateArb, kindArb, (date, kind) => periodContains(periodOfDate(date, kind), date)));
  });
});

describe('periodKeysBetween (zero-filled time buckets)', () => {
  it('lists every month between two dates, across a year end', () => {
    expect(periodKeysBetween('2025-11-15', '2026-02-03', 'MONTH')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('lists the quarters touched by the range', () => {
    expect(periodKeysBetween('2025-08-01', '2026-04-01', 'QUARTER')).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('lists years', () => {
    expect(periodKeysBetween('2024-12-31', '2026-01-01', 'YEAR')).toEqual(['2024', '2025', '2026']);
  });

  it('gives one bucket when both dates fall in the same period', () => {
    expect(periodKeysBetween('2026-07-01', '2026-07-31', 'MONTH')).toEqual(['2026-07']);
  });

  it('gives nothing when the range is reversed', () => {
    expect(periodKeysBetween('2026-07-01', '2026-06-30', 'MONTH')).toEqual([]);
  });

  it('gives 24 monthly buckets for two years of demo data', () => {
    expect(periodKeysBetween('2024-08-01', '2026-07-31', 'MONTH')).toHaveLength(24);
  });
});
