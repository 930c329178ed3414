import { describe, expect, it } from 'vitest';
import { monthRangeParts } from '../../../src/data/rollups/rollup-reader';

describe('monthRangeParts', () => {
  it('cuts 24 months into 4 consecutive parts of 6, covering every month once, in order', () => {
    expect(monthRangeParts('2024-12', '2026-11')).toEqual([
      ['2024-12', '2025-05'],
      ['2025-06', '2025-11'],
      ['2025-12', '2026-05'],
      ['2026-06', '2026-11'],
    ]);
  });

  it('keeps parts of at least 6 months, uneven lengths spread', () => {
    expect(monthRangeParts('2026-01', '2026-12')).toEqual([
      ['2026-01', '2026-06'],
      ['2026-07', '2026-12'],
    ]);
    expect(monthRangeParts('2026-01', '2027-02')).toEqual([
      ['2026-01', '2026-07'],
      ['2026-08', '2027-02'],
    ]);
    expect(monthRangeParts('2020-01', '2029-12')).toHaveLength(4);
  });

  it('reads short, open-ended and non-month ranges whole', () => {
    expect(monthRangeParts('2026-01', '2026-11')).toEqual([['2026-01', '2026-11']]);
    expect(monthRangeParts('0000-00', '2026-11')).toEqual([['0000-00', '2026-11']]);
    expect(monthRangeParts('2024-01', '9999-99')).toEqual([['2024-01', '9999-99']]);
    expect(monthRangeParts('2024-Q1', '2026-Q4')).toEqual([['2024-Q1', '2026-Q4']]);
    expect(monthRangeParts('2024', '2026')).toEqual([['2024', '2026']]);
    expect(monthRangeParts('-', '-')).toEqual([['-', '-']]);
    expect(monthRangeParts('2026-11', '2026-01')).toEqual([['2026-11', '2026-01']]);
  });
});
