import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { MAX_LISTED_REJECTIONS } from '../../src/domain/onboarding/import-report';
import { importDepsOf } from '../../src/import/import-deps';
import { importFile } from '../../src/import/import-file';
import { EMPLOYEE_HEADER } from '../helpers/employee-rows';
import { tempFile } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const MB = 1024 * 1024;
let app: TestApp;

/** A 50 MB employees file whose every row has a NIP that cannot be one (17 digits), written as a stream. */
async function fiftyMegabytesOfBadRows(): Promise<{ path: string; rows: number }> {
  const path = await tempFile('besar.csv', '');
  const out = createWriteStream(path);
  out.write(`${EMPLOYEE_HEADER}\n`);
  const filler = 'x'.repeat(60);
  let bytes = 0;
  let rows = 0;
  while (bytes < 50 * MB) {
    const line = `${String(10_000_000_000_000_000n + BigInt(rows))},Pegawai ${filler} ${rows},L,1990-01-01,PNS,III/a,Analis,Pelaksana,KOMINFO,S1\n`;
    bytes += line.length;
    rows += 1;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, rows };
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('a 50 MB file of bad rows', () => {
  it('is checked to the end with bounded memory, counts every bad row, lists 5000 and writes nothing', async () => {
    const { path, rows } = await fiftyMegabytesOfBadRows();
    expect((await stat(path)).size).toBeGreaterThanOrEqual(50 * MB);
    const count = async () =>
      (
        await app.request<{ employees: { totalCount: number } }>(
          '{ employees(first: 1) { totalCount } }',
          {},
          {
            claims: adminOf('medan'),
          },
        )
      ).data?.employees.totalCount;
    const before = await count();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    try {
      const { report } = await importFile(importDepsOf(app.deps), {
        agencyId: 'medan',
        kind: 'employees',
        mode: 'ALL_OR_NOTHING',
        dryRun: false,
        open: async () => createReadStream(path),
      });
      expect(report).toMatchObject({
        outcome: 'REJECTED',
        rows,
        rejected: rows,
        created: 0,
        rejectionsTruncated: true,
      });
      expect(report.rejections).toHaveLength(MAX_LISTED_REJECTIONS);
      expect(report.rejections[0]).toMatchObject({ row: 2, column: 'NIP' });
    } finally {
      clearInterval(sampler);
    }
    // The file as JS strings alone would take over 100 MB; its rows as cell arrays several times that.
    expect((peak - baseline) / MB).toBeLessThan(160);
    expect(await count()).toBe(before);
    // Reading and checking 50 MB takes ~35 s on a quiet machine and over a minute on a loaded one.
  }, 240_000);
});
