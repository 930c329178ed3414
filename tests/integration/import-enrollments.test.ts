import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { mapHeaders } from '../../src/domain/onboarding/columns';
import { ENROLLMENT_COLUMNS } from '../../src/domain/onboarding/kinds/enrollments';
import { exportRows } from '../../src/export/export-records';
import { writeTemplate } from '../../src/export/write-template';
import { employeeRow, employeesCsv } from '../helpers/employee-rows';
import { importCsv } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const ADMIN = { claims: adminOf('medan') };
let app: TestApp;
/** Generated KOMINFO employees (TMT March 2015: eleven years of service). */
const nip = (i: number) => employeeRow(8000 + i).split(',')[0] as string;

const HEADER = 'NIP,Kode Program,Status,Tanggal Selesai,Skema Studi';
/** One row per case of the study-arrangement rule (rows 2–9 as the user sees them). */
const CASES = [
  `${nip(0)},S2-MAP,Terdaftar,,Tugas Belajar`, // 2: BAIK appraisal: eligible
  `${nip(1)},S2-MAP,Terdaftar,,TB`, // 3: last appraisal Butuh Perbaikan
  `${nip(2)},S2-MAP,Terdaftar,,tugas_belajar`, // 4: no appraisal on record
  `${nip(3)},S2-MAP,Terdaftar,,IB`, // 5: izin belajar needs active service only
  `${nip(4)},S2-MAP,Lulus,01-08-2026,Tugas Belajar`, // 6: history: kept, not checked
  `${nip(5)},S2-MAP,Terdaftar,,`, // 7: a degree seat without its arrangement
  `${nip(6)},PKP-01,Terdaftar,,Izin Belajar`, // 8: not a degree program
  `${nip(7)},S2-MAP,Tidak Hadir,01-10-2026,`, // 9: history without an arrangement
];
const file = (lines: string[]) => `${HEADER}\n${lines.join('\n')}\n`;

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await app.request<T>(query, variables, ADMIN);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function appraise(i: number, resultRating: string) {
  const { employeeByNip } = await gql<{ employeeByNip: { id: string } }>(
    'query($nip: String!) { employeeByNip(nip: $nip) { id } }',
    { nip: nip(i) },
  );
  await gql('mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }', {
    input: { employeeId: employeeByNip.id, period: '2025', resultRating, behaviourRating: 'AS_EXPECTED' },
  });
}

async function program(code: string, format: string, category: string, capacity = 20) {
  await gql('mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }', {
    input: {
      code,
      title: `Program ${code}`,
      category,
      format,
      jp: 40,
      startDate: '2025-09-01',
      endDate: '2027-08-31',
      capacity,
      costPerParticipant: 0,
      status: 'OPEN',
    },
  });
}

async function exported() {
  const rows: unknown[][] = [];
  for await (const row of exportRows(app.deps.table, 'medan', 'enrollments'))
    if ('cells' in row) rows.push(row.cells);
  return rows;
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: ['medan'] });
  const { report } = await importCsv(app, 'medan', 'employees', employeesCsv(60, 'KOMINFO', 8000));
  expect(report.created).toBe(60);
  await appraise(0, 'AS_EXPECTED');
  await appraise(1, 'BELOW');
  await program('S2-MAP', 'DEGREE', 'DEGREE');
  await program('PKP-01', 'CLASSROOM', 'MANAGERIAL');
  await program('TEK-01', 'CLASSROOM', 'TECHNICAL', 100);
});
afterAll(() => app.close());

describe('the study arrangement of imported enrollments (Skema Studi)', () => {
  it('refuses, in all-or-nothing mode, every row the API would refuse, and writes nothing', async () => {
    const before = await tableSnapshot(app);
    const { report } = await importCsv(app, 'medan', 'enrollments', file(CASES));
    expect(report).toMatchObject({ outcome: 'REJECTED', created: 0, rejected: 4 });
    expect(report.rejections).toEqual([
      {
        row: 3,
        column: 'Skema Studi',
        value: 'Tugas Belajar',
        reason: 'tugas belajar needs a last appraisal of at least Baik (last was Butuh Perbaikan)',
      },
      {
        row: 4,
        column: 'Skema Studi',
        value: 'Tugas Belajar',
        reason: 'tugas belajar needs a last appraisal of at least Baik (no appraisal on record)',
      },
      {
        row: 7,
        column: 'Skema Studi',
        value: '',
        reason: 'a DEGREE program needs the arrangement: TUGAS_BELAJAR or IZIN_BELAJAR',
      },
      { row: 8, column: 'Skema Studi', value: 'Izin Belajar', reason: 'is only for DEGREE programs' },
    ]);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('writes the good rows in valid-only mode, each with its arrangement, and exports it', async () => {
    const { report } = await importCsv(app, 'medan', 'enrollments', file(CASES), { mode: 'VALID_ONLY' });
    expect(report).toMatchObject({ outcome: 'PARTIAL', created: 4, rejected: 4 });
    expect(report.rejections.map((r) => r.row)).toEqual([3, 4, 7, 8]);
    const byNip = new Map((await exported()).map((cells) => [cells[0], cells]));
    expect(byNip.get(nip(0))?.slice(-1)).toEqual(['Tugas Belajar']);
    expect(byNip.get(nip(3))?.slice(-1)).toEqual(['Izin Belajar']);
    expect(byNip.get(nip(4))?.slice(4)).toEqual([
      'Lulus',
      '01-08-2026',
      40,
      undefined,
      undefined,
      undefined,
      'Tugas Belajar',
    ]);
    expect(byNip.get(nip(7))?.slice(-1)).toEqual([undefined]);
    // The API shows what enrolling would have stored.
    const { employeeByNip } = await gql<{
      employeeByNip: { enrollments: { edges: { node: { status: string; studyFunding: string | null } }[] } };
    }>(
      'query($nip: String!) { employeeByNip(nip: $nip) { enrollments { edges { node { status studyFunding } } } } }',
      {
        nip: nip(0),
      },
    );
    expect(employeeByNip.enrollments.edges.map((e) => e.node)).toEqual([
      { status: 'ENROLLED', studyFunding: 'TUGAS_BELAJAR' },
    ]);
  });

  it('changes nothing on a re-run, and refuses a change of a stored arrangement', async () => {
    const good = [CASES[0], CASES[3], CASES[4], CASES[7]] as string[];
    const again = await importCsv(app, 'medan', 'enrollments', file(good));
    expect(again.report).toMatchObject({ outcome: 'SUCCEEDED', created: 0, unchanged: 4 });
    const blank = await importCsv(app, 'medan', 'enrollments', file([`${nip(0)},S2-MAP,Terdaftar,,`]));
    expect(blank.report).toMatchObject({ outcome: 'SUCCEEDED', unchanged: 1 });
    const changed = await importCsv(
      app,
      'medan',
      'enrollments',
      file([`${nip(3)},S2-MAP,Terdaftar,,Tugas Belajar`, `${nip(7)},S2-MAP,Tidak Hadir,01-10-2026,IB`]),
    );
    expect(changed.report.rejections).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Skema Studi',
        reason: 'the enrollment is Izin Belajar in the system; the arrangement cannot change',
      }),
      expect.objectContaining({
        row: 3,
        column: 'Skema Studi',
        reason: 'the enrollment has no study arrangement in the system; it cannot be added later',
      }),
    ]);
  });

  it('names an arrangement nobody knows', async () => {
    const { report } = await importCsv(
      app,
      'medan',
      'enrollments',
      file([`${nip(8)},S2-MAP,Terdaftar,,Beasiswa`]),
    );
    expect(report.rejections).toEqual([
      expect.objectContaining({
        column: 'Skema Studi',
        value: 'Beasiswa',
        reason: expect.stringMatching(
          /^is not a known study arrangement \(use one of: Tugas Belajar, Izin Belajar\)/,
        ),
      }),
    ]);
  });
});

describe('the column in templates and under other names', () => {
  it('ends the enrollments template, and takes the English and other Indonesian names', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeTemplate('enrollments', 'csv', out);
    const header =
      Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    expect(header.split(',').at(-1)).toBe('Skema Studi');
    for (const name of ['studyFunding', 'Jenis Studi', 'SKEMA STUDI'])
      expect(
        mapHeaders(ENROLLMENT_COLUMNS, ['NIP', 'Kode Program', name]).fieldIndex.get('studyFunding'),
      ).toBe(2);
    const dry = await importCsv(
      app,
      'medan',
      'enrollments',
      `NIP,Kode Program,Jenis Studi\n${nip(9)},S2-MAP,izin belajar\n`,
      {
        dryRun: true,
      },
    );
    expect(dry.report).toMatchObject({ created: 1, rejected: 0 });
  });
});

describe('DynamoDB work per imported row', () => {
  it('enrollments: reads in batches, writes 20 new seats of a program per transaction, 3 items a seat', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${nip(10 + i)},TEK-01,Terdaftar,,`);
    app.counter.reset();
    const { report } = await importCsv(app, 'medan', 'enrollments', file(rows));
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 40 });
    expect(app.counter.byCommand).toEqual({
      // The agency's programs (prepare); then per pass, for the one batch of 40 rows: the NIP
      // guards, the employees, the place guards (none yet).
      QueryCommand: 1,
      BatchGetItemCommand: 6,
      TransactWriteItemsCommand: 2,
    });
    // Per seat its record, place guard and the employee's list; the program's counters once per
    // transaction of 20 (an internal program: no partner feed).
    expect(app.counter.writeItems).toBe(40 * 3 + 2);
  });

  it('employees: two items a new employee (record and NIP guard), in transactions of 100 operations', async () => {
    app.counter.reset();
    const { report } = await importCsv(app, 'medan', 'employees', employeesCsv(50, 'KOMINFO', 8100));
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 50 });
    expect(app.counter.writeItems).toBe(50 * 2);
    expect(app.counter.byCommand).toMatchObject({ TransactWriteItemsCommand: 1 });
  });
});
