import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { importDepsOf } from '../../src/import/import-deps';
import { importFile } from '../../src/import/import-file';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let app: TestApp;
const admin = { claims: adminOf('medan') };

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code name kind version parent { code } region { code } } }`;
const UPDATE_UNIT = `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id code name version } }`;
const CREATE_PROGRAM = `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id code version } }`;
const UPDATE_PROGRAM = `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { id code version } }`;

type Unit = { id: string; code: string; name: string; version: number };
const program = (code?: string) => ({
  ...(code === undefined ? {} : { code }),
  title: 'Pelatihan Kode Program',
  category: 'TECHNICAL',
  format: 'CLASSROOM',
  jp: 24,
  startDate: '2026-12-01',
  endDate: '2026-12-03',
  capacity: 10,
  costPerParticipant: 0,
});

async function createUnit(input: Record<string, unknown>) {
  return app.request<{ createUnit: Unit }>(CREATE_UNIT, { input }, admin);
}
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('unit codes', () => {
  it('creates a unit under an upper-cased code, in its parent and the parent region', async () => {
    const parent = toGlobalId('Unit', 'medan', 'medan-belawan');
    const res = await createUnit({
      code: ' seksi-umum.01 ',
      name: 'Seksi Umum',
      kind: 'DIVISION',
      parentId: parent,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createUnit).toMatchObject({ code: 'SEKSI-UMUM.01', name: 'Seksi Umum', version: 1 });
  });

  it('refuses a second unit with the same code (any case) with CONFLICT and writes nothing', async () => {
    const before = await tableSnapshot(app);
    const res = await createUnit({ code: 'Seksi-Umum.01', name: 'Seksi Lain', kind: 'DIVISION' });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(fieldOf(res)).toBe('input.code');
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses a malformed code as BAD_USER_INPUT on input.code', async () => {
    const res = await createUnit({ code: 'kode unit!', name: 'Seksi Spasi', kind: 'DIVISION' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('input.code');
  });

  it('moves the code on update: the old code is free again, a taken one is a CONFLICT', async () => {
    const a = (await createUnit({ code: 'UNIT-A', name: 'Unit A', kind: 'BADAN' })).data?.createUnit as Unit;
    const b = (await createUnit({ code: 'UNIT-B', name: 'Unit B', kind: 'BADAN' })).data?.createUnit as Unit;
    const taken = await app.request(UPDATE_UNIT, { input: { id: b.id, version: 1, code: 'unit-a' } }, admin);
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(fieldOf(taken)).toBe('input.code');
    const moved = await app.request<{ updateUnit: Unit }>(
      UPDATE_UNIT,
      { input: { id: a.id, version: 1, code: 'UNIT-A2' } },
      admin,
    );
    expect(moved.data?.updateUnit).toMatchObject({ code: 'UNIT-A2', version: 2 });
    const reuse = await app.request<{ updateUnit: Unit }>(
      UPDATE_UNIT,
      { input: { id: b.id, version: 1, code: 'UNIT-A' } },
      admin,
    );
    expect(reuse.data?.updateUnit.code).toBe('UNIT-A');
    const stale = await app.request(
      UPDATE_UNIT,
      { input: { id: a.id, version: 1, name: 'Unit A Baru' } },
      admin,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(fieldOf(stale)).toBe('input.version');
  });

  it('gives exactly one of two concurrent creates with the same code', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => createUnit({ code: 'RACE-1', name: `Balapan ${n}`, kind: 'DIVISION' })),
    );
    expect(results.filter((r) => r.data?.createUnit).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(2);
  });

  it('lets only administrators create units', async () => {
    const res = await app.request(
      CREATE_UNIT,
      { input: { code: 'X-1', name: 'Unit X', kind: 'DIVISION' } },
      {
        claims: { sub: 'emp', 'cognito:groups': ['EMPLOYEE'], agency_id: 'medan', employee_id: 'someone' },
      },
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('lets an import find a unit created through the API by its code', async () => {
    await createUnit({ code: 'API-UNIT', name: 'Bidang Dari API', kind: 'DIVISION' });
    const csv =
      'NIP,Nama,Jenis Kelamin,Tanggal Lahir,Jenis Pegawai,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,Pendidikan\n' +
      '199001012015031002,Budi Santoso,L,1990-01-01,PNS,III/a,Analis,Pelaksana,api-unit,S1\n';
    const { report } = await importFile(
      { ...importDepsOf(app.deps), clock: () => NOW, newId: () => 'imported-emp-1' },
      {
        agencyId: 'medan',
        kind: 'employees',
        mode: 'ALL_OR_NOTHING',
        dryRun: false,
        open: async () => Readable.from([Buffer.from(csv)]),
      },
    );
    expect(report.rejections).toEqual([]);
    expect(report.created).toBe(1);
  });
});

describe('program codes', () => {
  it('stores a program code, refuses a duplicate with CONFLICT and frees a code it moves away from', async () => {
    const first = await app.request<{ createTrainingProgram: Unit }>(
      CREATE_PROGRAM,
      { input: program('pkp-01') },
      admin,
    );
    expect(first.data?.createTrainingProgram).toMatchObject({ code: 'PKP-01', version: 1 });
    const before = await tableSnapshot(app);
    const dup = await app.request(CREATE_PROGRAM, { input: program('PKP-01') }, admin);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(fieldOf(dup)).toBe('input.code');
    expect(await tableSnapshot(app)).toEqual(before);
    const id = first.data?.createTrainingProgram.id;
    const moved = await app.request<{ updateTrainingProgram: Unit }>(
      UPDATE_PROGRAM,
      { input: { id, version: 1, code: 'PKP-02' } },
      admin,
    );
    expect(moved.data?.updateTrainingProgram).toMatchObject({ code: 'PKP-02', version: 2 });
    const again = await app.request<{ createTrainingProgram: Unit }>(
      CREATE_PROGRAM,
      { input: program('PKP-01') },
      admin,
    );
    expect(again.data?.createTrainingProgram.code).toBe('PKP-01');
    const taken = await app.request(UPDATE_PROGRAM, { input: { id, version: 2, code: 'PKP-01' } }, admin);
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(fieldOf(taken)).toBe('input.code');
  });

  it('still creates a program without a code (null code)', async () => {
    const res = await app.request<{ createTrainingProgram: Unit }>(
      CREATE_PROGRAM,
      { input: program() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTrainingProgram.code).toBeNull();
  });
});
