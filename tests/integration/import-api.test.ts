import { mkdtemp, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '../../resolvers/global-id';
import { createImportJobStore } from '../../src/data/imports/import-job-store';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { uploadKeyOf } from '../../src/domain/onboarding/import-job';
import { importDepsOf } from '../../src/import/import-deps';
import { createImportQueueHandler } from '../../src/import/import-sqs';
import type { JobRef } from '../../src/import/import-worker';
import { createLocalImportFiles, type LocalImportFiles } from '../../src/local/local-import-files';
import { createLocalImportQueue, type LocalImportQueue } from '../../src/local/local-import-queue';
import { createUploadRoute } from '../../src/local/upload-route';
import { employeesCsv } from '../helpers/employee-rows';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let now = NOW;
const MAX_BYTES = 64 * 1024;
let app: TestApp;
let files: LocalImportFiles;
let queue: LocalImportQueue;
let http: Server;
let base: string;
let dir: string;
const admin = { claims: adminOf('medan') };
const silent = new Logger({ logLevel: 'SILENT' });

const CREATE = `mutation($input: CreateImportInput!) { createImport(input: $input) { id kind status fileName upload { url method expiresAt } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { status attempts resumed report { rows created rejected notes rejections { row column reason } fileProblem { code message } } } }`;
type Job = { id: string; status: string; fileName: string; upload: { url: string } | null };
type JobView = {
  status: string;
  attempts: number;
  resumed: boolean;
  report: {
    rows: number;
    created: number;
    rejected: number;
    notes: string[];
    fileProblem: { code: string } | null;
  } | null;
};

async function order(input: Record<string, unknown> = {}) {
  const res = await app.request<{ createImport: Job }>(
    CREATE,
    { input: { kind: 'EMPLOYEES', fileName: 'pegawai.csv', ...input } },
    admin,
  );
  return res.data?.createImport as Job;
}
/** The upload URL, pointed at this test's HTTP server (the path and token are what count). */
const uploadUrl = (job: Job) => {
  const url = new URL(job.upload?.url as string);
  return `${base}${url.pathname}${url.search}`;
};
const put = (url: string, body: BodyInit, init: RequestInit = {}) =>
  fetch(url, {
    method: 'PUT',
    body,
    ...init,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
const jobOf = async (id: string) =>
  (await app.request<{ importJob: JobView }>(JOB, { id }, admin)).data?.importJob as JobView;
const countEmployees = async () =>
  (
    await app.request<{ employees: { totalCount: number } }>(
      '{ employees(first: 1) { totalCount } }',
      {},
      admin,
    )
  ).data?.employees.totalCount ?? -1;
const refOf = (job: Job): JobRef => {
  const ref = parseGlobalId(job.id)?.ref as { agencyId: string; id: string };
  return { agencyId: ref.agencyId, jobId: ref.id };
};
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, NOW, 'organization');
  dir = await mkdtemp(join(tmpdir(), 'uploads-'));
  files = createLocalImportFiles(dir);
  const jobs = createImportJobStore(app.deps.table);
  queue = createLocalImportQueue(
    {
      ...importDepsOf(app.deps),
      clock: () => now,
      jobs,
      auditRetentionDays: 30,
      files,
      maxBytes: MAX_BYTES,
    },
    silent,
    { retryAfterMs: 1 },
  );
  const route = createUploadRoute({ jobs, files, queue, clock: () => now, maxBytes: MAX_BYTES });
  http = createServer((req, res) => {
    void route(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await queue.stop();
  await new Promise((resolve) => http.close(resolve));
  await app.close();
});

describe('importing through the API', () => {
  it('orders an import, takes the upload, runs it and reports through importJob', async () => {
    const before = await countEmployees();
    const job = await order({ fileName: '../../etc/data pegawai.csv' });
    expect(job).toMatchObject({ kind: 'EMPLOYEES', status: 'AWAITING_UPLOAD', fileName: 'data pegawai.csv' });
    expect(job.upload?.url).toMatch(/\/uploads\/medan\/[A-Za-z0-9]+\?token=/);
    const res = await put(uploadUrl(job), employeesCsv(3, 'KOMINFO', 5000));
    expect(res.status).toBe(200);
    await queue.idle();
    const done = await jobOf(job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 1, resumed: false });
    expect(done.report).toMatchObject({ rows: 3, created: 3, rejected: 0 });
    expect(await countEmployees()).toBe(before + 3);
    // The job keeps the report, not the file.
    expect(await files.size(uploadKeyOf(refOf(job).agencyId, refOf(job).jobId))).toBeUndefined();
    // The link is spent.
    expect((await put(uploadUrl(job), 'x')).status).toBe(409);
    // The upload link is only in createImport's answer.
    const again = await app.request<{ importJob: { upload: unknown } }>(
      'query($id: ID!) { importJob(id: $id) { upload { url } } }',
      { id: job.id },
      admin,
    );
    expect(again.data?.importJob.upload).toBeNull();
  });

  it('reports rejected rows of an uploaded file on the job, and writes nothing', async () => {
    const before = await countEmployees();
    const job = await order();
    const bad = employeesCsv(2, 'KOMINFO', 5100).replace(/KOMINFO,S1\n$/, 'NO-SUCH-UNIT,S1\n');
    await put(uploadUrl(job), bad);
    await queue.idle();
    const done = await jobOf(job.id);
    expect(done.status).toBe('REJECTED');
    expect(done.report?.rejected).toBe(1);
    expect(await countEmployees()).toBe(before);
  });

  it('holds an uploaded file to the career rules: education required, no grade beyond the path', async () => {
    const before = await countEmployees();
    const job = await order();
    // Generated rows: S1 graduates with TMT March 2015, so III/c is the highest regular golongan.
    const [header, first, second] = employeesCsv(2, 'KOMINFO', 5200).trim().split('\n');
    const file = `${header}\n${first?.replace(',III/a,', ',III/d,')}\n${second?.replace(/,S1$/, ',')}\n`;
    await put(uploadUrl(job), file);
    await queue.idle();
    const done = (
      await app.request<{ importJob: { status: string; report: { rejections: unknown[] } } }>(
        JOB,
        { id: job.id },
        admin,
      )
    ).data?.importJob;
    expect(done?.status).toBe('REJECTED');
    expect(done?.report.rejections).toEqual([
      { row: 2, column: 'Golongan', reason: expect.stringContaining('at most III/c') },
      { row: 3, column: 'Pendidikan', reason: expect.stringContaining('is required') },
    ]);
    expect(await countEmployees()).toBe(before);
  });

  it('refuses a wrong token, an expired link and a body over the cap, keeping nothing', async () => {
    const job = await order();
    const wrong = uploadUrl(job).replace(/token=[^&]+/, 'token=forged');
    expect((await put(wrong, 'NIP\n1\n')).status).toBe(403);
    expect((await put(uploadUrl(job).replace(/\?.*$/, ''), 'NIP\n')).status).toBe(403);
    // A chunked body (no content-length) is cut off at the cap.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 80; i += 1) controller.enqueue(new Uint8Array(1024).fill(65));
        controller.close();
      },
    });
    const tooBig = await put(uploadUrl(job), chunks).catch(() => ({ status: 413 }));
    expect(tooBig.status).toBe(413);
    expect(await readdir(join(dir, 'medan')).catch(() => [])).not.toContainEqual(
      expect.stringContaining(refOf(job).jobId),
    );
    expect((await jobOf(job.id)).status).toBe('AWAITING_UPLOAD');
    now = new Date(NOW.getTime() + 16 * 60 * 1000);
    try {
      expect((await put(uploadUrl(job), 'NIP\n')).status).toBe(410);
    } finally {
      now = NOW;
    }
  });

  it('lets only administrators order imports and read jobs of their own agency', async () => {
    const job = await order();
    const employee = {
      claims: { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: 'medan', employee_id: 'x' },
    };
    const refused = await app.request(CREATE, { input: { kind: 'EMPLOYEES', fileName: 'a.csv' } }, employee);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const other = await app.request(JOB, { id: job.id }, { claims: adminOf('palembang') });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const badKind = await app.request(CREATE, { input: { kind: 'MENTORSHIPS_X', fileName: 'a.csv' } }, admin);
    expect(badKind.errors?.length).toBeGreaterThan(0);
    const noName = await app.request(CREATE, { input: { kind: 'EMPLOYEES', fileName: '../' } }, admin);
    expect(codeOf(noName)).toBe('BAD_USER_INPUT');
  });
});

describe('the import function (SQS)', () => {
  const context = (remainingMs: number) =>
    ({
      awsRequestId: `req-${Math.random()}`,
      getRemainingTimeInMillis: () => remainingMs,
    }) as unknown as Context;
  const sqs = (body: unknown): SQSEvent =>
    ({ Records: [{ messageId: 'm1', body: JSON.stringify(body) }] }) as unknown as SQSEvent;
  const s3Event = (key: string) => ({
    Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key: encodeURIComponent(key) } } }],
  });

  it('stops near its timeout, re-queues the job and resumes it from the checkpoint', async () => {
    const requeued: JobRef[] = [];
    const jobs = createImportJobStore(app.deps.table);
    const handler = createImportQueueHandler(
      {
        ...importDepsOf(app.deps),
        clock: () => now,
        jobs,
        auditRetentionDays: 30,
        files,
        maxBytes: MAX_BYTES,
        requeue: async (ref) => {
          requeued.push(ref);
        },
      },
      silent,
    );
    const before = await countEmployees();
    const job = await order();
    const ref = refOf(job);
    await files.store(
      uploadKeyOf(ref.agencyId, ref.jobId),
      Readable.from([employeesCsv(450, 'DINKES', 6000)]),
      MAX_BYTES,
    );
    const first = await handler(sqs(s3Event(uploadKeyOf(ref.agencyId, ref.jobId))), context(10_000));
    expect(first.batchItemFailures).toEqual([]);
    expect(requeued).toEqual([ref]);
    expect((await jobOf(job.id)).status).toBe('RUNNING');
    // It stops after its first batch; the batches already in flight (src/import/in-order.ts) finish
    // and are checkpointed: whole batches of 100, never the whole file.
    const written = (await countEmployees()) - before;
    expect(written % 100).toBe(0);
    expect(written).toBeGreaterThanOrEqual(100);
    expect(written).toBeLessThan(450);
    // A duplicate S3 notification changes nothing while the job is already queued or running.
    await handler(sqs(s3Event(uploadKeyOf(ref.agencyId, ref.jobId))), context(10_000));
    const second = await handler(sqs({ continueImport: ref }), context(600_000));
    expect(second.batchItemFailures).toEqual([]);
    const done = await jobOf(job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', resumed: true });
    expect(done.report?.created).toBe(450);
    expect(await countEmployees()).toBe(before + 450);
  });

  it('fails a job whose object is over the limit, deletes the object, and ignores foreign keys', async () => {
    const handler = createImportQueueHandler(
      {
        ...importDepsOf(app.deps),
        clock: () => now,
        jobs: createImportJobStore(app.deps.table),
        auditRetentionDays: 30,
        files,
        maxBytes: 10,
        requeue: async () => undefined,
      },
      silent,
    );
    const job = await order();
    const ref = refOf(job);
    const key = uploadKeyOf(ref.agencyId, ref.jobId);
    await files.store(key, Readable.from(['NIP,Nama\n1,2\n3,4\n']), MAX_BYTES);
    expect((await handler(sqs(s3Event(key)), context(600_000))).batchItemFailures).toEqual([]);
    const failed = await jobOf(job.id);
    expect(failed).toMatchObject({ status: 'FAILED', report: { fileProblem: { code: 'TOO_LARGE' } } });
    expect(await files.size(key)).toBeUndefined();
    // An object no job ordered is deleted; malformed bodies and S3 test events are skipped.
    const stray = uploadKeyOf('medan', 'NOJOB123');
    await files.store(stray, Readable.from(['x']), MAX_BYTES);
    expect((await handler(sqs(s3Event(stray)), context(600_000))).batchItemFailures).toEqual([]);
    expect(await files.size(stray)).toBeUndefined();
    expect((await handler(sqs({ Event: 's3:TestEvent' }), context(600_000))).batchItemFailures).toEqual([]);
    expect(
      (await handler(sqs(s3Event('imports/../../etc/passwd')), context(600_000))).batchItemFailures,
    ).toEqual([]);
  });
});
