import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Employee } from '../../src/domain/employee';
import { formatPnsNip, formatPppkNip } from '../../src/domain/nip';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

// Today is 1 November 2026 (WIB); NIPs below are built relative to it.
const NOW = new Date('2026-11-01T03:00:00.000Z');
const ADMIN = { claims: adminOf('medan') };
const belawan = toGlobalId('Unit', 'medan', 'medan-belawan');
let app: TestApp;
let serial = 100;

const CREATE = `mutation($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id version golongan education highestRegularGolongan serviceStartDate
    gradeException { reason note golongan recordedAt } }
}`;
const UPDATE = `mutation($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) { id version golongan education gradeException { reason golongan } }
}`;

/** A PNS who began service `years` years before today (TMT in November). */
function pnsNip(years: number, birth = '1990-05-05'): string {
  serial += 1;
  return formatPnsNip(birth, `${2026 - years}-11`, 'MALE', serial);
}

const input = (overrides: Record<string, unknown> = {}) => ({
  nip: pnsNip(3),
  name: 'Budi Santoso, S.Kom.',
  unitId: belawan,
  employmentType: 'PNS',
  golongan: 'III_A',
  education: 'S1',
  position: { title: 'Pranata Komputer Ahli Pertama', type: 'FUNCTIONAL' },
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
  return app.request<{ createEmployee: Record<string, unknown> & { id: string; version: number } }>(
    CREATE,
    { input: input(overrides) },
    ADMIN,
  );
}

async function refusedWithoutWriting(overrides: Record<string, unknown>) {
  const before = await tableSnapshot(app);
  const res = await create(overrides);
  expect(await tableSnapshot(app)).toEqual(before);
  return res.errors?.[0]?.extensions ?? {};
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: ['medan'] });
});
afterAll(() => app.close());

describe('education on createEmployee', () => {
  it('is required: BAD_USER_INPUT naming input.education, nothing written', async () => {
    const refusal = await refusedWithoutWriting({ education: undefined });
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.education' });
    expect(refusal.reason).toContain('pendidikan terakhir');
  });

  it('may not lie below the titles in the name', async () => {
    const kom = await refusedWithoutWriting({
      education: 'SMA',
      position: { title: 'Operator', type: 'EXECUTOR' },
      golongan: 'II_A',
    });
    expect(kom).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.education' });
    expect(kom.reason).toContain('S.Kom.');
    const doctor = await refusedWithoutWriting({ name: 'Dr. Rina Lubis, S.E., M.Si.', education: 'S2' });
    expect(doctor.reason).toContain('Doktor (S-3)');
  });

  it('is read back with the highest golongan the regular path allows today', async () => {
    const res = await create({ nip: pnsNip(9) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createEmployee).toMatchObject({
      education: 'S1',
      golongan: 'III_A',
      highestRegularGolongan: 'III_C',
    });
  });
});

describe('golongan by education and years of service (one step per four years)', () => {
  it.each([
    ['an S1 holder as III/c after 3 years', { nip: pnsNip(3), golongan: 'III_C' }, 'at most III/a'],
    [
      'an SMA graduate as II/c after 7 years',
      {
        nip: pnsNip(7),
        golongan: 'II_C',
        education: 'SMA',
        name: 'Agus Pohan',
        position: { title: 'Pengadministrasi Perkantoran', type: 'EXECUTOR' },
      },
      'at most II/b',
    ],
    ['a new S2 holder as III/c', { nip: pnsNip(0), golongan: 'III_C', education: 'S2' }, 'at most III/b'],
  ])('refuses %s, saying what the rule allows', async (_, overrides, allowed) => {
    const refusal = await refusedWithoutWriting(overrides);
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.golongan' });
    expect(refusal.reason).toContain(allowed);
  });

  it.each([
    ['an S1 holder as III/c after 8 years', { nip: pnsNip(8), golongan: 'III_C' }],
    [
      'a new S3 holder as III/c',
      { nip: pnsNip(0), golongan: 'III_C', education: 'S3', name: 'Dr. Hendra Siregar, M.Si.' },
    ],
    ['an S1 holder in a lower grade than the entry one', { nip: pnsNip(1), golongan: 'II_C' }],
  ])('accepts %s', async (_, overrides) => {
    expect((await create(overrides)).errors).toBeUndefined();
  });

  it('accepts a golongan beyond the path with a documented exception, stores it and logs it in the audit log', async () => {
    const exception = { reason: 'OUTSTANDING_ACHIEVEMENT', note: 'SK Wali Kota Medan No. 800/77/2026' };
    const res = await create({ nip: pnsNip(3), golongan: 'III_C', gradeException: exception });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createEmployee.gradeException).toEqual({
      ...exception,
      golongan: 'III_C',
      recordedAt: NOW.toISOString(),
    });
    const audit = await app.request<{ auditLog: { edges: { node: { mutation: string; input: string } }[] } }>(
      'query($id: ID!) { auditLog(filter: { targetId: $id }) { edges { node { mutation input } } } }',
      { id: res.data?.createEmployee.id },
      ADMIN,
    );
    const [entry] = audit.data?.auditLog.edges ?? [];
    expect(entry?.node.mutation).toBe('createEmployee');
    expect(JSON.parse(entry?.node.input ?? '{}').gradeException).toEqual(exception);
  });

  it('refuses an exception on a PPPK and a note that names no document', async () => {
    const pppk = await refusedWithoutWriting({
      nip: formatPppkNip('1995-01-01', 2024, 1, 'MALE', 901),
      employmentType: 'PPPK',
      golongan: undefined,
      pppkGrade: 'IX',
      gradeException: { reason: 'OTHER', note: 'SK 1/2026' },
    });
    expect(pppk).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gradeException' });
    const bare = await refusedWithoutWriting({
      golongan: 'III_C',
      gradeException: { reason: 'OTHER', note: 'ok' },
    });
    expect(bare).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gradeException.note' });
  });
});

describe('promotions and changes (updateEmployee)', () => {
  it('refuses a promotion beyond the path, accepts it with an exception, then keeps the exception with its golongan', async () => {
    const created = await create({ nip: pnsNip(5) });
    const id = created.data?.createEmployee.id;
    const within = await app.request<{ updateEmployee: { version: number } }>(
      UPDATE,
      { input: { id, version: 1, golongan: 'III_B' } },
      ADMIN,
    );
    expect(within.errors).toBeUndefined();
    const before = await tableSnapshot(app);
    const beyond = await app.request(UPDATE, { input: { id, version: 2, golongan: 'III_C' } }, ADMIN);
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.golongan' });
    expect(String(beyond.errors?.[0]?.extensions?.reason)).toContain('at most III/b');
    expect(await tableSnapshot(app)).toEqual(before);
    const merit = await app.request<{ updateEmployee: Record<string, unknown> }>(
      UPDATE,
      {
        input: {
          id,
          version: 2,
          golongan: 'III_C',
          gradeException: { reason: 'POSITION', note: 'SK Kenaikan Pangkat Pilihan 823/12' },
        },
      },
      ADMIN,
    );
    expect(merit.data?.updateEmployee).toMatchObject({
      golongan: 'III_C',
      gradeException: { reason: 'POSITION', golongan: 'III_C' },
    });
    const renamed = await app.request<{ updateEmployee: Record<string, unknown> }>(
      UPDATE,
      { input: { id, version: 3, name: 'Budi Santoso Lubis, S.Kom.' } },
      ADMIN,
    );
    expect(renamed.data?.updateEmployee).toMatchObject({ version: 4, gradeException: { golongan: 'III_C' } });
    const further = await app.request(UPDATE, { input: { id, version: 4, golongan: 'III_D' } }, ADMIN);
    expect(further.errors?.[0]?.extensions).toMatchObject({ field: 'input.golongan' });
    const demoted = await app.request<{ updateEmployee: Record<string, unknown> }>(
      UPDATE,
      { input: { id, version: 4, golongan: 'III_A' } },
      ADMIN,
    );
    expect(demoted.data?.updateEmployee).toMatchObject({ golongan: 'III_A', gradeException: null });
  });

  it('refuses an Ahli post for a diploma holder, and an education below the Ahli post held', async () => {
    const created = await create({
      nip: pnsNip(6),
      name: 'Rina Harahap, A.Md.',
      education: 'D_III',
      golongan: 'II_D',
      position: { title: 'Arsiparis Terampil', type: 'FUNCTIONAL' },
    });
    const id = created.data?.createEmployee.id;
    const ahli = await app.request(
      UPDATE,
      { input: { id, version: 1, position: { title: 'Arsiparis Ahli Pertama', type: 'FUNCTIONAL' } } },
      ADMIN,
    );
    expect(ahli.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
    expect(String(ahli.errors?.[0]?.extensions?.reason)).toContain('at least S1/D-IV');
    const graduated = await app.request<{ updateEmployee: Record<string, unknown> }>(
      UPDATE,
      {
        input: {
          id,
          version: 1,
          name: 'Rina Harahap, S.Tr.Kes.',
          education: 'D_IV',
          position: { title: 'Arsiparis Ahli Pertama', type: 'FUNCTIONAL' },
        },
      },
      ADMIN,
    );
    expect(graduated.errors).toBeUndefined();
    const downgraded = await app.request(
      UPDATE,
      { input: { id, version: 2, name: 'Rina Harahap', education: 'SMA' } },
      ADMIN,
    );
    expect(downgraded.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.education',
    });
  });

  it('lets a record from before education was kept change freely, but asks for the education before a promotion', async () => {
    const legacy: Employee = {
      agencyId: 'medan',
      id: 'legacy-0001',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      nip: pnsNip(10),
      name: 'Joko Nasution',
      gender: 'MALE',
      birthDate: '1990-05-05',
      employmentType: 'PNS',
      golongan: 'II_B',
      position: { title: 'Pengadministrasi Perkantoran', type: 'EXECUTOR' },
      unitId: 'medan-belawan',
      status: 'ACTIVE',
      serviceStartDate: '2016-11-01',
    };
    await app.deps.repositories.employees.create(legacy, NOW);
    const id = toGlobalId('Employee', 'medan', legacy.id);
    const missing = await app.request<{
      employees: { edges: { node: { id: string; education: string | null } }[] };
    }>(
      'query { employees(filter: { educationRecorded: false }, first: 100) { edges { node { id education } } } }',
      {},
      ADMIN,
    );
    expect(missing.data?.employees.edges.map((e) => e.node)).toContainEqual({ id, education: null });
    const renamed = await app.request(
      UPDATE,
      { input: { id, version: 1, name: 'Joko Nasution Lubis' } },
      ADMIN,
    );
    expect(renamed.errors).toBeUndefined();
    const promoted = await app.request(UPDATE, { input: { id, version: 2, golongan: 'II_C' } }, ADMIN);
    expect(promoted.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.education',
    });
    const withEducation = await app.request<{ updateEmployee: Record<string, unknown> }>(
      UPDATE,
      { input: { id, version: 2, golongan: 'II_C', education: 'SMA' } },
      ADMIN,
    );
    expect(withEducation.data?.updateEmployee).toMatchObject({ golongan: 'II_C', education: 'SMA' });
  });
});

describe('NIP against today and the hire date', () => {
  it.each([
    [
      'a PNS who turns 18 on the 15th of the TMT month',
      {
        nip: formatPnsNip('2007-10-15', '2025-10', 'FEMALE', 501),
        golongan: 'II_A',
        education: 'SMA',
        name: 'Putri Ginting',
        position: { title: 'Operator Layanan Operasional', type: 'EXECUTOR' },
      },
      'input.nip',
      'AGE_AT_START',
    ],
    [
      'a birth date in the future',
      { nip: formatPnsNip('2026-12-01', '2027-12', 'MALE', 502) },
      'input.nip',
      'BIRTH_DATE',
    ],
    [
      'a TMT the year after next',
      { nip: formatPnsNip('1990-01-01', '2028-01', 'MALE', 503) },
      'input.nip',
      'beyond next year',
    ],
    [
      'a PPPK appointed in 2018',
      {
        nip: formatPppkNip('1990-01-01', 2018, 1, 'MALE', 504),
        employmentType: 'PPPK',
        golongan: undefined,
        pppkGrade: 'IX',
      },
      'input.nip',
      'no start before 2019',
    ],
    [
      'a PPPK hired before turning 18',
      {
        nip: formatPppkNip('2006-06-10', 2024, 1, 'MALE', 505),
        employmentType: 'PPPK',
        golongan: undefined,
        pppkGrade: 'V',
        education: 'SMA',
        name: 'Fajar Lubis',
        position: { title: 'Operator Layanan Operasional', type: 'EXECUTOR' },
        serviceStartDate: '2024-06-09',
      },
      'input.serviceStartDate',
      'hire date',
    ],
    [
      'a PPPK hire date outside the NIP year',
      {
        nip: formatPppkNip('1990-01-01', 2024, 1, 'MALE', 506),
        employmentType: 'PPPK',
        golongan: undefined,
        pppkGrade: 'IX',
        serviceStartDate: '2025-02-01',
      },
      'input.serviceStartDate',
      'start year in the NIP',
    ],
  ])('refuses %s', async (_, overrides, field, reason) => {
    const refusal = await refusedWithoutWriting(overrides);
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refusal.reason).toContain(reason);
  });

  it('accepts a PNS who turns 18 on the 1st of the TMT month, and a PPPK hired on the 18th birthday', async () => {
    const pns = await create({
      nip: formatPnsNip('2007-10-01', '2025-10', 'FEMALE', 511),
      golongan: 'II_A',
      education: 'SMA',
      name: 'Putri Ginting',
      position: { title: 'Operator Layanan Operasional', type: 'EXECUTOR' },
    });
    expect(pns.errors).toBeUndefined();
    const pppk = await create({
      nip: formatPppkNip('2006-06-10', 2024, 1, 'MALE', 512),
      employmentType: 'PPPK',
      golongan: undefined,
      pppkGrade: 'V',
      education: 'SMA',
      name: 'Fajar Lubis',
      position: { title: 'Operator Layanan Operasional', type: 'EXECUTOR' },
      serviceStartDate: '2024-06-10',
    });
    expect(pppk.data?.createEmployee).toMatchObject({ serviceStartDate: '2024-06-10' });
  });
});
