import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportJobStore, type ImportJobStore } from '../../src/data/imports/import-job-store';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { sha256Of, startFileJob } from '../../src/import/file-job';
import { importDepsOf } from '../../src/import/import-deps';
import { type ImportJobDeps, runImportJob } from '../../src/import/run-import-job';
import { employeesCsv } from '../helpers/employee-rows';
import { tempFile } from '../helpers/import-files';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const START = new Date('2026-11-01T00:00:00.000Z');
let now = START;
let app: TestApp;
let deps: ImportJobDeps;

const countEmployees = async () => {
  const res = await app.request<{ employees: { totalCount: number } }>(
    '{ employees(first: 1) { totalCount } }',
    {},
    { claims: adminOf('medan') },
  );
  return res.data?.employees.totalCount ?? -1;
};

/** Starts or resumes the CLI job of a file, as `npm run import` does. */
async function cliJob(path: string) {
  return startFileJob(deps, {
    agencyId: 'medan',
    kind: 'employees',
    mode: 'ALL_OR_NOTHING',
    fileName: 'pegawai.csv',
    sha256: await sha256Of(createReadStream(path)),
    requestedBy: 'cli:test',
  });
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, START, 'organization');
  deps = {
    ...importDepsOf(app.deps),
    clock: () => now,
    jobs: createImportJobStore(app.deps.table),
    auditRetentionDays: 30,
  };
});
afterAll(() => app.close());

describe('resuming an interrupted import', () => {
  it('stops after a checkpoint, and the same file run again resumes there to completion', async () => {
    const path = await tempFile('pegawai.csv', employeesCsv(250));
    const before = await countEmployees();
    const first = await cliJob(path);
    expect(first.state).toBe('NEW');
    const jobId = (first as { job: { id: string } }).job.id;
    const open = async () => createReadStream(path);
    const stopped = await runImportJob(deps, 'medan', jobId, {
      owner: 'cli:1',
      open,
      shouldStop: () => true,
    });
    expect(stopped.state).toBe('STOPPED');
    expect((stopped as { job: { checkpoint?: unknown } }).job.checkpoint).toEqual({
      writtenThroughRow: 101,
      counts: { created: 100, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(await countEmployees()).toBe(before + 100);

    const again = await cliJob(path);
    expect(again).toMatchObject({ state: 'RESUME', job: { id: jobId } });
    const done = await runImportJob(deps, 'medan', jobId, { owner: 'cli:2', open });
    expect(done.state).toBe('FINISHED');
    const { job, report } = done as Extract<typeof done, { state: 'FINISHED' }>;
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', created: 250, unchanged: 0, resumedFromRow: 102 });
    expect(report.notes.join(' ')).toMatch(/Resumed/);
    expect(job).toMatchObject({ status: 'SUCCEEDED', resumed: true, attempts: 2 });
    expect(await countEmployees()).toBe(before + 250);
    // Finished: the next run of the same file is a new job, and changes nothing.
    expect((await cliJob(path)).state).toBe('NEW');
  });

  it('loses nothing and duplicates nothing when it dies between a write and its checkpoint', async () => {
    const path = await tempFile('pegawai-2.csv', employeesCsv(320, 'DISDIK', 1000));
    const before = await countEmployees();
    const start = await cliJob(path);
    const jobId = (start as { job: { id: string } }).job.id;
    const open = async () => createReadStream(path);
    // The store fails from the second checkpoint on (the worker is as good as dead): the second
    // batch is written, its checkpoint is not, and the lease cannot be given back.
    let replaces = 0;
    const failing: ImportJobStore = {
      ...deps.jobs,
      async replace(a, b) {
        replaces += 1;
        if (replaces >= 3) throw new Error('disk gone');
        return deps.jobs.replace(a, b);
      },
    };
    await expect(
      runImportJob({ ...deps, jobs: failing }, 'medan', jobId, { owner: 'w1', open }),
    ).rejects.toThrow('disk gone');
    expect(await countEmployees()).toBe(before + 200);
    // The failed worker could not release its lease: another waits for it to lapse, then takes over.
    const busy = await runImportJob(deps, 'medan', jobId, { owner: 'w2', open });
    expect(busy).toMatchObject({ state: 'SKIPPED', reason: 'BUSY' });
    now = new Date(START.getTime() + 10 * 60 * 1000);
    const done = await runImportJob(deps, 'medan', jobId, { owner: 'w2', open });
    const { report } = done as Extract<typeof done, { state: 'FINISHED' }>;
    expect(report.outcome).toBe('SUCCEEDED');
    expect(report.resumedFromRow).toBe(102);
    // Rows 102-201 were written before the failure: this time they are found unchanged.
    expect({ created: report.created, unchanged: report.unchanged }).toEqual({
      created: 220,
      unchanged: 100,
    });
    expect(await countEmployees()).toBe(before + 320);
  });

  it('refuses a second worker while the first holds the job', async () => {
    const path = await tempFile('pegawai-3.csv', employeesCsv(5, 'BAPPEDA', 2000));
    const start = await cliJob(path);
    const job = (start as { job: Parameters<ImportJobStore['replace']>[0] }).job;
    await deps.jobs.replace(job, {
      ...job,
      status: 'RUNNING',
      leaseOwner: 'someone',
      leaseUntil: new Date(now.getTime() + 60_000).toISOString(),
    });
    expect((await cliJob(path)).state).toBe('BUSY');
    const run = await runImportJob(deps, 'medan', job.id, {
      owner: 'me',
      open: async () => createReadStream(path),
    });
    expect(run).toMatchObject({ state: 'SKIPPED', reason: 'BUSY' });
  });
});
