import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { agencyEntity } from '../../src/data/entities/agency';
import { employeeEntity } from '../../src/data/entities/employee';
import { unitEntity } from '../../src/data/entities/unit';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { achievementPercent } from '../../src/domain/indicator-achievement';
import { mapHeaders } from '../../src/domain/onboarding/columns';
import { MEASUREMENT_COLUMNS } from '../../src/domain/onboarding/kinds/measurements';
import { exportRows } from '../../src/export/export-records';
import { writeTemplate } from '../../src/export/write-template';
import { importCsv } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

// 10:00 in Jakarta on 1 November: November 2026 has started, December not.
const NOW = new Date('2026-11-01T03:00:00.000Z');
const HEADER = 'Kode Indikator,Periode,Realisasi,Catatan';
let app: TestApp;

const CREATE = `mutation Create($input: CreatePerformanceIndicatorInput!) {
  createPerformanceIndicator(input: $input) { id version }
}`;
const RETIRE = `mutation Retire($input: UpdatePerformanceIndicatorInput!) {
  updatePerformanceIndicator(input: $input) { status }
}`;
const LATEST = `query Latest($id: ID!) {
  node(id: $id) { ... on PerformanceIndicator { latestMeasurement { period value note achievementPercent } measurements { totalCount } } }
}`;

async function createIndicator(code: string, cadence: string): Promise<{ id: string; version: number }> {
  const input = {
    code,
    name: 'Waktu penyelesaian surat keterangan',
    unitOfMeasure: 'hari',
    direction: 'LOWER_IS_BETTER',
    target: 3,
    cadence,
    scope: 'UNIT',
    unitId: toGlobalId('Unit', 'medan', 'medan-belawan'),
  };
  const res = await app.request<{ createPerformanceIndicator: { id: string; version: number } }>(
    CREATE,
    { input },
    { claims: adminOf('medan') },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.createPerformanceIndicator as { id: string; version: number };
}

let monthly: string;
const months = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
/** Eleven months of one indicator (one transaction: its ACTIVE check made once) and three quarters. */
const goodFile = () =>
  [
    HEADER,
    ...months.map((m, i) => `iku-imp-01,${m},"${(3 + i / 10).toFixed(1).replace('.', ',')}"`),
    'IKU-IMP-02,2026-q1,80,Triwulan I',
    'IKU-IMP-02,2026-Q2,82,',
    'IKU-IMP-02,2026-Q3,85,',
  ].join('\n');

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  const organization = buildDemoOrganization(NOW);
  await app.deps.table.batchPut([
    ...organization.agencies.map((a) => agencyEntity.toItem(a)),
    ...organization.units.map((u) => unitEntity.toItem(u)),
    ...organization.employees.map((e) => employeeEntity.toItem(e)),
  ]);
  monthly = (await createIndicator('IKU-IMP-01', 'MONTHLY')).id;
  await createIndicator('IKU-IMP-02', 'QUARTERLY');
  const retired = await createIndicator('IKU-IMP-03', 'MONTHLY');
  const res = await app.request(
    RETIRE,
    { input: { id: retired.id, version: retired.version, status: 'RETIRED' } },
    { claims: adminOf('medan') },
  );
  expect(res.errors).toBeUndefined();
});
afterAll(() => app.close());

describe('importing measurements', () => {
  it('refuses every bad row by name and writes nothing in all-or-nothing mode', async () => {
    const before = await tableSnapshot(app);
    const file = [
      HEADER,
      'IKU-IMP-01,2026-01,3.5,',
      'IKU-XXX-99,2026-01,1,',
      'IKU-IMP-01,Januari 2026,1,',
      'IKU-IMP-01,2026-01,2,',
      'IKU-IMP-01,2026-02,tiga,',
      'IKU-IMP-02,2026-03,1,',
      'IKU-IMP-03,2026-01,1,',
      'IKU-IMP-01,2026-12,1,',
      'IKU-IMP-02,2026-Q5,1,',
    ].join('\n');
    const { report } = await importCsv(app, 'medan', 'measurements', file);
    expect(report).toMatchObject({ outcome: 'REJECTED', created: 0, rejected: 8 });
    expect(report.rejections.map((r) => [r.row, r.column, r.value])).toEqual([
      [3, 'Kode Indikator', 'IKU-XXX-99'],
      [4, 'Periode', 'Januari 2026'],
      [5, 'Periode', '2026-01'],
      [6, 'Realisasi', 'tiga'],
      [7, 'Periode', '2026-03'],
      [8, 'Kode Indikator', 'IKU-IMP-03'],
      [9, 'Periode', '2026-12'],
      [10, 'Periode', '2026-Q5'],
    ]);
    const reasons = report.rejections.map((r) => r.reason);
    expect(reasons[0]).toMatch(/no performance indicator with this code/);
    expect(reasons[1]).toMatch(/is not a period/);
    expect(reasons[2]).toMatch(/row 2|duplicate|more than once/i);
    expect(reasons[3]).toMatch(/not a number/);
    expect(reasons[4]).toMatch(/QUARTERLY indicator takes QUARTER periods/);
    expect(reasons[5]).toMatch(/retired/);
    expect(reasons[6]).toMatch(/has not started yet/);
    expect(reasons[7]).toMatch(/Q5 does not exist/);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('records the values as recordMeasurement does, and a second run changes nothing', async () => {
    const dry = await importCsv(app, 'medan', 'measurements', goodFile(), { dryRun: true });
    expect(dry.report).toMatchObject({ outcome: 'SUCCEEDED', created: 14, rejected: 0 });
    const { report } = await importCsv(app, 'medan', 'measurements', goodFile());
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 14, unchanged: 0, rejected: 0 });
    const res = await app.request<{
      node: { latestMeasurement: Record<string, unknown>; measurements: { totalCount: number } };
    }>(LATEST, { id: monthly }, { claims: adminOf('medan') });
    expect(res.errors).toBeUndefined();
    // The snapshot the API records: 4.0 days against a target of 3, lower is better.
    const percent = achievementPercent({ direction: 'LOWER_IS_BETTER', target: 3, actual: 4 });
    expect(percent).toBeLessThan(100);
    expect(res.data?.node).toEqual({
      latestMeasurement: { period: '2026-11', value: 4, note: null, achievementPercent: percent },
      measurements: { totalCount: 11 },
    });
    const before = await tableSnapshot(app);
    const again = await importCsv(app, 'medan', 'measurements', goodFile());
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 14, rejected: 0 });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses another value for a recorded period: measurements are not changed', async () => {
    const file = `${HEADER}\nIKU-IMP-02,2026-Q1,79,\n`;
    const { report } = await importCsv(app, 'medan', 'measurements', file, { mode: 'VALID_ONLY' });
    expect(report).toMatchObject({ created: 0, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({
      row: 2,
      column: 'Realisasi',
      value: '79',
      reason: expect.stringMatching(/2026-Q1 already has the value 80/),
    });
  });

  it('exports the measurements in the template columns, and the template maps back onto them', async () => {
    const rows: unknown[][] = [];
    for await (const row of exportRows(app.deps.table, 'medan', 'measurements'))
      if ('cells' in row) rows.push(row.cells);
    expect(rows).toHaveLength(14);
    expect(rows).toContainEqual(['IKU-IMP-01', '2026-01', 3, undefined]);
    expect(rows).toContainEqual(['IKU-IMP-02', '2026-Q1', 80, 'Triwulan I']);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeTemplate('measurements', 'csv', out);
    const header =
      Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const mapping = mapHeaders(MEASUREMENT_COLUMNS, header.split(','));
    expect(mapping.missing).toEqual([]);
    expect([...mapping.fieldIndex.keys()]).toEqual(['indicatorCode', 'period', 'value', 'note']);
  });
});
