import { describe, expect, it } from 'vitest';
import { trainingNeedsOf, type UnitFigures } from '../../../src/domain/training-needs';

const quiet: UnitFigures = {
  period: '2026',
  ikm: { before: 80, after: 81 },
  responseHours: { before: 20, after: 18 },
  complaintsOverdue: 0,
  indicatorAchievement: 100,
};

describe('training needs of a unit (known answers)', () => {
  it('asks for PUBLIC_SERVICE training where the IKM fell from B to C and the response time rose', () => {
    const needs = trainingNeedsOf({
      ...quiet,
      ikm: { before: 80.5, after: 72.25 },
      responseHours: { before: 18, after: 30 },
    });
    expect(needs).toEqual([
      {
        category: 'PUBLIC_SERVICE',
        reasons: [
          { figure: 'IKM', period: '2026', value: 72.25, threshold: 76.61 },
          { figure: 'AVG_COMPLAINT_RESPONSE_HOURS', period: '2026', value: 30, threshold: 18 },
        ],
      },
    ]);
  });

  it.each<[string, Partial<UnitFigures>, unknown[]]>([
    ['no change', {}, []],
    ['a lower IKM in the same band', { ikm: { before: 86, after: 77 } }, []],
    ['an IKM not measured the year before', { ikm: { before: null, after: 60 } }, []],
    [
      'overdue complaints',
      { complaintsOverdue: 3 },
      [
        {
          category: 'PUBLIC_SERVICE',
          reasons: [{ figure: 'COMPLAINTS_OVERDUE', period: '2026', value: 3, threshold: 0 }],
        },
      ],
    ],
    [
      'indicators below target',
      { indicatorAchievement: 85.5 },
      [
        {
          category: 'TECHNICAL',
          reasons: [{ figure: 'INDICATOR_ACHIEVEMENT', period: '2026', value: 85.5, threshold: 100 }],
        },
      ],
    ],
  ])('gives %s its needs', (_, change, expected) => {
    expect(trainingNeedsOf({ ...quiet, ...change })).toEqual(expected);
  });
});
