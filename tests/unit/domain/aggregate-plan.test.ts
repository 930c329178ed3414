import { describe, expect, it } from 'vitest';
import { type CellRow, combine } from '../../../src/domain/analytics/combine';
import type { Dimension } from '../../../src/domain/analytics/dimensions';
import { cuboidId } from '../../../src/domain/analytics/families';
import type { Measure } from '../../../src/domain/analytics/measures';
import { type AggregateRequest, planAggregate } from '../../../src/domain/analytics/query-plan';

const NOW = new Date('2026-11-01T00:00:00.000Z');

function plan(measures: Measure[], groupBy: Dimension[], filter: AggregateRequest['filter'] = {}) {
  const planned = planAggregate({ measures, groupBy, filter, from: '2024-12-01', to: '2026-11-30' }, NOW);
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return planned.plan;
}
const cuboidsRead = (p: ReturnType<typeof plan>) => p.reads.map((r) => `${r.family} ${cuboidId(r.cuboid)}`);

describe('planAggregate: where a program category is read from', () => {
  const cases: [string, string, Dimension[], AggregateRequest['filter']][] = [
    [
      'the heatmap (unit x category x month)',
      'PROGRAM_CATEGORY+UNIT',
      ['UNIT', 'PROGRAM_CATEGORY', 'MONTH'],
      {},
    ],
    ['the category alone', 'PROGRAM_CATEGORY', ['PROGRAM_CATEGORY'], {}],
    [
      'category x status',
      'ENROLLMENT_STATUS+PROGRAM_CATEGORY',
      ['PROGRAM_CATEGORY', 'ENROLLMENT_STATUS'],
      {},
    ],
    [
      "a unit head's category x status (units filtered)",
      'ENROLLMENT_STATUS+PROGRAM_CATEGORY+UNIT',
      ['PROGRAM_CATEGORY', 'ENROLLMENT_STATUS'],
      { UNIT: ['u1'] },
    ],
    [
      'units filtered by category',
      'PROGRAM_CATEGORY+UNIT',
      ['UNIT', 'QUARTER'],
      { PROGRAM_CATEGORY: ['IT'] },
    ],
    ['category x golongan (not stored together)', 'GOLONGAN+PROGRAM', ['PROGRAM_CATEGORY', 'GOLONGAN'], {}],
    ['category x partner', 'PROGRAM', ['PROGRAM_CATEGORY', 'PARTNER'], {}],
    ['the category of some programs', 'PROGRAM', ['PROGRAM_CATEGORY'], { PROGRAM: ['p1'] }],
    ['programs (no category asked)', 'UNIT+PROGRAM', ['UNIT', 'PROGRAM'], {}],
  ];
  it.each(cases)('%s reads ENROLLMENT %s', (_, expected, groupBy, filter) => {
    expect(cuboidsRead(plan(['ENROLLMENT_COUNT', 'COMPLETION_RATE'], groupBy, filter))).toEqual([
      `ENROLLMENT ${expected}`,
    ]);
  });

  it('leaves families without programs as they were', () => {
    expect(cuboidsRead(plan(['IKM'], ['UNIT', 'FEEDBACK_CHANNEL']))).toEqual([
      'FEEDBACK FEEDBACK_CHANNEL+UNIT',
    ]);
  });
});

describe('combine: a program category stored in the cell or derived from its program', () => {
  const row = (values: CellRow['values'], enrollments: number): CellRow => ({
    family: 'ENROLLMENT',
    bucket: '2026-03',
    values,
    components: { enrollments, completed: 0, dropped: 0, noShow: 0 },
  });
  const categories: Record<string, string> = { p1: 'IT', p2: 'FINANCE', p3: 'IT' };
  const derive = {
    regionOfUnit: () => undefined,
    categoryOfProgram: (id: string) => categories[id],
    partnerOfProgram: () => undefined,
  };
  const counts = (p: ReturnType<typeof plan>, rows: CellRow[]) =>
    Object.fromEntries(
      combine(p, rows, derive).groups.map((g) => [
        g.key.PROGRAM_CATEGORY,
        g.components.ENROLLMENT?.enrollments,
      ]),
    );

  it('groups and filters by the stored category, and by the derived one, to the same answer', () => {
    const stored = [row({ PROGRAM_CATEGORY: 'IT' }, 5), row({ PROGRAM_CATEGORY: 'FINANCE' }, 2)];
    const derived = [row({ PROGRAM: 'p1' }, 3), row({ PROGRAM: 'p3' }, 2), row({ PROGRAM: 'p2' }, 2)];
    const byCategory = plan(['ENROLLMENT_COUNT'], ['PROGRAM_CATEGORY']);
    expect(counts(byCategory, stored)).toEqual({ IT: 5, FINANCE: 2 });
    expect(counts(byCategory, derived)).toEqual({ IT: 5, FINANCE: 2 });
    const onlyIt = plan(['ENROLLMENT_COUNT'], ['PROGRAM_CATEGORY'], { PROGRAM_CATEGORY: ['IT'] });
    expect(counts(onlyIt, stored)).toEqual({ IT: 5 });
    expect(counts(onlyIt, derived)).toEqual({ IT: 5 });
  });

  it('gives a cell whose program was not found (`-`) no category, as a program without one', () => {
    const p = plan(['ENROLLMENT_COUNT'], ['PROGRAM_CATEGORY']);
    expect(counts(p, [row({ PROGRAM_CATEGORY: '-' }, 4)])).toEqual(counts(p, [row({ PROGRAM: 'gone' }, 4)]));
    expect(combine(p, [row({ PROGRAM_CATEGORY: '-' }, 4)], derive).groups[0]?.key.PROGRAM_CATEGORY).toBe('');
  });
});
