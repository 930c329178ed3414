import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

interface EmployeePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { nip: string } }[];
}

const NOW = new Date('2026-11-01T00:00:00.000Z');
let app: TestApp;
const demo = buildDemoOrganization(NOW);
const medanUnit = demo.units.find((u) => u.id === 'medan-belawan');
const belawanId = toGlobalId('Unit', 'medan', 'medan-belawan');

const CREATE = `mutation Create($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id nip name gender birthDate serviceStartDate employmentType golongan rank { label pangkat } version unit { name } }
}`;
const UPDATE = `mutation Update($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) { id name golongan version }
}`;

const validInput = (overrides: Record<string, unknown> = {}) => ({
  nip: '199001012015031002',
  name: 'Budi Santoso, S.Kom.',
  unitId: belawanId,
  employmentType: 'PNS',
  golongan: 'III_B',
  position: { title: 'Pranata Komputer Ahli Pertama', type: 'FUNCTIONAL' },
  education: 'S1',
  ...overrides,
});

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('reading employees', () => {
  it('lists every employee of the caller agency across pages, once each, with totalCount', async () => {
    const expected = demo.employees
      .filter((e) => e.agencyId === 'medan')
      .map((e) => e.nip)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const res: GraphQLResponse<{ employees: EmployeePage }> = await app.request(
        'query($after: String) { employees(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { nip } } } }',
        { after },
        { claims: adminOf('medan') },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data?.employees;
      if (!page) throw new Error('no page');
      totalCount = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.nip));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(expected.length);
    expect(seen.sort()).toEqual(expected);
  });

  it('filters a unit by golongan and name prefix', async () => {
    const inUnit = demo.employees.filter((e) => e.unitId === 'medan-belawan' && e.employmentType === 'PNS');
    const res = await app.request<{
      unit: { employees: { totalCount: number; edges: { node: { nip: string } }[] } };
    }>(
      'query($id: ID!) { unit(id: $id) { employees(filter: { employmentType: PNS }, first: 100) { totalCount edges { node { nip } } } } }',
      { id: belawanId },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.unit.employees.totalCount).toBe(inUnit.length);
    expect(res.data?.unit.employees.edges.map((e) => e.node.nip).sort()).toEqual(
      inUnit.map((e) => e.nip).sort(),
    );
  });

  it('filters the employee list by unit: for administrators, for the head of that unit, never across agencies', async () => {
    const inUnit = demo.employees.filter((e) => e.unitId === 'medan-belawan').map((e) => e.nip);
    const head = {
      sub: 'head-belawan',
      'cognito:groups': ['UNIT_HEAD'],
      agency_id: 'medan',
      unit_id: 'medan-belawan',
      employee_id: medanUnit?.headEmployeeId,
    };
    const query = `query($unitId: ID!) { employees(filter: { unitId: $unitId }, first: 100) {
      totalCount edges { node { nip } } } }`;
    for (const claims of [adminOf('medan'), head]) {
      const res = await app.request<{ employees: EmployeePage }>(query, { unitId: belawanId }, { claims });
      expect(res.errors).toBeUndefined();
      expect(res.data?.employees.totalCount).toBe(inUnit.length);
      expect(res.data?.employees.edges.map((e) => e.node.nip).sort()).toEqual(inUnit.sort());
    }
    const foreign = await app.request(query, { unitId: belawanId }, { claims: adminOf('binjai') });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('finds an employee by NIP and by global id', async () => {
    const target = demo.employees.find((e) => e.agencyId === 'medan' && e.unitId === medanUnit?.id);
    if (!target) throw new Error('no demo employee');
    const res = await app.request<{ employeeByNip: { id: string; name: string }; node: { name: string } }>(
      'query($nip: String!, $id: ID!) { employeeByNip(nip: $nip) { id name } node(id: $id) { ... on Employee { name } } }',
      { nip: target.nip, id: toGlobalId('Employee', 'medan', target.id) },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.employeeByNip).toEqual({
      id: toGlobalId('Employee', 'medan', target.id),
      name: target.name,
    });
    expect(res.data?.node.name).toBe(target.name);
  });

  it('refuses a tampered cursor and a cursor from another list with BAD_USER_INPUT on `after`', async () => {
    const first = await app.request<{ employees: { pageInfo: { endCursor: string } } }>(
      '{ employees(first: 2) { pageInfo { endCursor } } }',
      {},
      { claims: adminOf('medan') },
    );
    const cursor = first.data?.employees.pageInfo.endCursor ?? '';
    const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const [query, after] of [
      ['query($after: String) { employees(first: 2, after: $after) { totalCount } }', tampered],
      ['query($after: String) { units(first: 2, after: $after) { totalCount } }', cursor],
      ['query($after: String) { employees(first: 2, after: $after) { totalCount } }', 'not-a-cursor'],
    ] as const) {
      const res = await app.request(query, { after }, { claims: adminOf('medan') });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('refuses page sizes above 100', async () => {
    const res = await app.request(
      '{ employees(first: 101) { totalCount } }',
      {},
      { claims: adminOf('medan') },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses another agency record with FORBIDDEN before reading it', async () => {
    const other = demo.employees.find((e) => e.agencyId === 'medan');
    const res = await app.request(
      'query($id: ID!) { employee(id: $id) { name } }',
      { id: toGlobalId('Employee', 'medan', other?.id ?? '') },
      { claims: adminOf('binjai') },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.employee ?? null).toBeNull();
  });

  it('asks for a token (UNAUTHENTICATED) without one, and refuses a forged one with HTTP 401', async () => {
    const anonymous = await app.request('{ employees { totalCount } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await app.request(
      '{ employees { totalCount } }',
      {},
      { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    );
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('registering and changing employees', () => {
  it('derives gender, birth date and start of service from the NIP', async () => {
    const res = await app.request<{ createEmployee: Record<string, unknown> }>(
      CREATE,
      { input: validInput() },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createEmployee).toMatchObject({
      nip: '199001012015031002',
      gender: 'MALE',
      birthDate: '1990-01-01',
      serviceStartDate: '2015-03-01',
      golongan: 'III_B',
      rank: { label: 'III/b', pangkat: 'Penata Muda Tingkat I' },
      version: 1,
      unit: { name: 'Kecamatan Medan Belawan' },
    });
  });

  it.each([
    ['a wrong length', '1990010120150310', 'FORMAT'],
    ['an impossible birth date', '199002302015031003', 'BIRTH_DATE'],
    ['a TMT month 13', '199001012015131003', 'START_DATE'],
    ['gender digit 3', '199001012015033003', 'GENDER'],
    ['serial 000', '199001012015031000', 'SERIAL'],
    ['an employee of 15 at start', '200001012015031003', 'AGE_AT_START'],
  ])('refuses a NIP with %s, naming the part, and writes nothing', async (_, nip, part) => {
    const before = await tableSnapshot(app);
    const res = await app.request(CREATE, { input: validInput({ nip }) }, { claims: adminOf('medan') });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nip' });
    expect(String(res.errors?.[0]?.extensions?.reason)).toContain(part);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it.each([
    ['an unknown golongan', { golongan: 'V_Z' }, 'input.golongan'],
    ['an empty name', { name: ' ' }, 'input.name'],
    ['a PPPK grade on a PNS', { pppkGrade: 'IX' }, 'input.pppkGrade'],
    ['a unit id of another type', { unitId: toGlobalId('Employee', 'medan', 'x') }, 'input.unitId'],
    ['a unit that does not exist', { unitId: toGlobalId('Unit', 'medan', 'nope') }, 'input.unitId'],
  ])('refuses %s with BAD_USER_INPUT on its field and writes nothing', async (_, overrides, field) => {
    const before = await tableSnapshot(app);
    const res = await app.request(
      CREATE,
      { input: validInput({ nip: '199105052016042001', ...overrides }) },
      { claims: adminOf('medan') },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses a NIP already registered in the agency with CONFLICT', async () => {
    const existing = demo.employees.find((e) => e.agencyId === 'medan' && e.employmentType === 'PNS');
    const before = await tableSnapshot(app);
    const res = await app.request(
      CREATE,
      { input: validInput({ nip: existing?.nip, golongan: existing?.golongan }) },
      { claims: adminOf('medan') },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nip' });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('returns the first result for a retried idempotency key, and CONFLICT for the key with other input', async () => {
    const input = validInput({
      nip: '198812122014022001',
      name: 'Siti Lubis',
      idempotencyKey: 'create-siti-0001',
    });
    const first = await app.request<{ createEmployee: { id: string } }>(
      CREATE,
      { input },
      { claims: adminOf('medan') },
    );
    const retry = await app.request<{ createEmployee: { id: string } }>(
      CREATE,
      { input },
      { claims: adminOf('medan') },
    );
    expect(first.errors).toBeUndefined();
    expect(retry.data?.createEmployee.id).toBe(first.data?.createEmployee.id);
    const other = await app.request(
      CREATE,
      { input: { ...input, name: 'Someone Else' } },
      { claims: adminOf('medan') },
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
  });

  it('updates with the current version, and refuses a stale version with CONFLICT', async () => {
    const created = await app.request<{ createEmployee: { id: string } }>(
      CREATE,
      { input: validInput({ nip: '198703032012121001' }) },
      { claims: adminOf('medan') },
    );
    const id = created.data?.createEmployee.id;
    const ok = await app.request<{ updateEmployee: { version: number; golongan: string } }>(
      UPDATE,
      { input: { id, version: 1, golongan: 'III_C' } },
      { claims: adminOf('medan') },
    );
    expect(ok.data?.updateEmployee).toMatchObject({ version: 2, golongan: 'III_C' });
    const before = await tableSnapshot(app);
    const stale = await app.request(
      UPDATE,
      { input: { id, version: 1, name: 'Late Writer' } },
      { claims: adminOf('medan') },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 2,
    });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const created = await app.request<{ createEmployee: { id: string } }>(
      CREATE,
      { input: validInput({ nip: '198604042011011001' }) },
      { claims: adminOf('medan') },
    );
    const id = created.data?.createEmployee.id;
    const results = await Promise.all(
      ['Writer A', 'Writer B'].map((name) =>
        app.request<{ updateEmployee: { name: string } }>(
          UPDATE,
          { input: { id, version: 1, name } },
          { claims: adminOf('medan') },
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const stored = await app.request<{ employee: { name: string; version: number } }>(
      'query($id: ID!) { employee(id: $id) { name version } }',
      { id },
      { claims: adminOf('medan') },
    );
    expect(stored.data?.employee).toEqual({ name: winners[0]?.data?.updateEmployee.name, version: 2 });
  });
});
