import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

let app: TestApp;
let medanUnit: string;
let palembangUnit: string;
beforeAll(async () => {
  app = await createTestApp();
  await seedDemoData(app.deps.table, new Date(), 'organization');
  const unitOf = async (agencyId: string) => {
    const [unit] = await app.deps.repositories.organization.allUnits(agencyId);
    return toGlobalId('Unit', agencyId, unit?.id ?? '');
  };
  medanUnit = await unitOf('medan');
  palembangUnit = await unitOf('palembang');
});
afterAll(() => app.close());

const admin = { claims: adminOf('medan') };

function expectBadInput(res: GraphQLResponse, field: string, reason?: RegExp) {
  const error = res.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
  expect(error?.extensions?.field).toBe(field);
  if (reason) expect(String(error?.extensions?.reason)).toMatch(reason);
}

const CREATE_PROGRAM = `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id description } }`;
const program = (change: Record<string, unknown>) => ({
  input: {
    title: 'Pelatihan pelayanan publik',
    category: 'PUBLIC_SERVICE',
    format: 'CLASSROOM',
    jp: 8,
    startDate: '2026-05-04',
    endDate: '2026-05-05',
    capacity: 10,
    costPerParticipant: 0,
    ...change,
  },
});

describe('text fields', () => {
  it.each([
    ['a NUL', 'Pelatihan\u0000gelap'],
    ['a bell', 'Pelatihan\u0007'],
    ['a right-to-left override', 'Pelatihan \u202Eexe.fdp'],
    ['a bidi isolate', 'Pelatihan \u2067x'],
    ['a lone surrogate', 'Pelatihan \uD800'],
    ['a newline in a one-line title', 'Pelatihan\nbaru'],
  ])('refuses %s with BAD_USER_INPUT on the field, writing nothing', async (_, title) => {
    const before = await tableSnapshot(app);
    expectBadInput(await app.request(CREATE_PROGRAM, program({ title }), admin), 'input.title');
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('keeps newlines and tabs in multi-line text, and emoji (surrogate pairs)', async () => {
    const description = 'Hari 1:\n\tmanajemen waktu 🕒\r\nHari 2: komunikasi';
    const res = await app.request<{ createTrainingProgram: { description: string } }>(
      CREATE_PROGRAM,
      program({ description }),
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTrainingProgram.description).toBe(description);
  });

  it('refuses a NUL in multi-line text', async () => {
    expectBadInput(
      await app.request(CREATE_PROGRAM, program({ description: 'baris\u0000' }), admin),
      'input.description',
    );
  });
});

describe('dates and ranges', () => {
  it('refuses dates outside 1900-2100 (year 9999, year 1)', async () => {
    expectBadInput(
      await app.request(CREATE_PROGRAM, program({ startDate: '2026-05-04', endDate: '9999-12-31' }), admin),
      'input.endDate',
      /1900/,
    );
    const res = await app.request(
      'query($f: TrainingProgramFilter) { trainingPrograms(filter: $f) { totalCount } }',
      { f: { from: '0001-01-01' } },
      admin,
    );
    expectBadInput(res, 'filter.from');
  });

  it('refuses an inverted range', async () => {
    const res = await app.request(
      'query($f: TrainingProgramFilter) { trainingPrograms(filter: $f) { totalCount } }',
      { f: { from: '2026-05-01', to: '2026-04-01' } },
      admin,
    );
    expectBadInput(res, 'filter.to');
    const aggregate = await app.request(
      '{ aggregate(input: { measures: [ENROLLMENT_COUNT], filter: { from: "2026-05-01", to: "2026-04-01" } }) { totals { value } } }',
      {},
      admin,
    );
    expectBadInput(aggregate, 'input.filter.to');
  });
});

describe('NIP lookups', () => {
  it.each([
    ['too long for any key', '1'.repeat(3_000), /18 digits/],
    ['a birth month 13', '197813072010011001', /birth/i],
    ['a CPNS month 00', '197809072010001001', /./],
  ])('refuses a NIP %s with the part that is wrong', async (_, nip, reason) => {
    expectBadInput(
      await app.request('query($nip: String!) { employeeByNip(nip: $nip) { id } }', { nip }, admin),
      'nip',
      reason,
    );
  });
});

describe('global ids', () => {
  const hostile = [
    ['a prototype name as type', toGlobalId('__proto__', 'medan', 'x')],
    ['constructor as type', toGlobalId('constructor', 'medan', 'x')],
    ['a key separator in the id', toGlobalId('Unit', 'medan', 'x#Employee#y')],
    ['an id longer than a DynamoDB key', toGlobalId('Unit', 'medan', 'x'.repeat(2_100))],
    ['not base64url at all', '!!not-an-id!!'],
  ];

  it.each(hostile)('answers node(id) with null for %s', async (_, id) => {
    const res = await app.request('query($id: ID!) { node(id: $id) { id } }', { id }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null });
  });

  it.each(hostile)('refuses %s as a Unit id with BAD_USER_INPUT on the field', async (_, id) => {
    expectBadInput(await app.request('query($id: ID!) { unit(id: $id) { name } }', { id }, admin), 'id');
    expectBadInput(
      await app.request(CREATE_PROGRAM, program({ organizerUnitId: id }), admin),
      'input.organizerUnitId',
    );
  });

  it("keeps another tenant's record FORBIDDEN; a missing record is NOT_FOUND, a missing reference names its field", async () => {
    const other = await app.request(CREATE_PROGRAM, program({ organizerUnitId: palembangUnit }), admin);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missingProgram = toGlobalId('TrainingProgram', 'medan', 'no-such-program');
    const update = await app.request(
      'mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { id } }',
      { input: { id: missingProgram, version: 1, title: 'Judul baru' } },
      admin,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missingUnit = toGlobalId('Unit', 'medan', 'no-such-unit');
    expectBadInput(
      await app.request(CREATE_PROGRAM, program({ organizerUnitId: missingUnit }), admin),
      'input.organizerUnitId',
    );
    const own = await app.request(CREATE_PROGRAM, program({ organizerUnitId: medanUnit }), admin);
    expect(own.errors).toBeUndefined();
  });
});

describe('codes that become keys', () => {
  it('refuses a partner code longer than any code', async () => {
    const res = await app.request(
      'query($f: TrainingProgramFilter) { trainingPrograms(filter: $f) { totalCount } }',
      { f: { partnerCode: 'u'.repeat(2_000) } },
      admin,
    );
    expectBadInput(res, 'filter.partnerCode');
  });
});
