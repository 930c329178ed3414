import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { agencyEntity } from '../../src/data/entities/agency';
import { partnerEntity } from '../../src/data/entities/partner';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { ImportKind } from '../../src/domain/onboarding/columns';
import { exportRows, headersOf } from '../../src/export/export-records';
import { createTableWriter } from '../../src/export/table-writer';
import { importCsv, importPath, tempFile } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let app: TestApp;

async function exported(agencyId: string, kind: ImportKind | 'siasn-courses', year?: number) {
  const rows: { cells?: unknown[]; refused?: unknown[]; reason?: string }[] = [];
  for await (const row of exportRows(app.deps.table, agencyId, kind, { year })) rows.push(row);
  return rows;
}

async function exportToFile(agencyId: string, kind: ImportKind, format: 'csv' | 'xlsx') {
  const path = await tempFile(`${kind}.${format}`, '');
  const out = createWriteStream(path);
  const writer = await createTableWriter(format, out, headersOf(kind));
  for await (const row of exportRows(app.deps.table, agencyId, kind))
    if ('cells' in row) await writer.write(row.cells);
  await writer.end();
  return path;
}

/**
 * A tugas belajar seat is imported only for an employee eligible for it (a last appraisal of at
 * least Baik): the fresh agency gets, through the API, the latest appraisal of each employee who
 * holds such a seat in the source (there is no import of appraisals).
 */
async function copyAppraisalsOfStudySeats() {
  const seats = (await exported('medan', 'enrollments')).filter(
    (r) => r.cells?.[4] === 'Terdaftar' && r.cells?.[10] === 'Tugas Belajar',
  );
  expect(seats.length).toBeGreaterThan(0);
  const LATEST = `query($nip: String!) { employeeByNip(nip: $nip) { id
    latestAppraisal { period resultRating behaviourRating } } }`;
  type Found = {
    employeeByNip: {
      id: string;
      latestAppraisal: { period: string; resultRating: string; behaviourRating: string } | null;
    };
  };
  for (const seat of seats) {
    const nip = seat.cells?.[0];
    const source = await app.request<Found>(LATEST, { nip }, { claims: adminOf('medan') });
    const target = await app.request<Found>(LATEST, { nip }, { claims: adminOf('baru') });
    const appraisal = source.data?.employeeByNip.latestAppraisal;
    const employeeId = target.data?.employeeByNip.id;
    if (!appraisal || !employeeId || target.data?.employeeByNip.latestAppraisal) continue;
    const res = await app.request(
      'mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }',
      { input: { employeeId, ...appraisal } },
      { claims: adminOf('baru') },
    );
    expect(res.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', { agencies: ['medan'] });
  const medan = (await app.deps.table.get(agencyEntity.key('medan', 'medan'))) as Record<string, unknown>;
  await app.deps.table.batchPut([
    agencyEntity.toItem({
      ...agencyEntity.fromItem(medan),
      agencyId: 'baru',
      id: 'baru',
      name: 'Kota Baru',
    } as never),
    partnerEntity.toItem({
      agencyId: 'baru',
      id: 'usu',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      name: 'Universitas Sumatera Utara',
      kind: 'UNIVERSITY',
    }),
  ]);
});
afterAll(() => app.close());

describe('round trip: export of an agency re-imported into a fresh agency', () => {
  it.each([
    ['units', 'xlsx'],
    ['employees', 'csv'],
    ['programs', 'xlsx'],
    ['enrollments', 'csv'],
  ] as const)('gives the same %s (through %s)', async (kind, format) => {
    const path = await exportToFile('medan', kind, format);
    if (kind === 'enrollments') await copyAppraisalsOfStudySeats();
    const { report } = await importPath(app, 'baru', kind, path);
    expect(report.rejections).toEqual([]);
    const source = (await exported('medan', kind)).map((r) => JSON.stringify(r.cells)).sort();
    expect(report.created).toBe(source.length);
    expect(source.length).toBeGreaterThan(0);
    expect((await exported('baru', kind)).map((r) => JSON.stringify(r.cells)).sort()).toEqual(source);
    // Degree seats keep their arrangement (Skema Studi, the last column).
    if (kind === 'enrollments') expect(source.some((cells) => cells.includes('"Tugas Belajar"'))).toBe(true);
    const again = await importPath(app, 'baru', kind, path);
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: source.length });
  });

  it('refuses a row that changes the category of an existing program (rollups count its enrollments under it)', async () => {
    const [row] = (await exported('baru', 'programs')).filter((r) => r.cells);
    const headers = headersOf('programs');
    const cells = [...(row?.cells ?? [])];
    const at = headers.indexOf('Kategori');
    const [changed, code] = cells[at] === 'Teknis' ? ['Manajerial', 'MANAGERIAL'] : ['Teknis', 'TECHNICAL'];
    cells[at] = changed;
    const csv = [headers, cells]
      .map((line) => line.map((c) => `"${String(c ?? '').replaceAll('"', '""')}"`).join(','))
      .join('\n');
    const { report } = await importCsv(app, 'baru', 'programs', csv);
    expect(report.rejections).toEqual([
      {
        row: 2,
        column: 'Kategori',
        value: code,
        reason: 'the category of an existing program cannot change',
      },
    ]);
    expect(report).toMatchObject({ created: 0, updated: 0 });
  });

  it('keeps seat counters and the employees’ enrollment lists as enrolling does', async () => {
    const medan = await app.request<{
      trainingPrograms: { edges: { node: { title: string; seatsTaken: number } }[] };
    }>('{ trainingPrograms(first: 100) { edges { node { title seatsTaken } } } }', undefined, {
      claims: { sub: 'a', 'cognito:groups': ['ADMIN'], agency_id: 'medan' },
    });
    const baru: typeof medan = await app.request(
      '{ trainingPrograms(first: 100) { edges { node { title seatsTaken } } } }',
      undefined,
      { claims: { sub: 'b', 'cognito:groups': ['ADMIN'], agency_id: 'baru' } },
    );
    const seats = (r: typeof medan) =>
      r.data?.trainingPrograms.edges.map((e) => `${e.node.title}:${e.node.seatsTaken}`).sort();
    expect(seats(baru)).toEqual(seats(medan));
  });

  it('exports SIASN course records of a year: one per completion in that year, dates day first', async () => {
    const rows = await exported('baru', 'siasn-courses', 2026);
    const completions = (await exported('baru', 'enrollments')).filter(
      (r) => r.cells?.[4] === 'Lulus' && String(r.cells?.[5]).endsWith('-2026'),
    );
    expect(rows.length).toBe(completions.length);
    for (const row of rows) {
      const [nip, , , jumlahJam, , nomorSertifikat, , selesai, tahun] = row.cells ?? row.refused ?? [];
      expect(nip).toMatch(/^\d{18}$/);
      expect(selesai).toMatch(/^\d{2}-\d{2}-2026$/);
      expect(tahun).toBe(2026);
      if (row.cells) expect([jumlahJam, nomorSertifikat].every(Boolean)).toBe(true);
    }
  });
});

describe('SIASN course records through the API', () => {
  const QUERY = `query($year: Int!, $unitId: ID) { siasnCourseRecords(year: $year, unitId: $unitId) {
    records { nip nomorSertifikat tanggalSelesaiKursus tahunKursus } refused { nip reason } truncated } }`;
  type Answer = {
    siasnCourseRecords: {
      records: { nip: string; nomorSertifikat: string; tanggalSelesaiKursus: string; tahunKursus: number }[];
      refused: { nip: string; reason: string }[];
      truncated: boolean;
    };
  };

  it('gives the same records and refusals as the export, dates ISO', async () => {
    const res = await app.request<Answer>(QUERY, { year: 2026 }, { claims: adminOf('medan') });
    expect(res.errors).toBeUndefined();
    const answer = res.data?.siasnCourseRecords as Answer['siasnCourseRecords'];
    const rows = await exported('medan', 'siasn-courses', 2026);
    expect(answer.records.map((r) => r.nip).sort()).toEqual(
      rows
        .filter((r) => r.cells)
        .map((r) => r.cells?.[0])
        .sort(),
    );
    expect(answer.refused.map((r) => `${r.nip}:${r.reason}`).sort()).toEqual(
      rows
        .filter((r) => r.refused)
        .map((r) => `${r.refused?.[0]}:${r.reason}`)
        .sort(),
    );
    expect(answer.records.length + answer.refused.length).toBeGreaterThan(0);
    for (const r of answer.records) {
      expect(r.tanggalSelesaiKursus).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(r.nomorSertifikat).not.toBe('');
    }
    expect(answer.truncated).toBe(false);
  });

  it('is for administrators of the agency only', async () => {
    const employee = { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: 'medan', employee_id: 'x' };
    expect(
      (await app.request(QUERY, { year: 2026 }, { claims: employee })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const otherUnit = toGlobalId('Unit', 'palembang', 'palembang-plaju');
    const res = await app.request(QUERY, { year: 2026, unitId: otherUnit }, { claims: adminOf('medan') });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await app.request(QUERY, { year: 1800 }, { claims: adminOf('medan') });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('workbooks and units files', () => {
  it('takes formula values, and names an uncomputed formula and a merged cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pegawai');
    sheet.addRow(['NIP', 'Nama', 'Gol/Ruang', 'Jabatan', 'Jenis Jabatan', 'Pendidikan', 'Unit Kerja']);
    sheet.addRow([
      '198501012010011001',
      { formula: 'CONCAT("Yusuf"," Hasibuan")', result: 'Yusuf Hasibuan' },
      'III/c',
      'Staf',
      'Pelaksana',
      'S1',
      'BELAWAN',
    ]);
    sheet.addRow([
      '198601012010011002',
      { formula: 'A1&"x"' },
      'III/c',
      'Staf',
      'Pelaksana',
      'S1',
      'BELAWAN',
    ]);
    sheet.addRow(['198701012010011003', 'Merged Below', 'III/c', 'Staf', 'Pelaksana', 'S1', '']);
    sheet.mergeCells('G3:G4');
    const path = await tempFile('pegawai.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const { report } = await importPath(app, 'medan', 'employees', path);
    expect(report.outcome).toBe('REJECTED');
    expect(report.rejections.find((r) => r.row === 3)?.reason).toMatch(
      /formula whose value was never computed/,
    );
    expect(report.rejections.find((r) => r.row === 4)).toMatchObject({
      column: 'Unit Kerja',
      reason: expect.stringMatching(/merged/),
    });
    expect(report.rejections.some((r) => r.row === 2)).toBe(false);
  });

  it('places a parent given further down the file, and refuses a cycle', async () => {
    const csv =
      'Kode Unit,Nama Unit,Jenis Unit,Unit Induk\nSEKSI-A,Seksi A,Seksi,BIDANG-X\nBIDANG-X,Bidang X,Bidang,KOMINFO\n';
    const { report } = await importCsv(app, 'medan', 'units', csv);
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 2 });
    const units = await exported('medan', 'units');
    const seksi = units.find((u) => u.cells?.[0] === 'SEKSI-A');
    expect(seksi?.cells?.[3]).toBe('BIDANG-X');
    const cycle = await importCsv(
      app,
      'medan',
      'units',
      'Kode Unit,Nama Unit,Jenis Unit,Unit Induk\nP,Bidang P,Bidang,Q\nQ,Bidang Q,Bidang,P\n',
    );
    expect(cycle.report.outcome).toBe('REJECTED');
    expect(cycle.report.rejections[0]?.reason).toBe('makes a cycle of parent units');
  });
});
