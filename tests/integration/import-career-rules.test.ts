import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { formatPnsNip, formatPppkNip } from '../../src/domain/nip';
import { importCsv } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

// The rules of createEmployee hold through the import too (DOMAIN rules 1 and 2).
const NOW = new Date('2026-11-01T03:00:00.000Z');
const HEADER =
  'NIP;Nama;Jenis Pegawai;Gol/Ruang;Jabatan;Jenis Jabatan;Unit Kerja;TMT CPNS;Pendidikan;Dasar Kenaikan Pangkat;No. SK Pangkat';
let app: TestApp;

interface Line {
  nip: string;
  name?: string;
  type?: string;
  grade?: string;
  position?: string;
  positionType?: string;
  start?: string;
  education?: string;
  exception?: string;
  note?: string;
}
const line = (l: Line) =>
  [
    l.nip,
    l.name ?? 'Budi Santoso, S.Kom.',
    l.type ?? 'PNS',
    l.grade ?? 'III/a',
    l.position ?? 'Pranata Komputer Ahli Pertama',
    l.positionType ?? 'Fungsional',
    'BELAWAN',
    l.start ?? '',
    l.education ?? 'S-1',
    l.exception ?? '',
    l.note ?? '',
  ].join(';');
const run = (lines: Line[], options = {}) =>
  importCsv(app, 'medan', 'employees', `${HEADER}\n${lines.map(line).join('\n')}\n`, options);

const byNip = async (nip: string) =>
  (
    await app.request<{ employeeByNip: Record<string, unknown> | null }>(
      'query($nip: String!) { employeeByNip(nip: $nip) { golongan education version gradeException { reason note golongan } } }',
      { nip },
      { claims: adminOf('medan') },
    )
  ).data?.employeeByNip;

/** A PNS NIP whose TMT lies `years` before November 2026. */
const nipOf = (years: number, serial: number, birth = '1990-05-05') =>
  formatPnsNip(birth, `${2026 - years}-11`, 'MALE', serial);

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('the import keeps the career and NIP rules', () => {
  it.each<[string, Line, string, string]>([
    [
      'a new employee without an education',
      { nip: nipOf(3, 801), education: '' },
      'Pendidikan',
      'is required',
    ],
    [
      'an S1 holder as III/c after 3 years',
      { nip: nipOf(3, 802), grade: 'III/c' },
      'Gol/Ruang',
      'at most III/a',
    ],
    [
      'a high-school graduate in an Ahli post',
      { nip: nipOf(3, 803), name: 'Agus Pohan', grade: 'II/a', education: 'SMA' },
      'Jabatan',
      'at least S1/D-IV',
    ],
    [
      'an education below the titles in the name',
      {
        nip: nipOf(3, 804),
        grade: 'II/a',
        education: 'SMA',
        position: 'Operator Layanan Operasional',
        positionType: 'Pelaksana',
      },
      'Pendidikan',
      'S.Kom.',
    ],
    [
      'a PNS who turns 18 on the 15th of the TMT month',
      {
        nip: formatPnsNip('2007-10-15', '2025-10', 'MALE', 805),
        name: 'Fajar Lubis',
        grade: 'II/a',
        education: 'SMA',
        position: 'Operator Layanan Operasional',
        positionType: 'Pelaksana',
      },
      'NIP',
      'would be 17',
    ],
    [
      'a PPPK appointed in 2018',
      { nip: formatPppkNip('1990-01-01', 2018, 1, 'MALE', 806), type: 'PPPK', grade: 'IX' },
      'NIP',
      'no start before 2019',
    ],
  ])('rejects %s on its column, and writes nothing', async (_, row, column, reason) => {
    const before = await tableSnapshot(app);
    const { report } = await run([row]);
    expect(report.outcome).toBe('REJECTED');
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]).toMatchObject({ row: 2, column });
    expect(report.rejections[0]?.reason).toContain(reason);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('takes a golongan beyond the path with its documented ground, stores it, and keeps it on a re-import', async () => {
    const nip = nipOf(3, 811);
    const row = { nip, grade: 'III/c', exception: 'Istimewa', note: 'SK Wali Kota Medan No. 800/77/2026' };
    const { report } = await run([row]);
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 1 });
    expect(await byNip(nip)).toMatchObject({
      golongan: 'III_C',
      education: 'S1',
      gradeException: { reason: 'OUTSTANDING_ACHIEVEMENT', note: row.note, golongan: 'III_C' },
    });
    expect((await run([row])).report).toMatchObject({ unchanged: 1 });
    const half = await run([{ ...row, note: '' }]);
    expect(half.report.rejections[0]).toMatchObject({ column: 'No. SK Pangkat' });
  });

  it('refuses a promotion beyond the path on update, and lets a blank education cell keep the stored one', async () => {
    const nip = nipOf(5, 821);
    expect((await run([{ nip }])).report).toMatchObject({ created: 1 });
    const promoted = await run([{ nip, grade: 'III/b', education: '' }]);
    expect(promoted.report).toMatchObject({ updated: 1 });
    expect(await byNip(nip)).toMatchObject({ golongan: 'III_B', education: 'S1', version: 2 });
    const beyond = await run([{ nip, grade: 'III/c' }]);
    expect(beyond.report.rejections[0]).toMatchObject({ column: 'Gol/Ruang', value: 'III/c' });
    expect(beyond.report.rejections[0]?.reason).toContain('at most III/b');
  });
});
