import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-02T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const ADMIN = { claims: adminOf('gorontalo') };
const unitCounts = new Map<string, number>();
for (const e of demo.employees)
  if (e.agencyId === 'gorontalo' && e.status === 'ACTIVE')
    unitCounts.set(e.unitId, (unitCounts.get(e.unitId) ?? 0) + 1);
// The unit with the most staff, so four appraised employees leave some unplaced.
const [unitId] = [...unitCounts].sort((a, b) => b[1] - a[1])[0] ?? ['missing', 0];
const staff = demo.employees.filter((e) => e.unitId === unitId && e.status === 'ACTIVE');
const head = staff[0];
const unitGid = toGlobalId('Unit', 'gorontalo', unitId);
const headOf = (unit: string) => ({
  claims: {
    sub: 'head',
    'cognito:groups': ['UNIT_HEAD'],
    agency_id: 'gorontalo',
    unit_id: unit,
    employee_id: head?.id,
  },
});

const QUERY = `query($unitId: ID!) { talentDistribution(unitId: $unitId) {
  unit { id } unplaced { id } boxes { box count guidance guidanceEn disciplinary employees { id } } } }`;
interface Answer {
  talentDistribution: {
    unit: { id: string };
    unplaced: { id: string }[];
    boxes: {
      box: number;
      count: number;
      guidanceEn: string;
      disciplinary: boolean;
      employees: { id: string }[];
    }[];
  };
}

let app: TestApp;

async function appraise(
  index: number,
  period: string,
  result: string,
  behaviour: string,
  potential?: string,
) {
  const res = await app.request(
    `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }`,
    {
      input: {
        employeeId: toGlobalId('Employee', 'gorontalo', staff[index]?.id ?? 'missing'),
        period,
        resultRating: result,
        behaviourRating: behaviour,
        ...(potential ? { potential } : {}),
      },
    },
    ADMIN,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
  // 1: SANGAT_BAIK with HIGH potential -> box 9.
  await appraise(1, '2025', 'ABOVE', 'ABOVE', 'HIGH');
  // 2: HIGH potential in Q1, latest (Q2) BAIK without a new assessment -> box 8 (potential carried).
  await appraise(2, '2026-Q1', 'BELOW', 'BELOW', 'HIGH');
  await appraise(2, '2026-Q2', 'AS_EXPECTED', 'AS_EXPECTED');
  // 3: SANGAT_KURANG, LOW potential -> box 1 (disciplinary).
  await appraise(3, '2025', 'BELOW', 'BELOW', 'LOW');
  // 4: appraised, potential never assessed -> unplaced.
  await appraise(4, '2025', 'ABOVE', 'AS_EXPECTED');
}, 120_000);
afterAll(() => app.close());

describe('talentDistribution', () => {
  it('places each appraised employee in the box of the latest predikat and the latest assessed potential', async () => {
    const res = await app.request<Answer>(QUERY, { unitId: unitGid }, ADMIN);
    expect(res.errors).toBeUndefined();
    const boxes = res.data?.talentDistribution.boxes ?? [];
    expect(boxes.map((b) => b.box)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const idOf = (i: number) => toGlobalId('Employee', 'gorontalo', staff[i]?.id ?? '');
    const inBox = (box: number) => boxes.find((b) => b.box === box);
    expect(inBox(9)?.employees.map((e) => e.id)).toEqual([idOf(1)]);
    expect(inBox(8)?.employees.map((e) => e.id)).toEqual([idOf(2)]);
    expect(inBox(1)).toMatchObject({ count: 1, disciplinary: true });
    expect(inBox(9)?.guidanceEn).toBe('Promotion and succession candidate');
    expect(boxes.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    const unplaced = res.data?.talentDistribution.unplaced.map((e) => e.id) ?? [];
    expect(unplaced).toContain(idOf(4));
    expect(unplaced).toHaveLength(staff.length - 3);
  });

  it("answers the unit's own head, and refuses the head of another unit and employees", async () => {
    const own = await app.request<Answer>(QUERY, { unitId: unitGid }, headOf(unitId));
    expect(own.errors).toBeUndefined();
    const other = await app.request<Answer>(QUERY, { unitId: unitGid }, headOf('gorontalo-elsewhere'));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const employee = await app.request<Answer>(
      QUERY,
      { unitId: unitGid },
      { claims: { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: 'gorontalo', employee_id: head?.id } },
    );
    expect(employee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await app.request<Answer>(QUERY, { unitId: unitGid }, { claims: adminOf('medan') });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('talentDistribution of a large unit', () => {
  const LARGE = 'gorontalo-bkpsdm';
  const ADDED = 70;
  const existing = demo.employees.filter((e) => e.unitId === LARGE && e.status === 'ACTIVE').length;

  /** Runs `work` over 0..count-1, eight at a time. */
  async function inBatches(count: number, work: (i: number) => Promise<void>) {
    for (let from = 0; from < count; from += 8)
      await Promise.all(Array.from({ length: Math.min(8, count - from) }, (_, k) => work(from + k)));
  }

  beforeAll(async () => {
    await inBatches(ADDED, async (i) => {
      // Born 1980-01-(i+1 within the month) etc.; CPNS March 2015, male, serial 1xx: valid NIPs.
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
      const created = await app.request<{ createEmployee: { id: string } }>(
        `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`,
        {
          input: {
            nip: `1980${month}${day}2015031${String(100 + i).padStart(3, '0')}`,
            name: `Pegawai Besar ${i}`,
            unitId: toGlobalId('Unit', 'gorontalo', LARGE),
            employmentType: 'PNS',
            golongan: 'III_A',
            position: { title: 'Analis SDM Aparatur', type: 'FUNCTIONAL' },
            education: 'S1',
          },
        },
        ADMIN,
      );
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      const res = await app.request(
        `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }`,
        {
          input: {
            employeeId: created.data?.createEmployee.id,
            period: '2025',
            resultRating: 'AS_EXPECTED',
            behaviourRating: 'AS_EXPECTED',
            potential: 'MEDIUM',
          },
        },
        ADMIN,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
  }, 300_000);

  it('places a unit of 80 staff within the request budget, with a fixed number of DynamoDB calls', async () => {
    app.counter.reset();
    const res = await app.request<Answer>(QUERY, { unitId: toGlobalId('Unit', 'gorontalo', LARGE) }, ADMIN);
    expect(res.errors).toBeUndefined();
    expect(existing + ADDED).toBeGreaterThanOrEqual(80);
    const boxes = res.data?.talentDistribution.boxes ?? [];
    expect(boxes.find((b) => b.box === 5)?.count).toBe(ADDED);
    expect(
      boxes.reduce((sum, b) => sum + b.count, 0) + (res.data?.talentDistribution.unplaced.length ?? 0),
    ).toBe(existing + ADDED);
    // The unit (BatchGet), its staff and its appraisals (one Query each): 80 queries before.
    expect(app.counter.requests).toBeLessThanOrEqual(3);
  });
});
