import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { formatPnsNip } from '../../src/domain/nip';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const ADMIN = { claims: adminOf('binjai') };
const unitId = toGlobalId('Unit', 'binjai', 'binjai-bkpsdm');
let app: TestApp;
let degreeProgram = '';
let seminar = '';
const people: Record<'senior' | 'newcomer' | 'weak', string> = { senior: '', newcomer: '', weak: '' };

const ELIGIBILITY = `query($id: ID!) { studyEligibility(employeeId: $id) {
  employee { id } yearsOfService lastAppraisal { predikat }
  arrangements { funding fundingLabel eligible reasons releasedFromDuties selfFunded outsideWorkingHours } } }`;
const ENROLL = `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id status studyFunding } }`;

async function hire(nip: string, name: string): Promise<string> {
  const res = await app.request<{ createEmployee: { id: string } }>(
    'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
    {
      input: {
        nip,
        name,
        unitId,
        employmentType: 'PNS',
        golongan: 'III_A',
        education: 'S1',
        position: { title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', type: 'FUNCTIONAL' },
      },
    },
    ADMIN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createEmployee.id;
}

async function appraise(employeeId: string, resultRating: string, behaviourRating: string) {
  const res = await app.request(
    'mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }',
    { input: { employeeId, period: '2025', resultRating, behaviourRating } },
    ADMIN,
  );
  expect(res.errors).toBeUndefined();
}

async function program(format: string, category: string): Promise<string> {
  const res = await app.request<{ createTrainingProgram: { id: string } }>(
    'mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }',
    {
      input: {
        title: `Program ${format}`,
        category,
        format,
        jp: 40,
        startDate: '2026-12-01',
        endDate: '2027-06-30',
        capacity: 10,
        costPerParticipant: 0,
        status: 'OPEN',
      },
    },
    ADMIN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createTrainingProgram.id;
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: ['binjai'] });
  people.senior = await hire(formatPnsNip('1988-02-02', '2015-03', 'MALE', 701), 'Hendra Sembiring, S.Sos.');
  people.newcomer = await hire(formatPnsNip('1999-04-04', '2026-03', 'FEMALE', 702), 'Dewi Ginting, S.E.');
  people.weak = await hire(formatPnsNip('1985-05-05', '2012-01', 'MALE', 703), 'Doni Tarigan, S.H.');
  await appraise(people.senior, 'AS_EXPECTED', 'AS_EXPECTED');
  await appraise(people.weak, 'BELOW', 'AS_EXPECTED');
  degreeProgram = await program('DEGREE', 'DEGREE');
  seminar = await program('SEMINAR', 'MANAGERIAL');
});
afterAll(() => app.close());

describe('studyEligibility', () => {
  it('grants both arrangements after a year of service and a BAIK appraisal, with their terms', async () => {
    const res = await app.request<{ studyEligibility: Record<string, unknown> }>(
      ELIGIBILITY,
      { id: people.senior },
      ADMIN,
    );
    expect(res.data?.studyEligibility).toEqual({
      employee: { id: people.senior },
      yearsOfService: 11,
      lastAppraisal: { predikat: 'BAIK' },
      arrangements: [
        {
          funding: 'TUGAS_BELAJAR',
          fundingLabel: 'Tugas Belajar',
          eligible: true,
          reasons: [],
          releasedFromDuties: true,
          selfFunded: false,
          outsideWorkingHours: false,
        },
        {
          funding: 'IZIN_BELAJAR',
          fundingLabel: 'Izin Belajar',
          eligible: true,
          reasons: [],
          releasedFromDuties: false,
          selfFunded: true,
          outsideWorkingHours: true,
        },
      ],
    });
  });

  it('says every reason tugas belajar is refused, and still grants izin belajar', async () => {
    const res = await app.request<{
      studyEligibility: { arrangements: { eligible: boolean; reasons: string[] }[] };
    }>(ELIGIBILITY, { id: people.newcomer }, ADMIN);
    const [tugas, izin] = res.data?.studyEligibility.arrangements ?? [];
    expect(tugas).toMatchObject({
      eligible: false,
      reasons: [
        'tugas belajar needs at least 1 year of service (has 0)',
        'tugas belajar needs a last appraisal of at least Baik (no appraisal on record)',
      ],
    });
    expect(izin).toMatchObject({ eligible: true, reasons: [] });
  });

  it('is for administrators, heads in reach and the employee: FORBIDDEN to another employee and agency', async () => {
    const newcomer = {
      claims: {
        sub: 'e1',
        'cognito:groups': ['EMPLOYEE'],
        agency_id: 'binjai',
        unit_id: 'binjai-bkpsdm',
        employee_id: parseGlobalId(people.newcomer)?.ref.id,
      },
    };
    const own = await app.request(ELIGIBILITY, { id: people.newcomer }, newcomer);
    expect(own.errors).toBeUndefined();
    const other = await app.request(ELIGIBILITY, { id: people.senior }, newcomer);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await app.request(ELIGIBILITY, { id: people.senior }, { claims: adminOf('medan') });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('enrolling in a DEGREE program', () => {
  it('needs the arrangement, and refuses it on other programs', async () => {
    const missing = await app.request(
      ENROLL,
      { input: { programId: degreeProgram, employeeId: people.senior } },
      ADMIN,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.studyFunding',
    });
    const misplaced = await app.request(
      ENROLL,
      { input: { programId: seminar, employeeId: people.senior, studyFunding: 'IZIN_BELAJAR' } },
      ADMIN,
    );
    expect(misplaced.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.studyFunding',
    });
  });

  it('refuses tugas belajar to an ineligible employee with every reason, and writes nothing', async () => {
    const before = await tableSnapshot(app);
    const res = await app.request(
      ENROLL,
      { input: { programId: degreeProgram, employeeId: people.weak, studyFunding: 'TUGAS_BELAJAR' } },
      ADMIN,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.studyFunding',
      issues: [
        {
          field: 'input.studyFunding',
          reason: 'tugas belajar needs a last appraisal of at least Baik (last was Butuh Perbaikan)',
        },
      ],
    });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('enrolls an eligible employee on tugas belajar and anyone active on izin belajar, recording the arrangement', async () => {
    const tugas = await app.request<{ enrollEmployee: Record<string, unknown> }>(
      ENROLL,
      { input: { programId: degreeProgram, employeeId: people.senior, studyFunding: 'TUGAS_BELAJAR' } },
      ADMIN,
    );
    expect(tugas.data?.enrollEmployee).toMatchObject({ status: 'ENROLLED', studyFunding: 'TUGAS_BELAJAR' });
    const izin = await app.request<{ enrollEmployee: Record<string, unknown> }>(
      ENROLL,
      { input: { programId: degreeProgram, employeeId: people.weak, studyFunding: 'IZIN_BELAJAR' } },
      ADMIN,
    );
    expect(izin.data?.enrollEmployee).toMatchObject({ status: 'ENROLLED', studyFunding: 'IZIN_BELAJAR' });
  });
});
