import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { importCsv } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let app: TestApp;

const HEADER =
  'NIP;Nama;Gol/Ruang;Jabatan;Jenis Jabatan;Unit Kerja;Jenis Kelamin;Tanggal Lahir;TMT CPNS;Pendidikan';
const ROW_A =
  '199001012015031002;Budi Santoso, S.Kom.;III/b;Pranata Komputer Ahli Pertama;Fungsional;KOMINFO;L;01-01-1990;01/03/2015;S-1';
const ROW_B =
  '199205152016042001;Siti Rahmawati;IIIa;Analis Kepegawaian;Fungsional;Kecamatan Medan Belawan;Perempuan;1992-05-15;;S-1';

const byNip = (nip: string) =>
  app.request<{
    employeeByNip: { name: string; golongan: string; version: number; unit: { name: string } } | null;
  }>(
    'query($nip: String!) { employeeByNip(nip: $nip) { name golongan version unit { name } } }',
    { nip },
    { claims: adminOf('medan') },
  );

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('importing employees', () => {
  it('takes Indonesian headers, ; delimiters, golongan and date forms, units by code or name', async () => {
    const { report } = await importCsv(app, 'medan', 'employees', `${HEADER}\n${ROW_A}\n${ROW_B}\n`);
    expect(report).toMatchObject({
      outcome: 'SUCCEEDED',
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const budi = await byNip('199001012015031002');
    expect(budi.data?.employeeByNip).toEqual({
      name: 'Budi Santoso, S.Kom.',
      golongan: 'III_B',
      version: 1,
      unit: { name: 'Dinas Komunikasi dan Informatika Kota Medan' },
    });
    expect((await byNip('199205152016042001')).data?.employeeByNip?.golongan).toBe('III_A');
  });

  it('changes nothing when the same file runs again, and updates a changed row with a new version', async () => {
    const again = await importCsv(app, 'medan', 'employees', `${HEADER}\n${ROW_A}\n${ROW_B}\n`);
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const promoted = ROW_A.replace('III/b', 'III_C');
    const changed = await importCsv(app, 'medan', 'employees', `${HEADER}\n${promoted}\n${ROW_B}\n`);
    expect(changed.report).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await byNip('199001012015031002')).data?.employeeByNip).toMatchObject({
      golongan: 'III_C',
      version: 2,
    });
  });

  it('reads a Windows-1252 file from old Excel, and a UTF-8 file with a byte-order mark', async () => {
    const name = 'Andréas Situmorang';
    const row = `198811122014021003;${name};III/c;Analis Data;Fungsional;BKPSDM;;;;S-1`;
    const legacy = await importCsv(
      app,
      'medan',
      'employees',
      iconv.encode(`${HEADER}\n${row}\n`, 'windows-1252'),
    );
    expect(legacy.report.encoding).toMatch(/Windows-1252/);
    expect(legacy.report.outcome).toBe('SUCCEEDED');
    expect((await byNip('198811122014021003')).data?.employeeByNip?.name).toBe(name);
    const bom = await importCsv(
      app,
      'medan',
      'employees',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n${row}\n`)]),
    );
    expect(bom.report).toMatchObject({ outcome: 'SUCCEEDED', unchanged: 1 });
  });

  it('refuses a file without a required column as a whole, naming it', async () => {
    const { report } = await importCsv(app, 'medan', 'employees', 'NIP;Nama\n199001012015031002;Budi\n');
    expect(report.outcome).toBe('FAILED');
    expect(report.fileProblem?.code).toBe('MISSING_COLUMNS');
    expect(report.fileProblem?.message).toContain('Gol/Ruang');
  });

  it('reports unknown extra columns and ignores them', async () => {
    const { report } = await importCsv(app, 'medan', 'employees', `${HEADER};Hobi\n${ROW_A};catur\n`);
    expect(report.ignoredColumns).toEqual(['Hobi']);
    expect(report.outcome).toBe('SUCCEEDED');
  });

  it('refuses duplicate NIPs, a unit of another agency and bad cells, row by row, and writes nothing', async () => {
    const before = await tableSnapshot(app);
    const rows = [
      '197503032000031001;Ahmad Fauzi;IV/a;Camat;Struktural;PLAJU;;;;S-1',
      '197503032000031001;Ahmad Fauzi;IV/a;Camat;Struktural;BELAWAN;;;;S-1',
      '197503032000031001;Ahmad Fauzi;IV/a;Camat;Struktural;BELAWAN;;;;S-1',
      '199001012015031999;Rina;V/a;Staf;Pelaksana;BELAWAN;P;;;SMA',
      '197601012001121001;Dedi;II/c;Staf;Pelaksana;BELAWAN;;;;SMA',
    ];
    const { report } = await importCsv(app, 'medan', 'employees', `${HEADER}\n${rows.join('\n')}\n`);
    expect(report.outcome).toBe('REJECTED');
    expect(report.rejected).toBe(3);
    const by = (row: number) =>
      report.rejections.filter((r) => r.row === row).map((r) => [r.column, r.reason]);
    expect(by(2)).toEqual([['Unit Kerja', 'is neither the code nor the name of a unit of this agency']]);
    expect(by(4)).toEqual([['NIP', 'repeats row 3 (each record once per file)']]);
    expect(
      by(5)
        .map(([column]) => column)
        .sort(),
    ).toEqual(['Gol/Ruang', 'Jenis Kelamin']);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('writes the valid rows in valid-only mode', async () => {
    const rows = [
      '197601012001121001;Dedi Kurniawan;II/c;Staf;Pelaksana;BELAWAN;;;;SMA',
      '1976;X;II/c;Staf;Pelaksana;BELAWAN;;;;SMA',
    ];
    const { report } = await importCsv(app, 'medan', 'employees', `${HEADER}\n${rows.join('\n')}\n`, {
      mode: 'VALID_ONLY',
    });
    expect(report).toMatchObject({ outcome: 'PARTIAL', created: 1, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ row: 3, column: 'NIP', value: '1976' });
  });

  it('dry-runs: counts what would happen, writes nothing', async () => {
    const before = await tableSnapshot(app);
    const { report } = await importCsv(
      app,
      'medan',
      'employees',
      `${HEADER}\n${ROW_A.replace('III/b', 'III/a')}\n198001012005011001;Baru;III/d;Kasi;Struktural;BELAWAN;;;;S-1\n`,
      { dryRun: true },
    );
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 1, updated: 1, unchanged: 0 });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('gives an empty file, a header without rows and a file cut mid-row a clear line, and writes nothing', async () => {
    expect((await importCsv(app, 'medan', 'employees', '')).report.fileProblem?.message).toBe(
      'The file is empty.',
    );
    expect((await importCsv(app, 'medan', 'employees', `${HEADER}\n`)).report.fileProblem?.message).toBe(
      'The file has a header row but no data rows.',
    );
    const before = await tableSnapshot(app);
    const cut = await importCsv(
      app,
      'medan',
      'employees',
      `${HEADER}\n198002022006041001;Cut;III/a;Staf;Pelaksana;BEL`,
    );
    expect(cut.report.outcome).toBe('REJECTED');
    expect(cut.report.rejections.map((r) => r.reason)).toContain(
      'has 6 of the 10 columns and no line end: the file was cut short here',
    );
    const quote = await importCsv(app, 'medan', 'employees', `${HEADER}\n198002022006041001;"Cut;III/a`);
    expect(quote.report.rejections.map((r) => r.reason)).toContain(
      'a quoted cell is never closed: the file was cut short or has a stray quote',
    );
    expect(await tableSnapshot(app)).toEqual(before);
  });
});
