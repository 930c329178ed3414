import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programCountsOf } from '../../src/data/entities/enrollment';
import { createRollupAggregator } from '../../src/data/rollups/apply-changes';
import { rebuildRollups } from '../../src/data/rollups/rebuild-rollups';
import { createStreamPoller, type StreamPoller } from '../../src/data/rollups/stream-poller';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Enrollment } from '../../src/domain/training';
import {
  JVM_OPTIONS,
  QUICK_START_JVM_OPTIONS,
  type RunningDynamoDb,
  startDynamoDbLocal,
} from '../../src/local/dynamodb-local';
import { type DynamoDbSupervisor, superviseDynamoDbLocal } from '../../src/local/dynamodb-supervisor';
import { createReadinessProbe } from '../../src/server/readiness';
import { expectedRollups, expectSame, scan, storedRollups } from '../helpers/rollup-fixtures';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';
import { employeesOf, seedPartnerPrograms } from '../helpers/webhook-harness';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const DAY = 86_400_000;
const ENROLL = `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id status } }`;

let dataDir: string;
let dynamo: RunningDynamoDb;
let supervisor: DynamoDbSupervisor;
const said: string[] = [];
const gaveUp: string[] = [];
let app: TestApp;
/** The app that wrote the seed (busy-machine timeouts); closed last, as it owns the table. */
let setupApp: TestApp | undefined;
let poller: StreamPoller;
let ready: () => Promise<boolean>;
/** A program of three seats with the partner `usu`, and employees to enroll in it. */
let program = '';
const employees = employeesOf('medan', NOW, 12);
/** What happens right before the next TransactWriteItems call goes out (once). */
let beforeNextTransaction: (() => void) | undefined;

const enroll = (employeeId: string) =>
  app.request<{ enrollEmployee: { id: string; status: string } }>(
    ENROLL,
    { input: { programId: program, employeeId } },
    { claims: adminOf('medan') },
  );

/** An answer while the database failed: the change, or a masked SERVICE_UNAVAILABLE; never anything else. */
function expectTypedAnswer(answer: GraphQLResponse<{ enrollEmployee: { id: string } }>) {
  if (!answer.errors) return expect(answer.data?.enrollEmployee.id).toBeTruthy();
  expect(answer.errors.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(JSON.stringify(answer)).not.toMatch(/Timeout|ECONN|socket|127\.0\.0\.1|stack/i);
}

/** The environment a process was started with (Linux's /proc), as name=value lines. */
const environmentOf = (pid: number | undefined) =>
  readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
/** The JVM options a process was started with (JDK_JAVA_OPTIONS in its environment). */
const javaOptionsOf = (pid: number | undefined) =>
  environmentOf(pid)
    .find((entry) => entry.startsWith('JDK_JAVA_OPTIONS='))
    ?.slice('JDK_JAVA_OPTIONS='.length);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks readiness until it says `wanted` (each check bounded by the probe's own time limit). */
async function untilReady(wanted: boolean) {
  for (let check = 0; check < 30; check += 1) if ((await ready()) === wanted) return;
  throw new Error(`readiness never became ${wanted}`);
}

/**
 * What no fault may break: seats taken and waitlist = the enrollments holding them, per program;
 * each partner feed numbered 1..n without gaps, its counter at n; rollups = recomputation.
 */
async function expectInvariants() {
  await poller.drain();
  const items = await scan(app.deps.table);
  const programs = items.filter((i) => i.entity === 'TrainingProgram');
  expect(programs.length).toBeGreaterThan(0);
  for (const p of programs) {
    const enrollments = items.filter(
      (i) => i.entity === 'Enrollment' && i.agencyId === p.agencyId && i.programId === p.id,
    ) as unknown as Enrollment[];
    const counted = enrollments.map(programCountsOf);
    expect([p.seatsTaken ?? 0, p.waitlistCount ?? 0]).toEqual([
      counted.reduce((n, c) => n + c.seatsTaken, 0),
      counted.reduce((n, c) => n + c.waitlistCount, 0),
    ]);
  }
  const counters = items.filter((i) => String(i.pk).startsWith('@partner-') && i.sk === '#sequence');
  expect(counters.length).toBeGreaterThan(0);
  for (const counter of counters) {
    const sequences = items
      .filter((i) => i.pk === counter.pk && i.sk !== '#sequence')
      .map((i) => Number(i.sequence))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(Number(counter.sequence)).toBe(sequences.length);
  }
  expectSame(storedRollups(items), expectedRollups(items));
}

beforeAll(async () => {
  // A DynamoDB Local of this file's own, persisted, supervised as under npm start (one restart).
  dataDir = mkdtempSync(join(tmpdir(), 'database-faults-'));
  dynamo = await startDynamoDbLocal({ dataDir });
  supervisor = superviseDynamoDbLocal(dynamo, {
    dataDir,
    // As npm start restarts it.
    quickStart: true,
    maxRestarts: 1,
    say: (line) => said.push(line),
    giveUp: (message) => gaveUp.push(message),
  });
  // The seed and setup go through an app with the busy machine's timeouts (a loaded CI machine
  // can take seconds per transaction on an on-disk DynamoDB Local); the tests then use an app with
  // short ones on the same table, so a stalled database answers within the test's time.
  const setup = await createTestApp({ endpoint: dynamo.endpoint, clock: () => NOW });
  app = setup;
  const { table } = app.deps;
  await seedDemoData(table, NOW, 'organization');
  await app.enableStream();
  poller = createStreamPoller({
    client: app.deps.dynamo.client,
    table,
    aggregator: createRollupAggregator(table, () => NOW),
    timeouts: app.config.dynamoTimeouts,
  });
  // As npm start does on a first start: follow the stream from here, rollups rebuilt from the items.
  await poller.skipToEnd();
  await rebuildRollups(table, NOW);
  await seedPartnerPrograms(app, () => NOW);
  const created = await app.request<{ createTrainingProgram: { id: string } }>(
    `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
    {
      input: {
        title: 'Kursus Tiga Kursi',
        category: 'TECHNICAL',
        format: 'COURSE',
        jp: 20,
        startDate: new Date(NOW.getTime() - 5 * DAY).toISOString().slice(0, 10),
        endDate: new Date(NOW.getTime() + 20 * DAY).toISOString().slice(0, 10),
        capacity: 3,
        costPerParticipant: 0,
        partnerCode: 'usu',
        status: 'OPEN',
      },
    },
    { claims: adminOf('medan') },
  );
  expect(created.errors).toBeUndefined();
  program = created.data?.createTrainingProgram.id ?? '';
  app = await createTestApp({
    endpoint: dynamo.endpoint,
    tableName: setup.config.tableName,
    clock: () => NOW,
    env: { DYNAMODB_REQUEST_TIMEOUT_MS: '3000', REQUEST_RETRY_BUDGET_MS: '8000' },
  });
  setupApp = setup;
  ready = createReadinessProbe(app.deps.table);
  app.deps.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (/^TransactWrite/.test(String(context.commandName)) && beforeNextTransaction) {
        const act = beforeNextTransaction;
        beforeNextTransaction = undefined;
        act();
      }
      return next(args);
    },
    { step: 'initialize', name: 'database-fault-injection' },
  );
}, 180_000);

afterAll(async () => {
  await poller?.stop();
  await app?.close();
  if (setupApp !== app) await setupApp?.close();
  await supervisor?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the database stalls or dies under requests', () => {
  it('runs DynamoDB Local with its telemetry off and its JVM options, our own environment left as it was', () => {
    expect(environmentOf(dynamo.pid)).toContain('DDB_LOCAL_TELEMETRY=0');
    // Every start's options, then class data sharing's (an archive mapped, or written at exit).
    expect(javaOptionsOf(dynamo.pid)).toMatch(
      new RegExp(`^${escapeRegExp(JVM_OPTIONS)} -XX:(SharedArchiveFile|ArchiveClassesAtExit)=\\S+$`),
    );
    expect(process.env.DDB_LOCAL_TELEMETRY).toBeUndefined();
    expect(process.env.JDK_JAVA_OPTIONS).toBeUndefined();
  });

  it('answers SERVICE_UNAVAILABLE while DynamoDB is paused mid-transaction, is not ready, and serves again once it resumes', async () => {
    const pid = dynamo.pid as number;
    beforeNextTransaction = () => process.kill(pid, 'SIGSTOP');
    const answers = await Promise.all(employees.slice(0, 4).map(enroll));
    for (const answer of answers) expectTypedAnswer(answer);
    expect(answers.some((a) => a.errors)).toBe(true);
    expect(await ready()).toBe(false);

    process.kill(pid, 'SIGCONT');
    await untilReady(true);
    // The same server (no restart) serves again.
    const after = await enroll(employees[4] as string);
    expect(after.errors).toBeUndefined();
    await expectInvariants();
  }, 120_000);

  it('restarts a killed DynamoDB Local in place (same port, same data), after which the same server serves', async () => {
    const killed = supervisor.current;
    beforeNextTransaction = () => process.kill(killed.pid as number, 'SIGKILL');
    const answers = await Promise.all(employees.slice(5, 8).map(enroll));
    for (const answer of answers) expectTypedAnswer(answer);
    await killed.exited;
    await supervisor.settled();
    expect(said).toEqual([
      `DynamoDB Local was killed (SIGKILL); restarting it on port ${killed.port} with the same data (restart 1 of 1)`,
      `DynamoDB Local is back on ${killed.endpoint}`,
    ]);
    expect(environmentOf(supervisor.current.pid)).toContain('DDB_LOCAL_TELEMETRY=0');
    // Restarted to answer soon: the quick-start options beside every start's.
    expect(javaOptionsOf(supervisor.current.pid)).toMatch(
      new RegExp(
        `^${escapeRegExp(`${JVM_OPTIONS} ${QUICK_START_JVM_OPTIONS}`)} -XX:(SharedArchiveFile|ArchiveClassesAtExit)=\\S+$`,
      ),
    );
    await untilReady(true);
    const after = await enroll(employees[8] as string);
    expect(after.errors).toBeUndefined();
    await expectInvariants();
  }, 180_000);

  it('gives up with one clear message when it dies again past the restart limit', async () => {
    const killed = supervisor.current;
    process.kill(killed.pid as number, 'SIGKILL');
    await killed.exited;
    await supervisor.settled();
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toMatch(/^DynamoDB Local was killed \(SIGKILL\) after 1 restart; giving up\./);
    expect(said).toHaveLength(2);
    expect(await ready()).toBe(false);
  }, 60_000);
});
