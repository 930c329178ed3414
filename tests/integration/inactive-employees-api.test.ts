import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { employeeEntity } from '../../src/data/entities/employee';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

// Hand-built learning whose answer is known (issue 14 item 2, INACTIVE_EMPLOYEES), in gorontalo's
// demo units (their seeded staff have no rollups: only the employees below count).
// A (Puskesmas Kota Selatan): a1 completed a program in 2025-Q4 (a learner 2025-Q4..2026-Q3),
//   a2 received mentoring in 2026-Q3 (2026-Q3..2027-Q2), a3 only a no-show (never a learner).
// B (BKPSDM): b1 completed a program in 2026-Q1, then moved to C (counted in C, with the learning).
// C (Setda): c1 retired, with learning in 2026 (counted nowhere).
const AGENCY = 'gorontalo';
const A = 'gorontalo-pkm-selatan';
const B = 'gorontalo-bkpsdm';
const C = 'gorontalo-setda';
const NOW = new Date('2026-11-02T03:00:00.000Z');
const ADMIN = { claims: adminOf(AGENCY) };
const unitGid = (id: string) => toGlobalId('Unit', AGENCY, id);

const AGGREGATE = `query($input: AggregateInput!) { aggregate(input: $input) { totals { measure value }
  groups { key { dimension value } values { measure value } } } }`;
interface Answer {
  aggregate: {
    totals: { measure: string; value: number | null }[];
    groups: {
      key: { dimension: string; value: string }[];
      values: { measure: string; value: number | null }[];
    }[];
  };
}

let app: TestApp;
let poller: StreamPoller;

const profile = (unitId: string) => ({ unitId, grade: 'III_A', employmentType: 'PNS', gender: 'FEMALE' });
const employee = (id: string, unitId: string, status = 'ACTIVE', version = 1) => ({
  ...employeeEntity.key(AGENCY, id),
  entity: 'Employee',
  id,
  agencyId: AGENCY,
  unitId,
  golongan: 'III_A',
  employmentType: 'PNS',
  gender: 'FEMALE',
  status,
  version,
});
const completed = (id: string, employeeId: string, unitId: string, on: string) => ({
  pk: `${AGENCY}#TestEnrollment#${id}`,
  sk: 'Enrollment',
  entity: 'Enrollment',
  id,
  agencyId: AGENCY,
  employeeId,
  unitId,
  employeeProfile: profile(unitId),
  programId: 'gorontalo-prog',
  programStartDate: on,
  status: 'COMPLETED',
  completedAt: `${on}T08:00:00.000Z`,
  jpCredited: 24,
});
const session = (id: string, menteeId: string, unitId: string, date: string) => ({
  pk: `${AGENCY}#TestSession#${id}`,
  sk: 'MentoringSession',
  entity: 'MentoringSession',
  id,
  agencyId: AGENCY,
  mentorshipId: 'm1',
  menteeId,
  menteeProfile: profile(unitId),
  date,
  minutes: 90,
  agreedActions: [],
});

const ask = async (input: Record<string, unknown>) => app.request<Answer>(AGGREGATE, { input }, ADMIN);
/** `unit|time -> INACTIVE_EMPLOYEES` of an answer. */
const inactiveOf = (answer: Answer) =>
  Object.fromEntries(
    answer.aggregate.groups.map((g) => [
      g.key.map((k) => k.value).join('|'),
      g.values.find((v) => v.measure === 'INACTIVE_EMPLOYEES')?.value,
    ]),
  );

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: [AGENCY] });
  poller = await app.followStream();
  const { table } = app.deps;
  await table.batchPut([
    employee('a1', A),
    employee('a2', A),
    employee('a3', A),
    employee('b1', B),
    employee('c1', C, 'RETIRED'),
    completed('en-a1', 'a1', A, '2025-12-15'),
    session('s-a2', 'a2', A, '2026-08-01'),
    {
      ...completed('en-a3', 'a3', A, '2026-02-10'),
      status: 'NO_SHOW',
      completedAt: undefined,
      jpCredited: 0,
    },
    completed('en-b1', 'b1', B, '2026-01-10'),
    completed('en-c1', 'c1', C, '2026-05-05'),
  ]);
  await poller.drain();
  await table.put(employee('b1', C, 'ACTIVE', 2)); // b1 moves from B to C
  await poller.drain();
}, 300_000);
afterAll(async () => {
  await poller.stop();
  await app.close();
});

describe('INACTIVE_EMPLOYEES through aggregate', () => {
  it('answers active staff without learning in the 12 months ending at each quarter, by unit', async () => {
    const res = await ask({
      measures: ['INACTIVE_EMPLOYEES'],
      groupBy: ['UNIT', 'QUARTER'],
      filter: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(res.errors).toBeUndefined();
    const answer = res.data as Answer;
    expect(inactiveOf(answer)).toEqual({
      // a1 learned in 2025-Q4 (until 2026-Q3), a2 from 2026-Q3; a3 never.
      [`${A}|2026-Q1`]: 2,
      [`${A}|2026-Q2`]: 2,
      [`${A}|2026-Q3`]: 1,
      [`${A}|2026-Q4`]: 2,
      // b1 moved here with their learning of 2026-Q1; the retired c1 counts nowhere; B has nobody now.
      [`${C}|2026-Q1`]: 0,
      [`${C}|2026-Q2`]: 0,
      [`${C}|2026-Q3`]: 0,
      [`${C}|2026-Q4`]: 0,
    });
    // Totals are the last quarter asked (2026-Q4): 4 active staff, a2 and b1 learners.
    expect(answer.aggregate.totals).toEqual([{ measure: 'INACTIVE_EMPLOYEES', value: 2 }]);
  });

  it('answers one quarter without time groups, and each year by its last quarter', async () => {
    const quarter = await ask({
      measures: ['INACTIVE_EMPLOYEES'],
      groupBy: ['UNIT'],
      filter: { to: '2026-06-30', unitIds: [unitGid(A), unitGid(B)] },
    });
    expect(inactiveOf(quarter.data as Answer)).toEqual({ [A]: 2 });
    const years = await ask({
      measures: ['INACTIVE_EMPLOYEES'],
      groupBy: ['UNIT', 'YEAR'],
      filter: { from: '2025-01-01', to: '2026-12-31', unitIds: [unitGid(A)] },
    });
    // 2025-Q4: a1 a learner (3 - 1); 2026-Q4: a2 a learner (3 - 1). Never summed over quarters.
    expect(inactiveOf(years.data as Answer)).toEqual({ [`${A}|2025`]: 2, [`${A}|2026`]: 2 });
    // A quarter with no learning yet at all is every active employee.
    const later = await ask({ measures: ['INACTIVE_EMPLOYEES'], groupBy: [], filter: { to: '2028-03-31' } });
    expect((later.data as Answer).aggregate.totals).toEqual([{ measure: 'INACTIVE_EMPLOYEES', value: 4 }]);
  });

  it('refuses what is not exact: MONTH and the workforce dimensions it does not keep', async () => {
    for (const dimension of ['MONTH', 'GENDER', 'PROGRAM']) {
      const res = await ask({ measures: ['INACTIVE_EMPLOYEES'], groupBy: [dimension] });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain(
        `INACTIVE_EMPLOYEES cannot be grouped or filtered by ${dimension}; it supports UNIT, REGION, QUARTER, YEAR`,
      );
    }
  });

  it('gives trainingNeeds a TECHNICAL reason where more than a quarter of the staff is inactive', async () => {
    const res = await app.request<{
      trainingNeeds: {
        unit: { id: string };
        needs: { category: string; reasons: { figure: string; value: number; threshold: number }[] }[];
        figures: { inactiveEmployees: number | null; employees: number | null };
      }[];
    }>(
      `query($filter: TrainingNeedsFilter!) { trainingNeeds(filter: $filter) {
        unit { id } needs { category reasons { figure value threshold } } figures { inactiveEmployees employees } } }`,
      { filter: { unitIds: [unitGid(A), unitGid(C)], year: 2026 } },
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    const byUnit = Object.fromEntries((res.data?.trainingNeeds ?? []).map((u) => [u.unit.id, u]));
    expect(byUnit[unitGid(A)]).toMatchObject({
      figures: { inactiveEmployees: 2, employees: 3 },
      needs: [
        { category: 'TECHNICAL', reasons: [{ figure: 'INACTIVE_EMPLOYEES', value: 2, threshold: 0.75 }] },
      ],
    });
    expect(byUnit[unitGid(C)]).toMatchObject({ figures: { inactiveEmployees: 0, employees: 1 }, needs: [] });
  });

  it('follows the stream: removing a learning brings its quarters back as inactive', async () => {
    await app.deps.table.batchDelete([{ pk: `${AGENCY}#TestSession#s-a2`, sk: 'MentoringSession' }]);
    await poller.drain();
    const res = await ask({
      measures: ['INACTIVE_EMPLOYEES'],
      groupBy: ['QUARTER'],
      filter: { from: '2026-07-01', to: '2026-12-31', unitIds: [unitGid(A)] },
    });
    expect(inactiveOf(res.data as Answer)).toEqual({ '2026-Q3': 2, '2026-Q4': 3 });
  });
});
