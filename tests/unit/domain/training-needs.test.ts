import { describe, expect, it } from 'vitest';
import { trainingNeedsOf, type UnitFigures } from '../../../src/domain/training-needs';

const quiet: UnitFigures = {
  period: '2026',
  ikm: { before: 80, after: 81 },
  responseHours: { before: 20, after: 18 },
  complaintsOverdue: 0,
  responsesOverdue: 0,
  indicatorAchievement: 100,
  inactiveEmployees: 1,
  employees: 10,
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
    ['an IKM not measured in the year', { ikm: { before: 90, after: null } }, []],
    ['a rise from C to B', { ikm: { before: 70, after: 80 } }, []],
    [
      'nothing measured at all',
      {
        ikm: { before: null, after: null },
        responseHours: { before: null, after: null },
        complaintsOverdue: null,
        responsesOverdue: null,
        indicatorAchievement: null,
        inactiveEmployees: null,
        employees: null,
      },
      [],
    ],
    ['a quarter of the staff inactive (not more)', { inactiveEmployees: 2, employees: 8 }, []],
    ['inactive staff in a unit without employees now', { inactiveEmployees: 0, employees: 0 }, []],
    [
      'more than a quarter of the staff without learning for a year (threshold 25 % of 10)',
      { inactiveEmployees: 3, employees: 10 },
      [
        {
          category: 'TECHNICAL',
          reasons: [{ figure: 'INACTIVE_EMPLOYEES', period: '2026', value: 3, threshold: 2.5 }],
        },
      ],
    ],
    [
      'indicators below target and most staff inactive: one TECHNICAL need, both reasons',
      { indicatorAchievement: 90, inactiveEmployees: 7, employees: 9 },
      [
        {
          category: 'TECHNICAL',
          reasons: [
            { figure: 'INDICATOR_ACHIEVEMENT', period: '2026', value: 90, threshold: 100 },
            { figure: 'INACTIVE_EMPLOYEES', period: '2026', value: 7, threshold: 2.25 },
          ],
        },
      ],
    ],
    [
      'an IKM that fell from A to D (threshold: the floor of A)',
      { ikm: { before: 88.31, after: 64.99 } },
      [
        {
          category: 'PUBLIC_SERVICE',
          reasons: [{ figure: 'IKM', period: '2026', value: 64.99, threshold: 88.31 }],
        },
      ],
    ],
    [
      'late first responses (part of the overdue complaints)',
      { complaintsOverdue: 2, responsesOverdue: 1 },
      [
        {
          category: 'PUBLIC_SERVICE',
          reasons: [
            { figure: 'COMPLAINTS_OVERDUE', period: '2026', value: 2, threshold: 0 },
            { figure: 'COMPLAINT_RESPONSES_OVERDUE', period: '2026', value: 1, threshold: 0 },
          ],
        },
      ],
    ],
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
