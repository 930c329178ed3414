import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '../../resolvers/global-id';
import { createImportJobStore, type ImportJobStore } from '../../src/data/imports/import-job-store';
import { feedPartition } from '../../src/data/partner-feed';
import { createRollupAggregator } from '../../src/data/rollups/apply-changes';
import { rebuildRollups } from '../../src/data/rollups/rebuild-rollups';
import { createStreamPoller } from '../../src/data/rollups/stream-poller';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Enrollment } from '../../src/domain/training';
import { sha256Of, startFileJob } from '../../src/import/file-job';
import { importDepsOf } from '../../src/import/import-deps';
import { BATCH_ROWS, WRITE_BATCHES_IN_FLIGHT } from '../../src/import/kind-importer';
import type { ImportCheckpoint } from '../../src/import/run-import';
import { type ImportJobDeps, runImportJob } from '../../src/import/run-import-job';
import { employeesCsv } from '../helpers/employee-rows';
import { importPath, tempFile } from '../helpers/import-files';
import { expectedRollups, expectSame, scan, storedRollups } from '../helpers/rollup-fixtures';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const START = new Date('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;
/** A worker killed mid-import: after this many transactions every DynamoDB call fails. */
let killAfterTransactions = Number.POSITIVE_INFINITY;
let transactions = 0;
let killed = false;
/** Calls the worker had sent when it was killed go on to DynamoDB: they may still commit. */
let inFlight = 0;
const whenSettled: (() => void)[] = [];
/** Resolves once no call of the (killed) worker is still on its way to DynamoDB. */
const settled = () =>
  inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenSettled.push(resolve));
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
  app.deps.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (killed) throw new Error('worker killed');
      inFlight += 1;
      let result: Awaited<ReturnType<typeof next>>;
      try {
        result = await next(args);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) for (const settle of whenSettled.splice(0)) settle();
      }
      if (/^TransactWrite/.test(String(context.commandName))) {
        transactions += 1;
        if (transactions >= killAfterTransactions) {
          killed = true;
          throw new Error('worker killed');
        }
      }
      return result;
    },
    { step: 'initialize', name: 'kill-the-worker' },
  );
});
afterAll(() => app.close());

describe('resuming an interrupted import', () => {
  it('stops after a checkpoint (the batches in flight finish first), and the same file run again resumes there to completion', async () => {
    const path = await tempFile('pegawai.csv', employeesCsv(600));
    const before = await countEmployees();
    const first = await cliJob(path);
    expect(first.state).toBe('NEW');
    const jobId = (first as { job: { id: string } }).job.id;
    const open = async () => createReadStream(path);
    const checkpoints: number[] = [];
    const watched: ImportJobStore = {
      ...deps.jobs,
      async replace(a, b) {
        if (b.checkpoint) checkpoints.push(b.checkpoint.writtenThroughRow);
        return deps.jobs.replace(a, b);
      },
    };
    const stopped = await runImportJob({ ...deps, jobs: watched }, 'medan', jobId, {
      owner: 'cli:1',
      open,
      shouldStop: () => true,
    });
    expect(stopped.state).toBe('STOPPED');
    const { checkpoint } = (stopped as { job: { checkpoint: ImportCheckpoint } }).job;
    // Asked to stop at the first checkpoint: no further batch was taken, those in flight were
    // finished and checkpointed in file order (each checkpoint the end of a batch of 100).
    expect(checkpoints[0]).toBe(101);
    expect(checkpoints).toEqual([...checkpoints].sort((a, b) => a - b));
    for (const row of checkpoints) expect((row - 1) % BATCH_ROWS).toBe(0);
    expect(checkpoint.writtenThroughRow).toBe(checkpoints[checkpoints.length - 1]);
    expect(checkpoint.writtenThroughRow).toBeLessThanOrEqual(1 + WRITE_BATCHES_IN_FLIGHT * BATCH_ROWS);
    const written = checkpoint.writtenThroughRow - 1;
    expect(checkpoint.counts).toEqual({ created: written, updated: 0, unchanged: 0, rejected: 0 });
    expect(await countEmployees()).toBe(before + written);

    const again = await cliJob(path);
    expect(again).toMatchObject({ state: 'RESUME', job: { id: jobId } });
    const done = await runImportJob(deps, 'medan', jobId, { owner: 'cli:2', open });
    expect(done.state).toBe('FINISHED');
    const { job, report } = done as Extract<typeof done, { state: 'FINISHED' }>;
    expect(report).toMatchObject({
      outcome: 'SUCCEEDED',
      created: 600,
      unchanged: 0,
      resumedFromRow: checkpoint.writtenThroughRow + 1,
    });
    expect(report.notes.join(' ')).toMatch(/Resumed/);
    expect(job).toMatchObject({ status: 'SUCCEEDED', resumed: true, attempts: 2 });
    expect(await countEmployees()).toBe(before + 600);
    // Finished: the next run of the same file is a new job, and changes nothing.
    expect((await cliJob(path)).state).toBe('NEW');
  }, 300_000);

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
    // Batches 1 and 2 were written; batches in flight beside them may have been (the failed
    // worker waits for them before it gives up), but only batch 1 is checkpointed.
    const afterFailure = (await countEmployees()) - before;
    expect(afterFailure).toBeGreaterThanOrEqual(200);
    expect(afterFailure).toBeLessThanOrEqual(320);
    // The failed worker could not release its lease: another waits for it to lapse, then takes over.
    const busy = await runImportJob(deps, 'medan', jobId, { owner: 'w2', open });
    expect(busy).toMatchObject({ state: 'SKIPPED', reason: 'BUSY' });
    now = new Date(START.getTime() + 10 * 60 * 1000);
    const done = await runImportJob(deps, 'medan', jobId, { owner: 'w2', open });
    const { report } = done as Extract<typeof done, { state: 'FINISHED' }>;
    expect(report.outcome).toBe('SUCCEEDED');
    expect(report.resumedFromRow).toBe(102);
    // Rows written after the checkpoint are found unchanged this time, the rest created: each once
    // (the counts carry the checkpoint's 100 created).
    expect({ created: report.created, unchanged: report.unchanged }).toEqual({
      created: 100 + 320 - afterFailure,
      unchanged: afterFailure - 100,
    });
    expect(await countEmployees()).toBe(before + 320);
  }, 300_000);

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

describe('an enrollment import killed while batches are written side by side', () => {
  it('resumes from its checkpoint and writes every row exactly once: seats, lists, feed and rollups agree', async () => {
    const table = app.deps.table;
    const poller = createStreamPoller({
      client: app.deps.dynamo.client,
      table,
      aggregator: createRollupAggregator(table, () => now),
      timeouts: app.config.dynamoTimeouts,
    });
    try {
      const admin = { claims: adminOf('medan') };
      const partner = await app.request(
        `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
        { input: { code: 'usu', name: 'Universitas Sumatera Utara', kind: 'UNIVERSITY' } },
        admin,
      );
      expect(partner.errors).toBeUndefined();
      const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
      const programIds: Record<string, string> = {};
      for (const [code, partnerCode] of [
        ['IMPOR-USU', 'usu'],
        ['IMPOR-AULA', undefined],
      ] as const) {
        const res = await app.request<{ createTrainingProgram: { id: string } }>(
          `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
          {
            input: {
              code,
              title: `Kursus ${code}`,
              category: 'TECHNICAL',
              format: 'COURSE',
              jp: 20,
              startDate: day(-5),
              endDate: day(20),
              capacity: 1000,
              costPerParticipant: 0,
              partnerCode,
              status: 'OPEN',
            },
          },
          admin,
        );
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        programIds[code] = parseGlobalId(res.data?.createTrainingProgram.id ?? '')?.ref.id ?? '';
      }
      const people = 150;
      const employeesFile = await tempFile('pegawai-kursus.csv', employeesCsv(people, 'DISDIK', 5000));
      const imported = await importPath(app, 'medan', 'employees', employeesFile);
      expect(imported.report.created).toBe(people);
      // Each employee in both programs: 300 rows, 3 batches of about 6 transactions (20 rows each).
      const nips = employeesCsv(people, 'DISDIK', 5000)
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0] as string);
      const lines = nips.flatMap((nip) => [`${nip},IMPOR-USU,Terdaftar`, `${nip},IMPOR-AULA,Terdaftar`]);
      const path = await tempFile('kursus.csv', `NIP,Kode Program,Status\n${lines.join('\n')}\n`);
      // The rollups as of now, rebuilt from the programs and employees written so far; the poller
      // follows every write of the enrollment import from here (only those pay for stream records).
      await app.enableStream();
      await poller.skipToEnd();
      await rebuildRollups(table, now);
      const start = await startFileJob(deps, {
        agencyId: 'medan',
        kind: 'enrollments',
        mode: 'ALL_OR_NOTHING',
        fileName: 'kursus.csv',
        sha256: await sha256Of(createReadStream(path)),
        requestedBy: 'cli:test',
      });
      const jobId = (start as { job: { id: string } }).job.id;
      const open = async () => createReadStream(path);

      // The worker dies at its 8th transaction (in the second batch or so, more in flight): that
      // transaction commits, then every call fails, as if the process were killed.
      transactions = 0;
      killAfterTransactions = 8;
      await expect(runImportJob(deps, 'medan', jobId, { owner: 'w1', open })).rejects.toThrow(
        'worker killed',
      );
      // What the dead worker had sent lands (or not) before we look: the job failed on the first
      // refused call while others were still on their way.
      await settled();
      killAfterTransactions = Number.POSITIVE_INFINITY;
      killed = false;

      const enrollmentsOf = async () =>
        (await scan(table)).filter(
          (i) => i.entity === 'Enrollment' && Object.values(programIds).includes(String(i.programId)),
        );
      const job = await deps.jobs.get('medan', jobId);
      const checkpoint = job?.checkpoint?.writtenThroughRow ?? 0;
      const partial = await enrollmentsOf();
      expect(partial.length).toBeGreaterThan(0);
      expect(partial.length).toBeLessThan(lines.length);
      // Nothing up to the checkpoint is missing (rows 2..checkpoint of the file).
      expect(checkpoint).toBeLessThan(lines.length + 1);
      expect(partial.length).toBeGreaterThanOrEqual(Math.max(0, checkpoint - 1));

      now = new Date(now.getTime() + 10 * 60 * 1000);
      const done = await runImportJob(deps, 'medan', jobId, { owner: 'w2', open });
      expect(done.state).toBe('FINISHED');
      const { report } = done as Extract<typeof done, { state: 'FINISHED' }>;
      expect(report.outcome).toBe('SUCCEEDED');
      expect(report.rejections).toEqual([]);
      if (checkpoint > 0) expect(report.resumedFromRow).toBe(checkpoint + 1);
      // The checkpoint's counts carried over; after it, the rows the dead worker wrote are found
      // unchanged and the rest created.
      expect(job?.checkpoint?.counts.created ?? 0).toBe(Math.max(0, checkpoint - 1));
      expect(report.unchanged).toBe(partial.length - Math.max(0, checkpoint - 1));
      expect(report.created).toBe(Math.max(0, checkpoint - 1) + lines.length - partial.length);

      await poller.drain();
      const items = await scan(table);
      const enrollments = items.filter(
        (i) => i.entity === 'Enrollment' && Object.values(programIds).includes(String(i.programId)),
      ) as unknown as Enrollment[];
      // Exactly one enrollment per row.
      expect(enrollments).toHaveLength(lines.length);
      expect(new Set(enrollments.map((e) => `${e.programId}:${e.employeeId}`)).size).toBe(lines.length);
      // Seat counters equal the enrollments holding seats.
      for (const id of Object.values(programIds)) {
        const program = items.find((i) => i.entity === 'TrainingProgram' && i.id === id);
        expect(program?.seatsTaken).toBe(enrollments.filter((e) => e.programId === id).length);
      }
      // Each employee lists each of its enrollments once.
      const byEmployee = new Map<string, string[]>();
      for (const e of enrollments)
        byEmployee.set(e.employeeId, [...(byEmployee.get(e.employeeId) ?? []), e.id]);
      for (const [employeeId, ids] of byEmployee) {
        const employee = items.find((i) => i.entity === 'Employee' && i.id === employeeId);
        expect([...((employee?.enrollmentIds as string[]) ?? [])].sort()).toEqual([...ids].sort());
      }
      // The partner's feed: numbered 1..n without gaps, one CREATED entry per enrollment of its program.
      const partnerId = String(
        items.find((i) => i.entity === 'TrainingProgram' && i.id === programIds['IMPOR-USU'])?.partnerId,
      );
      const feed = items.filter((i) => i.pk === feedPartition(partnerId) && i.sk !== '#sequence');
      const sequences = feed.map((i) => Number(i.sequence)).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
      expect(items.find((i) => i.pk === feedPartition(partnerId) && i.sk === '#sequence')?.sequence).toBe(
        sequences.length,
      );
      const created = feed.filter(
        (i) => i.programId === programIds['IMPOR-USU'] && i.changeType === 'CREATED',
      );
      expect(created.map((i) => i.enrollmentId).sort()).toEqual(
        enrollments
          .filter((e) => e.programId === programIds['IMPOR-USU'])
          .map((e) => e.id)
          .sort(),
      );
      // The dashboards' rollups equal their recomputation from the records.
      expectSame(storedRollups(items), expectedRollups(items));
    } finally {
      await poller.stop();
    }
  }, 600_000);
});
