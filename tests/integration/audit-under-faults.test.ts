import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { runAudited, TRANSACT_MAX_ITEMS } from '../../src/data/audited-transaction';
import type { Write } from '../../src/data/write';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { AuditEntry } from '../../src/domain/audit-entry';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { scan } from '../helpers/rollup-fixtures';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const belawan = toGlobalId('Unit', 'medan', 'medan-belawan');
const CREATE = `mutation Create($input: CreateEmployeeInput!) { createEmployee(input: $input) { id version } }`;

/** The process that "fails" right after a transaction commits: the rest of the request never runs. */
class ProcessDied extends Error {}

let dynamo: RunningDynamoDb;
let app: TestApp;
/** The app that wrote the seed and owns the table (closed last). */
let setupApp: TestApp | undefined;
/** What happens right after the next TransactWriteItems call returns (once). */
let afterNextCommit: (() => void) | undefined;

/** A valid new employee; `n` makes the NIP unique (its sequence digits). */
const employeeInput = (n: number, extra: Record<string, unknown> = {}) => ({
  nip: `199001012015031${String(n).padStart(3, '0')}`,
  name: `Pegawai ${n}`,
  unitId: belawan,
  employmentType: 'PNS',
  golongan: 'III_B',
  position: { title: 'Analis', type: 'FUNCTIONAL' },
  education: 'S1',
  ...extra,
});

const create = (input: Record<string, unknown>) =>
  app.request<{ createEmployee: { id: string } }>(CREATE, { input }, { claims: adminOf('medan') });

/** Employees this file created, and the audit entries stored, straight from the table. */
async function stored() {
  const items = await scan(app.deps.table);
  const employees = items
    .filter((i) => i.entity === 'Employee' && String(i.name).startsWith('Pegawai '))
    .map((i) => toGlobalId('Employee', String(i.agencyId), String(i.id)));
  const entries = items.filter((i) => i.entity === 'AuditEntry' && i.mutation === 'createEmployee');
  return { employees, entries };
}

beforeAll(async () => {
  // A DynamoDB Local of this file's own: the tests stop it (SIGSTOP), which others must not feel.
  dynamo = await startDynamoDbLocal();
  // The seed goes through an app with the busy machine's timeouts (a loaded machine can take
  // seconds per transaction); the tests use short ones on the same table, so a stopped database
  // answers within the test's time.
  setupApp = await createTestApp({ endpoint: dynamo.endpoint, clock: () => NOW });
  await seedDemoData(setupApp.deps.table, NOW, 'organization');
  app = await createTestApp({
    endpoint: dynamo.endpoint,
    tableName: setupApp.config.tableName,
    clock: () => NOW,
    env: { DYNAMODB_REQUEST_TIMEOUT_MS: '3000', REQUEST_RETRY_BUDGET_MS: '6000' },
  });
  app.deps.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (/^TransactWrite/.test(String(context.commandName)) && afterNextCommit) {
        const act = afterNextCommit;
        afterNextCommit = undefined;
        act();
      }
      return out;
    },
    { step: 'initialize', name: 'audit-fault-injection' },
  );
}, 120_000);

afterAll(async () => {
  // stop() resumes a paused DynamoDB Local before ending it.
  await app?.close();
  await setupApp?.close();
  await dynamo?.stop();
});

describe('audit entries under faults', () => {
  it('keeps the entry of a change when the process dies right after the change committed', async () => {
    afterNextCommit = () => {
      throw new ProcessDied('the process died after the commit');
    };
    const answer = await create(employeeInput(101));
    // Nothing after the commit ran: the client has no answer, yet the employee exists...
    expect(answer.data?.createEmployee ?? null).toBeNull();
    const { employees, entries } = await stored();
    expect(employees).toHaveLength(1);
    // ...and so does its entry, naming it.
    expect(entries.map((e) => [e.mutation, e.targetId, e.versionAfter])).toEqual([
      ['createEmployee', employees[0], 1],
    ]);
  });

  it('keeps the entry of a change when the database stops right after the change committed', async () => {
    const pid = dynamo.pid as number;
    const before = await stored();
    afterNextCommit = () => process.kill(pid, 'SIGSTOP');
    const answer = await create(employeeInput(102));
    process.kill(pid, 'SIGCONT');
    // The answer may be the employee or SERVICE_UNAVAILABLE (a read after the write stalled):
    // never an unmasked failure.
    if (answer.errors) expect(answer.errors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const { employees, entries } = await stored();
    expect(employees).toHaveLength(before.employees.length + 1);
    // Every stored change has its entry: nothing was left to write after the transaction.
    expect(employees.filter((id) => !entries.some((e) => e.targetId === id))).toEqual([]);
    expect(entries).toHaveLength(before.entries.length + 1);
  }, 60_000);

  it('writes no second entry for a replayed create, even when the first answer was lost', async () => {
    const input = employeeInput(103, { idempotencyKey: 'audit-fault-replay-0001' });
    afterNextCommit = () => {
      throw new ProcessDied('the answer was lost');
    };
    expect((await create(input)).data?.createEmployee ?? null).toBeNull();
    const replay = await create(input);
    expect(replay.errors).toBeUndefined();
    const again = await create(input);
    expect(again.data?.createEmployee.id).toBe(replay.data?.createEmployee.id);
    const { entries } = await stored();
    expect(entries.filter((e) => e.targetId === replay.data?.createEmployee.id)).toHaveLength(1);
  });

  it('stores the entry ahead of a transaction already holding 100 operations, and takes it back if that one is refused', async () => {
    const { table } = app.deps;
    const entry = (id: string): AuditEntry => ({
      agencyId: 'medan',
      id,
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      requestId: `req-${id}`,
      mutation: 'bulkTest',
      actorRole: 'ADMIN',
      input: '{}',
      redactedFields: [],
      inputTruncated: false,
      expiresAt: 0,
    });
    const puts = (prefix: string): Write[] =>
      Array.from({ length: TRANSACT_MAX_ITEMS }, (_, i) => ({
        put: { pk: `medan#Bulk#${prefix}${i}`, sk: 'Bulk', entity: 'Bulk' },
      }));
    await runAudited({ entryFor: async () => entry('full-ok') }, () => table.transact(puts('ok')));

    // The same, but one write is refused (its item exists): nothing stored, no entry left behind.
    await app.deps.dynamo.doc.send(
      new PutCommand({ TableName: table.name, Item: { pk: 'medan#Bulk#no7', sk: 'Bulk' } }),
    );
    const refused = puts('no').map((w, i) =>
      i === 7 ? { ...w, condition: { expression: 'attribute_not_exists(pk)' } } : w,
    );
    await expect(
      runAudited({ entryFor: async () => entry('full-refused') }, () => table.transact(refused)),
    ).rejects.toThrow();

    const items = await scan(table);
    const bulk = items.filter((i) => i.entity === 'Bulk').map((i) => String(i.pk));
    expect(bulk.filter((pk) => pk.includes('#ok'))).toHaveLength(TRANSACT_MAX_ITEMS);
    expect(bulk.filter((pk) => pk.includes('#no'))).toEqual([]);
    const ids = items.filter((i) => i.mutation === 'bulkTest').map((i) => i.id);
    expect(ids).toEqual(['full-ok']);
  });
});
