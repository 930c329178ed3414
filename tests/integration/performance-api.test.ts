import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { agencyEntity } from '../../src/data/entities/agency';
import { employeeEntity } from '../../src/data/entities/employee';
import { unitEntity } from '../../src/data/entities/unit';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { buildDemoPerformance, demoPerformanceItems } from '../../src/demo/build-performance';
import { achievementPercent } from '../../src/domain/indicator-achievement';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const organization = buildDemoOrganization(NOW);
const demo = buildDemoPerformance(NOW);
const unitId = (id: string) => toGlobalId('Unit', id.split('-')[0] ?? '', id);
const belawan = unitId('medan-belawan');
const indicatorId = (agencyId: string, id: string) => toGlobalId('PerformanceIndicator', agencyId, id);
const headOf = (unit: string): ApiClaims => ({
  sub: `head-${unit}`,
  'cognito:groups': ['UNIT_HEAD'],
  agency_id: 'medan',
  unit_id: unit,
});
const employeeOf = (unit: string): ApiClaims => ({
  sub: `employee-${unit}`,
  'cognito:groups': ['EMPLOYEE'],
  agency_id: 'medan',
  unit_id: unit,
});

const CREATE = `mutation Create($input: CreatePerformanceIndicatorInput!) {
  createPerformanceIndicator(input: $input) {
    id code name unitOfMeasure direction baseline target cadence scope scopeId status version
    unit { name } employee { name } latestMeasurement { period } achievement measurements { totalCount }
  }
}`;
const UPDATE = `mutation Update($input: UpdatePerformanceIndicatorInput!) {
  updatePerformanceIndicator(input: $input) { id target description status version }
}`;
const RECORD = `mutation Record($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) {
    period periodLabel start end value note achievementPercent recordedAt indicator { code }
  }
}`;

interface Created {
  createPerformanceIndicator: { id: string; version: number; [field: string]: unknown };
}

let app: TestApp;
let serial = 0;

const indicatorInput = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    code: `IKU-TST-${String(serial).padStart(2, '0')}`,
    name: 'Waktu penyelesaian surat keterangan',
    unitOfMeasure: 'hari',
    direction: 'LOWER_IS_BETTER',
    baseline: 6,
    target: 3,
    cadence: 'MONTHLY',
    scope: 'UNIT',
    unitId: belawan,
    ...overrides,
  };
};

/** Creates an indicator as the Medan admin and returns its global id. */
async function createIndicator(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.request<Created>(
    CREATE,
    { input: indicatorInput(overrides) },
    { claims: adminOf('medan') },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.createPerformanceIndicator.id ?? '';
}

/** Sends a request that must be refused with `code` (and `field`), and proves nothing was written. */
async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  claims: ApiClaims | undefined,
  expected: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const before = await tableSnapshot(app);
  const res = await app.request(query, variables, claims ? { claims } : undefined);
  expect(res.errors?.[0]?.extensions).toMatchObject(expected);
  expect(await tableSnapshot(app)).toEqual(before);
  return res;
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await app.deps.table.batchPut([
    ...organization.agencies.map((a) => agencyEntity.toItem(a)),
    ...organization.units.map((u) => unitEntity.toItem(u)),
    ...organization.employees.map((e) => employeeEntity.toItem(e)),
    ...demoPerformanceItems(NOW),
  ]);
});
afterAll(() => app.close());

describe('defining indicators', () => {
  it('creates a UNIT indicator in its unit, version 1, with no measurements yet', async () => {
    const res = await app.request<Created>(
      CREATE,
      { input: indicatorInput({ code: 'iku-new-01' }) },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createPerformanceIndicator).toMatchObject({
      code: 'IKU-NEW-01',
      direction: 'LOWER_IS_BETTER',
      cadence: 'MONTHLY',
      scope: 'UNIT',
      scopeId: belawan,
      status: 'ACTIVE',
      version: 1,
      unit: { name: 'Kecamatan Medan Belawan' },
      employee: null,
      latestMeasurement: null,
      achievement: null,
      measurements: { totalCount: 0 },
    });
  });

  it("creates an EMPLOYEE indicator in the employee's unit", async () => {
    const employee = organization.employees.find((e) => e.unitId === 'medan-belawan1');
    if (!employee) throw new Error('no demo employee');
    const res = await app.request<Created>(
      CREATE,
      {
        input: indicatorInput({
          scope: 'EMPLOYEE',
          unitId: null,
          employeeId: toGlobalId('Employee', 'medan', employee.id),
        }),
      },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createPerformanceIndicator).toMatchObject({
      scope: 'EMPLOYEE',
      scopeId: toGlobalId('Employee', 'medan', employee.id),
      unit: { name: 'Kelurahan Belawan I' },
      employee: { name: employee.name },
    });
  });

  it('keeps the program of a PROGRAM indicator as its subject, in the responsible unit', async () => {
    const programId = toGlobalId('TrainingProgram', 'medan', 'program-1');
    const res = await app.request<Created>(
      CREATE,
      { input: indicatorInput({ scope: 'PROGRAM', programId, unitId: unitId('medan-bkpsdm') }) },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createPerformanceIndicator).toMatchObject({
      scope: 'PROGRAM',
      scopeId: programId,
      unit: { name: 'BKPSDM Kota Medan' },
      employee: null,
    });
  });

  it.each([
    ['a code with a space', { code: 'IKU 01' }, 'input.code'],
    ['a UNIT scope without unit', { unitId: null }, 'input.unitId'],
    [
      'a UNIT scope with an employee',
      { employeeId: toGlobalId('Employee', 'medan', 'x') },
      'input.employeeId',
    ],
    ['an EMPLOYEE scope without employee', { scope: 'EMPLOYEE', unitId: null }, 'input.employeeId'],
    ['a PROGRAM scope without program', { scope: 'PROGRAM' }, 'input.programId'],
    ['a unit that does not exist', { unitId: unitId('medan-nowhere') }, 'input.unitId'],
    [
      'an employee that does not exist',
      { scope: 'EMPLOYEE', unitId: null, employeeId: toGlobalId('Employee', 'medan', 'nobody') },
      'input.employeeId',
    ],
    [
      'a unit id of another type',
      { unitId: toGlobalId('Employee', 'medan', 'medan-belawan') },
      'input.unitId',
    ],
    ['an empty unit of measure', { unitOfMeasure: '  ' }, 'input.unitOfMeasure'],
  ])('refuses %s with BAD_USER_INPUT on its field and writes nothing', async (_, overrides, field) => {
    await expectRefused(CREATE, { input: indicatorInput(overrides) }, adminOf('medan'), {
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('refuses a code already used in the agency (any case) with CONFLICT, but not in another agency', async () => {
    await expectRefused(CREATE, { input: indicatorInput({ code: 'iku-blw-01' }) }, adminOf('medan'), {
      code: 'CONFLICT',
      field: 'input.code',
    });
    const elsewhere = await app.request(
      CREATE,
      { input: indicatorInput({ code: 'IKU-BLW-01', unitId: unitId('binjai-dinkes') }) },
      { claims: adminOf('binjai') },
    );
    expect(elsewhere.errors).toBeUndefined();
  });

  it('returns the first indicator for a retried idempotency key, and CONFLICT for the key with other input', async () => {
    const input = indicatorInput({ idempotencyKey: 'indicator-retry-0001' });
    const first = await app.request<Created>(CREATE, { input }, { claims: adminOf('medan') });
    const retry = await app.request<Created>(CREATE, { input }, { claims: adminOf('medan') });
    expect(first.errors).toBeUndefined();
    expect(retry.data?.createPerformanceIndicator.id).toBe(first.data?.createPerformanceIndicator.id);
    await expectRefused(CREATE, { input: { ...input, target: 2 } }, adminOf('medan'), {
      code: 'CONFLICT',
      field: 'input.idempotencyKey',
    });
  });

  it.each([
    ['a unit head', headOf('medan-belawan'), 'FORBIDDEN'],
    ['the public', undefined, 'UNAUTHENTICATED'],
    ["another agency's admin", adminOf('binjai'), 'FORBIDDEN'],
  ])('refuses %s defining an indicator of Medan', async (_, claims, code) => {
    await expectRefused(CREATE, { input: indicatorInput() }, claims, { code });
  });

  it('updates with the current version, clears the description, and refuses a stale version with CONFLICT', async () => {
    const id = await createIndicator({ description: 'Definisi awal' });
    const ok = await app.request<{ updatePerformanceIndicator: Record<string, unknown> }>(
      UPDATE,
      { input: { id, version: 1, target: 2.5, description: null } },
      { claims: adminOf('medan') },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updatePerformanceIndicator).toMatchObject({ target: 2.5, description: null, version: 2 });
    await expectRefused(UPDATE, { input: { id, version: 1, target: 9 } }, adminOf('medan'), {
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 2,
    });
    await expectRefused(UPDATE, { input: { id, version: 2, target: 9 } }, adminOf('binjai'), {
      code: 'FORBIDDEN',
    });
  });
});

describe('reading indicators', () => {
  const blw01 = demo.indicators.find((i) => i.code === 'IKU-BLW-01');
  if (!blw01) throw new Error('no demo indicator IKU-BLW-01');
  const blw01Id = indicatorId('medan', blw01.id);

  it('shows measurements newest period first, the latest one and its achievement honouring the direction', async () => {
    const history = demo.measurements.filter((m) => m.indicatorId === blw01.id);
    const latest = history.reduce((a, b) => (a.period > b.period ? a : b));
    const res = await app.request<{
      performanceIndicator: {
        achievement: number;
        latestMeasurement: { period: string; value: number };
        measurements: { totalCount: number; edges: { node: { period: string } }[] };
      };
    }>(
      `query($id: ID!) { performanceIndicator(id: $id) {
        achievement latestMeasurement { period value }
        measurements(first: 100) { totalCount edges { node { period } } }
      } }`,
      { id: blw01Id },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    const indicator = res.data?.performanceIndicator;
    const periods = indicator?.measurements.edges.map((e) => e.node.period) ?? [];
    expect(indicator?.measurements.totalCount).toBe(24);
    expect(periods).toEqual(
      history
        .map((m) => m.period)
        .sort()
        .reverse(),
    );
    expect(indicator?.latestMeasurement).toEqual({ period: latest.period, value: latest.value });
    expect(indicator?.achievement).toBe(
      achievementPercent({ direction: 'LOWER_IS_BETTER', target: blw01.target, actual: latest.value }),
    );
  });

  it('finds an indicator by node(id), and refuses it to another agency with FORBIDDEN', async () => {
    const res = await app.request<{ node: { code: string } }>(
      'query($id: ID!) { node(id: $id) { ... on PerformanceIndicator { code } } }',
      { id: blw01Id },
      { claims: adminOf('medan') },
    );
    expect(res.data?.node).toEqual({ code: 'IKU-BLW-01' });
    const other = await app.request(
      'query($id: ID!) { performanceIndicator(id: $id) { code } }',
      { id: blw01Id },
      { claims: adminOf('binjai') },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a code prefix', { codePrefix: 'iku-plj' }, ['IKU-PLJ-01', 'IKU-PLJ-02', 'IKU-PLJ-03']],
    ['a unit', { unitId: unitId('palembang-pkm-plaju') }, ['IKU-PLJ-02']],
    [
      'a unit and a code prefix',
      { unitId: unitId('palembang-plaju'), codePrefix: 'IKU-PLJ-03' },
      ['IKU-PLJ-03'],
    ],
    ['a scope', { scope: 'EMPLOYEE' }, []],
    ['a status', { status: 'RETIRED' }, []],
  ])('filters the indicators of the agency by %s, by code', async (_, filter, codes) => {
    const res = await app.request<{
      performanceIndicators: { totalCount: number; edges: { node: { code: string } }[] };
    }>(
      'query($filter: PerformanceIndicatorFilter) { performanceIndicators(filter: $filter) { totalCount edges { node { code } } } }',
      { filter },
      { claims: adminOf('palembang') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.performanceIndicators.edges.map((e) => e.node.code)).toEqual(codes);
    expect(res.data?.performanceIndicators.totalCount).toBe(codes.length);
  });

  it("lists a unit's indicators page by page, each once", async () => {
    const expected = demo.indicators.filter((i) => i.unitId === 'binjai-dinkes').map((i) => i.code);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse<{
        unit: {
          indicators: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { code: string } }[];
          };
        };
      }> = await app.request(
        'query($id: ID!, $after: String) { unit(id: $id) { indicators(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code } } } } }',
        { id: unitId('binjai-dinkes'), after },
        { claims: adminOf('binjai') },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data?.unit.indicators;
      seen.push(...(page?.edges.map((e) => e.node.code) ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    // Binjai's admin created IKU-BLW-01 in Dinas Kesehatan above; the demo has IKU-BNJ-01 there.
    expect(seen).toEqual([...expected, 'IKU-BLW-01'].sort());
  });

  it("refuses another agency's unit in the filter with FORBIDDEN", async () => {
    const res = await app.request(
      'query($filter: PerformanceIndicatorFilter) { performanceIndicators(filter: $filter) { totalCount } }',
      { filter: { unitId: belawan } },
      { claims: adminOf('binjai') },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('recording measurements', () => {
  it('records a monthly value with its Indonesian label, period dates and achievement', async () => {
    const id = await createIndicator();
    const res = await app.request<{ recordMeasurement: Record<string, unknown> }>(
      RECORD,
      { input: { indicatorId: id, period: '2026-10', value: 4, note: '  Dua loket ditutup  ' } },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordMeasurement).toEqual({
      period: '2026-10',
      periodLabel: 'Oktober 2026',
      start: '2026-10-01',
      end: '2026-10-31',
      value: 4,
      note: 'Dua loket ditutup',
      // Lower is better: 4 days against a target of 3 is 100 - 33.33.
      achievementPercent: 66.67,
      recordedAt: NOW.toISOString(),
      indicator: { code: expect.stringMatching(/^IKU-TST-/) },
    });
  });

  it('takes quarter periods for a quarterly indicator, case-insensitively', async () => {
    const id = await createIndicator({ cadence: 'QUARTERLY', direction: 'HIGHER_IS_BETTER', target: 80 });
    const res = await app.request<{ recordMeasurement: Record<string, unknown> }>(
      RECORD,
      { input: { indicatorId: id, period: '2026-q3', value: 88 } },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordMeasurement).toMatchObject({
      period: '2026-Q3',
      periodLabel: 'Triwulan III 2026',
      start: '2026-07-01',
      end: '2026-09-30',
      achievementPercent: 110,
    });
  });

  it.each([
    ['a quarter for a monthly indicator', '2026-Q3', 'MONTH'],
    ['a year for a monthly indicator', '2026', 'MONTH'],
    ['month 13', '2026-13', 'month 13'],
    ['text that is no period', 'Juli 2026', 'not a period'],
    ['a month that has not started', '2026-12', 'not started'],
  ])('refuses %s with BAD_USER_INPUT on input.period and writes nothing', async (_, period, reason) => {
    const id = await createIndicator();
    const res = await expectRefused(
      RECORD,
      { input: { indicatorId: id, period, value: 5 } },
      adminOf('medan'),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.period',
      },
    );
    expect(String(res.errors?.[0]?.extensions?.reason)).toContain(reason);
  });

  it('refuses a second value for a period with CONFLICT and keeps the first', async () => {
    const id = await createIndicator();
    await app.request(
      RECORD,
      { input: { indicatorId: id, period: '2026-09', value: 5 } },
      { claims: adminOf('medan') },
    );
    await expectRefused(
      RECORD,
      { input: { indicatorId: id, period: '2026-09', value: 2 } },
      adminOf('medan'),
      {
        code: 'CONFLICT',
        field: 'input.period',
      },
    );
    const res = await app.request<{ performanceIndicator: { latestMeasurement: { value: number } } }>(
      'query($id: ID!) { performanceIndicator(id: $id) { latestMeasurement { value } } }',
      { id },
      { claims: adminOf('medan') },
    );
    expect(res.data?.performanceIndicator.latestMeasurement.value).toBe(5);
  });

  it('stores exactly one of many concurrent values for the same period', async () => {
    const id = await createIndicator();
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) =>
        app.request<{ recordMeasurement: { value: number } }>(
          RECORD,
          { input: { indicatorId: id, period: '2026-08', value } },
          { claims: adminOf('medan') },
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(5);
    const res = await app.request<{
      performanceIndicator: { measurements: { totalCount: number; edges: { node: { value: number } }[] } };
    }>(
      'query($id: ID!) { performanceIndicator(id: $id) { measurements { totalCount edges { node { value } } } } }',
      { id },
      { claims: adminOf('medan') },
    );
    expect(res.data?.performanceIndicator.measurements.totalCount).toBe(1);
    expect(res.data?.performanceIndicator.measurements.edges[0]?.node.value).toBe(
      winners[0]?.data?.recordMeasurement.value,
    );
  });

  it("lets the head of the indicator's unit record, and nobody else but an admin of the agency", async () => {
    const id = await createIndicator();
    const byHead = await app.request(
      RECORD,
      { input: { indicatorId: id, period: '2026-07', value: 4 } },
      { claims: headOf('medan-belawan') },
    );
    expect(byHead.errors).toBeUndefined();
    const input = { indicatorId: id, period: '2026-06', value: 4 };
    await expectRefused(RECORD, { input }, headOf('medan-bappeda'), { code: 'FORBIDDEN' });
    await expectRefused(RECORD, { input }, employeeOf('medan-belawan'), { code: 'FORBIDDEN' });
    await expectRefused(RECORD, { input }, adminOf('binjai'), { code: 'FORBIDDEN' });
    await expectRefused(RECORD, { input }, undefined, { code: 'UNAUTHENTICATED' });
  });

  it('refuses values for a retired indicator', async () => {
    const id = await createIndicator();
    await app.request(UPDATE, { input: { id, version: 1, status: 'RETIRED' } }, { claims: adminOf('medan') });
    await expectRefused(
      RECORD,
      { input: { indicatorId: id, period: '2026-10', value: 3 } },
      adminOf('medan'),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.indicatorId',
      },
    );
  });
});
