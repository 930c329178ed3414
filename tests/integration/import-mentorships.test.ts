import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { exportRows } from '../../src/export/export-records';
import { EMPLOYEE_HEADER, employeeRow } from '../helpers/employee-rows';
import { importCsv } from '../helpers/import-files';
import { createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let app: TestApp;
const MENTOR = '197001011995031001';
const MENTOR_ROW = `${MENTOR},Mentor Senior,L,1970-01-01,PNS,IV/a,Kepala Bidang,Struktural,KOMINFO,S2`;
const MENTOR2 = '197202021996031001';
const MENTOR2_ROW = `${MENTOR2},Mentor Kedua,L,1972-02-02,PNS,IV/b,Kepala Seksi,Struktural,KOMINFO,S1`;
/** Mentees: generated PNS III/a employees with TMT 2015. */
const menteeNip = (i: number) => employeeRow(7000 + i).split(',')[0] as string;

const HEADER = 'NIP Mentor,NIP Mentee,Tanggal Mulai,Tanggal Selesai,Tujuan';
const file = () =>
  [
    HEADER,
    ...[0, 1, 2, 3, 4, 5].map(
      (i) => `${MENTOR},${menteeNip(i)},01-02-2026,31-07-2026,Laporan kinerja; Presentasi`,
    ),
    `${menteeNip(6)},${MENTOR},2026-02-01,,`,
    `${MENTOR},199999999999999999,2026-02-01,,`,
  ].join('\n');

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
  const employees = [
    EMPLOYEE_HEADER,
    MENTOR_ROW,
    MENTOR2_ROW,
    ...[0, 1, 2, 3, 4, 5, 6].map((i) => employeeRow(7000 + i)),
  ];
  const { report } = await importCsv(app, 'medan', 'employees', `${employees.join('\n')}\n`);
  expect(report.created).toBe(9);
});
afterAll(() => app.close());

describe('importing mentorships', () => {
  it('starts them through the mentorship rules: seniority, mentee limit, known employees', async () => {
    const { report } = await importCsv(app, 'medan', 'mentorships', file(), { mode: 'VALID_ONLY' });
    expect(report).toMatchObject({ outcome: 'PARTIAL', created: 5, rejected: 3 });
    const reasons = report.rejections.map((r) => `${r.row}:${r.column}:${r.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7:NIP Mentor:.*active mentees/),
        expect.stringMatching(/^8:NIP Mentor:.*more senior/),
        expect.stringMatching(/^9:NIP Mentee:no employee with this NIP/),
      ]),
    );
  });

  it('changes nothing when the same file runs again, and exports what it holds', async () => {
    const { report } = await importCsv(app, 'medan', 'mentorships', file(), { mode: 'VALID_ONLY' });
    expect(report).toMatchObject({ created: 0, unchanged: 5 });
    const rows: unknown[][] = [];
    for await (const row of exportRows(app.deps.table, 'medan', 'mentorships'))
      if ('cells' in row) rows.push(row.cells);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual([
      MENTOR,
      expect.stringMatching(/^\d{18}$/),
      '01-02-2026',
      '31-07-2026',
      'Laporan kinerja; Presentasi',
    ]);
  });

  it('refuses the whole file in all-or-nothing mode when one row is refused', async () => {
    const bad = `${HEADER}\n${MENTOR2},${menteeNip(6)},2026-03-01,,\n${MENTOR},${MENTOR},2026-03-01,,\n${menteeNip(6)},${MENTOR},2026-03-01,,\n`;
    const { report } = await importCsv(app, 'medan', 'mentorships', bad);
    expect(report).toMatchObject({ outcome: 'REJECTED', created: 0, rejected: 2 });
    expect(report.rejections.map((r) => [r.row, r.column])).toEqual([
      [3, 'NIP Mentee'],
      [4, 'NIP Mentor'],
    ]);
    // Nothing was written: the good row of that file is still new.
    const dry = await importCsv(
      app,
      'medan',
      'mentorships',
      `${HEADER}\n${MENTOR2},${menteeNip(6)},2026-03-01,,\n`,
      { dryRun: true },
    );
    expect(dry.report.rejections).toEqual([]);
    expect(dry.report.created).toBe(1);
  });

  it('refuses a start before the mentee began service while checking, so nothing is written', async () => {
    // The mentees' TMT is March 2015; the file's first row is good.
    const early = `${HEADER}\n${MENTOR2},${menteeNip(6)},2026-03-01,,\n${MENTOR2},${menteeNip(5)},2015-02-28,,\n`;
    const { report } = await importCsv(app, 'medan', 'mentorships', early);
    expect(report).toMatchObject({ outcome: 'REJECTED', created: 0, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Tanggal Mulai',
        reason: expect.stringMatching(/mentee's start of service \(2015-03-01\)/),
      }),
    ]);
    const dry = await importCsv(app, 'medan', 'mentorships', early.replace('2015-02-28', '2015-03-01'), {
      dryRun: true,
    });
    expect(dry.report).toMatchObject({ created: 2, rejected: 0 });
  });
});
