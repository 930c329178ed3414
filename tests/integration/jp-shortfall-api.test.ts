import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { callsSentDuring } from '../helpers/sent-calls';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-02T03:00:00.000Z');
const AGENCY = 'gorontalo';
const UNIT = 'gorontalo-pkm-dungingi';
const demo = buildDemoOrganization(NOW);
const staff = demo.employees
  .filter((e) => e.unitId === UNIT && e.status === 'ACTIVE')
  .sort((a, b) => a.name.localeCompare(b.name, 'id'));
const [done, partly] = staff; // 20 JP (compliant), 8 JP (12 short); the rest earned nothing
const ADMIN = { claims: adminOf(AGENCY) };
const gid = (type: string, id: string) => toGlobalId(type, AGENCY, id);
const headOf = (unit: string): { claims: ApiClaims } => ({
  claims: { sub: `head-${unit}`, 'cognito:groups': ['UNIT_HEAD'], agency_id: AGENCY, unit_id: unit },
});

const SHORT = `query($year: Int!, $unitId: ID, $first: Int, $after: String) {
  employeesShortOfJp(year: $year, unitId: $unitId, first: $first, after: $after) {
    totalCount asOf pageInfo { hasNextPage endCursor }
    edges { node { employee { id } year earned required shortfall openPrograms { title jp } } } } }`;
interface Node {
  employee: { id: string };
  year: number;
  earned: number;
  required: number;
  shortfall: number;
  openPrograms: { title: string; jp: number }[];
}
interface Answer {
  employeesShortOfJp: {
    totalCount: number;
    asOf: string | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
}

let app: TestApp;
let poller: StreamPoller;

async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await app.request<T>(query, variables, ADMIN);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}
async function program(title: string, jp: number, startDate: string, extra: Record<string, unknown> = {}) {
  const data = await ok<{ createTrainingProgram: { id: string } }>(
    `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
    {
      input: {
        title,
        category: 'PUBLIC_SERVICE',
        format: 'CLASSROOM',
        jp,
        startDate,
        endDate: startDate,
        capacity: 30,
        costPerParticipant: 0,
        status: 'OPEN',
        ...extra,
      },
    },
  );
  return data.createTrainingProgram.id;
}
async function complete(programId: string, employeeId: string, completedOn: string) {
  const enrolled = await ok<{ enrollEmployee: { id: string } }>(
    `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }`,
    { input: { programId, employeeId: gid('Employee', employeeId) } },
  );
  await ok(`mutation($input: CompleteEnrollmentInput!) { completeEnrollment(input: $input) { id } }`, {
    input: { enrollmentId: enrolled.enrollEmployee.id, completedOn },
  });
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: [AGENCY] });
  poller = await app.followStream();
  const twenty = await program('Pelayanan Prima', 20, '2026-03-02');
  const eight = await program('Komunikasi Publik', 8, '2026-04-06');
  await complete(twenty, done?.id ?? '', '2026-03-02');
  await complete(eight, partly?.id ?? '', '2026-04-06');
  await program('Manajemen Waktu', 16, '2026-11-20');
  await program('Kepemimpinan Pelayanan', 24, '2026-12-01');
  await program('Etika Pelayanan', 4, '2026-11-10');
  await program('Rancangan Kurikulum', 30, '2026-11-12', { status: 'DRAFT' });
  await poller.drain();
}, 300_000);
afterAll(async () => {
  await poller.stop();
  await app.close();
});

const ask = (variables: Record<string, unknown>, auth: { claims: ApiClaims } = ADMIN) =>
  app.request<Answer>(SHORT, variables, auth);

describe('employeesShortOfJp', () => {
  it('lists the staff below 20 JP, largest gap first, with the open programs that close it first', async () => {
    const res = await ask({ year: 2026, unitId: gid('Unit', UNIT), first: 100 });
    expect(res.errors).toBeUndefined();
    const answer = res.data?.employeesShortOfJp;
    expect(answer?.totalCount).toBe(staff.length - 1);
    expect(answer?.asOf).not.toBeNull();
    const nodes = answer?.edges.map((e) => e.node) ?? [];
    const ids = nodes.map((n) => n.employee.id);
    expect(ids).not.toContain(gid('Employee', done?.id ?? ''));
    // Nothing earned: 20 short, by name; then the one with 8 JP.
    expect(ids).toEqual([...staff.slice(2), partly].map((e) => gid('Employee', e?.id ?? '')));
    expect(nodes[0]).toMatchObject({ year: 2026, earned: 0, required: 20, shortfall: 20 });
    expect(nodes[0]?.openPrograms).toEqual([
      { title: 'Kepemimpinan Pelayanan', jp: 24 },
      { title: 'Manajemen Waktu', jp: 16 },
      { title: 'Etika Pelayanan', jp: 4 },
    ]);
    expect(nodes.at(-1)).toMatchObject({ earned: 8, shortfall: 12 });
    expect(nodes.at(-1)?.openPrograms.map((p) => p.jp)).toEqual([16, 24, 4]);
  });

  it('pages without repeating anyone', async () => {
    const first = await ask({ year: 2026, unitId: gid('Unit', UNIT), first: 4 });
    const page = first.data?.employeesShortOfJp;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const next = await ask({
      year: 2026,
      unitId: gid('Unit', UNIT),
      first: 100,
      after: page?.pageInfo.endCursor,
    });
    const seen = [...(page?.edges ?? []), ...(next.data?.employeesShortOfJp.edges ?? [])].map(
      (e) => e.node.employee.id,
    );
    expect(new Set(seen).size).toBe(staff.length - 1);
    expect(next.data?.employeesShortOfJp.pageInfo.hasNextPage).toBe(false);
  });

  it('offers no programs for a past year (everyone earned nothing in 2025)', async () => {
    const res = await ask({ year: 2025, unitId: gid('Unit', UNIT), first: 100 });
    expect(res.data?.employeesShortOfJp.totalCount).toBe(staff.length);
    expect(res.data?.employeesShortOfJp.edges.every((e) => e.node.openPrograms.length === 0)).toBe(true);
  });

  it('reads a bounded number of DynamoDB calls, the freshness mark before the tallies', async () => {
    app.counter.reset();
    const sent = await callsSentDuring(app, async () => {
      expect((await ask({ year: 2026, unitId: gid('Unit', UNIT), first: 100 })).errors).toBeUndefined();
    });
    // The unit, its staff, their tallies (one BatchGet per 100), the open programs, the watermark.
    expect(app.counter.requests).toBeLessThanOrEqual(5);
    // Read before the tallies (beside the staff), the mark is a time every change up to which
    // the tallies include (the aggregator moves it after applying them).
    const mark = sent.indexOf(`GetItemCommand ${AGENCY}#RollupWatermark`);
    expect(mark).toBeGreaterThanOrEqual(0);
    expect(sent.findIndex((s) => s.includes('#JpTally#'))).toBeGreaterThan(mark);
  });

  it('gives a unit head without a unit the staff of the units in reach', async () => {
    const res = await ask({ year: 2026, first: 100 }, headOf('gorontalo-dinkes'));
    expect(res.errors).toBeUndefined();
    const reach = new Set(['gorontalo-dinkes', 'gorontalo-pkm-selatan', UNIT]);
    const expected = demo.employees.filter((e) => e.status === 'ACTIVE' && reach.has(e.unitId)).length - 1;
    expect(res.data?.employeesShortOfJp.totalCount).toBe(expected);
  });

  it.each<[string, { claims: ApiClaims }]>([
    [
      'an employee',
      { claims: { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: AGENCY, unit_id: UNIT } },
    ],
    ['the head of another unit', headOf('gorontalo-bkpsdm')],
    ["another agency's administrator", { claims: adminOf('medan') }],
  ])('refuses %s with FORBIDDEN', async (_, auth) => {
    const res = await ask({ year: 2026, unitId: gid('Unit', UNIT) }, auth);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a year out of range', { year: 1999 }, 'year'],
    ['a year still to come', { year: 2027 }, 'year'],
    ['an employee id as unit', { year: 2026, unitId: gid('Employee', 'x') }, 'unitId'],
    ['a unit that does not exist', { year: 2026, unitId: gid('Unit', 'gorontalo-nowhere') }, 'unitId'],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables, field) => {
    const res = await ask(variables);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
