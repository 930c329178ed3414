import { describe, expect, it } from 'vitest';
import { type AnswerGroup, toColumns } from '../../../src/domain/analytics/columns';

const group = (unit: string, month: string, count: number | null): AnswerGroup => ({
  key: [
    { dimension: 'UNIT', value: unit, label: `Unit ${unit}` },
    { dimension: 'MONTH', value: month, label: month },
  ],
  values: [{ measure: 'ENROLLMENT_COUNT', value: count }],
});

describe('toColumns', () => {
  it('lists each value once per axis, in order of first appearance, with every group as positions', () => {
    const groups = [group('b', '2026-01', 1), group('b', '2026-02', null), group('a', '2026-01', 3)];
    const columns = toColumns(['UNIT', 'MONTH'], ['ENROLLMENT_COUNT'], groups);
    expect(columns.axes).toEqual([
      {
        dimension: 'UNIT',
        values: [
          { value: 'b', label: 'Unit b' },
          { value: 'a', label: 'Unit a' },
        ],
      },
      {
        dimension: 'MONTH',
        values: [
          { value: '2026-01', label: '2026-01' },
          { value: '2026-02', label: '2026-02' },
        ],
      },
    ]);
    expect(columns.keys).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(columns.series).toEqual([{ measure: 'ENROLLMENT_COUNT', values: [1, null, 3] }]);
  });

  it('answers empty axes and series for no groups', () => {
    expect(toColumns(['UNIT'], ['ENROLLMENT_COUNT'], [])).toEqual({
      axes: [{ dimension: 'UNIT', values: [] }],
      keys: [],
      series: [{ measure: 'ENROLLMENT_COUNT', values: [] }],
    });
  });

  it('refuses a group whose key is shorter than the dimensions (never a silent misplacement)', () => {
    expect(() =>
      toColumns(['UNIT', 'MONTH', 'GENDER'], ['ENROLLMENT_COUNT'], [group('a', '2026-01', 1)]),
    ).toThrow(/GENDER/);
  });
});
