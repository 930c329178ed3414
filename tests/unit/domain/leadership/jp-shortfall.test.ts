import { describe, expect, it } from 'vitest';
import { jpPositionOf, programsForShortfall } from '../../../../src/domain/leadership/jp-shortfall';
import type { TrainingProgram } from '../../../../src/domain/training';

const TODAY = '2026-11-02';
const program = (id: string, jp: number, startDate: string, extra: Partial<TrainingProgram> = {}) =>
  ({
    agencyId: 'a',
    id,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    title: id,
    category: 'PUBLIC_SERVICE',
    format: 'CLASSROOM',
    jp,
    startDate,
    endDate: startDate,
    capacity: 10,
    costPerParticipant: 0,
    competencies: [],
    status: 'OPEN',
    seatsTaken: 0,
    waitlistCount: 0,
    completedCount: 0,
    ...extra,
  }) as TrainingProgram;
const CATALOG = [
  program('j16', 16, '2026-11-20'),
  program('j24', 24, '2026-12-01'),
  program('j4', 4, '2026-11-10'),
  program('j12-late', 12, '2026-12-15'),
  program('j12-soon', 12, '2026-11-15'),
  program('full', 40, '2026-11-25', { seatsTaken: 10, waitlistCount: 3 }),
  program('draft', 30, '2026-11-12', { status: 'DRAFT' }),
  program('running', 30, '2026-11-01', { status: 'OPEN' }),
  program('today', 30, TODAY),
  program('degree', 200, '2027-01-10', { format: 'DEGREE', category: 'DEGREE' }),
];

describe('JP position from a learning tally', () => {
  it.each<[string, Record<string, { minutes: number }>, number, number]>([
    ['no tally', {}, 0, 20],
    ['8 JP of a program', { e1: { minutes: 360 } }, 8, 12],
    [
      'mentoring minutes summed before converting (44 + 46 = 2 JP)',
      { s1: { minutes: 44 }, s2: { minutes: 46 } },
      2,
      18,
    ],
    ['exactly 900 minutes', { e1: { minutes: 900 } }, 20, 0],
  ])('%s', (_, entries, earned, shortfall) => {
    const tally = Object.fromEntries(
      Object.entries(entries).map(([id, e]) => [
        id,
        {
          ...e,
          date: '2026-03-01',
          profile: { unitId: 'u', grade: 'III_A', employmentType: 'PNS', gender: 'MALE' },
        },
      ]),
    ) as Parameters<typeof jpPositionOf>[0];
    expect(jpPositionOf(Object.keys(entries).length ? tally : undefined)).toMatchObject({
      earned,
      shortfall,
      compliant: shortfall === 0,
    });
  });
});

describe('programs for a shortfall', () => {
  it.each<[number, string[]]>([
    // Closing the gap: fewest JP first (then soonest); a full program still takes a waitlist.
    [12, ['j12-soon', 'j12-late', 'j16']],
    [20, ['j24', 'full', 'j16']],
    // Nothing closes 50: the largest partial ones.
    [50, ['full', 'j24', 'j16']],
    [3, ['j4', 'j12-soon', 'j12-late']],
    [0, []],
  ])('a shortfall of %i JP gets %j', (shortfall, expected) => {
    expect(programsForShortfall(shortfall, CATALOG, TODAY).map((p) => p.id)).toEqual(expected);
  });

  it('never offers a draft, a program already started or starting today, or degree study', () => {
    const offered = new Set(
      [1, 10, 20, 100, 300].flatMap((s) => programsForShortfall(s, CATALOG, TODAY).map((p) => p.id)),
    );
    for (const id of ['draft', 'running', 'today', 'degree']) expect(offered.has(id)).toBe(false);
  });
});
