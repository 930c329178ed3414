import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { createContext } from '../../src/server/context';
import { createServer } from '../../src/server/create-server';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const MINUTE = 60_000;
const DAY_SECONDS = 86_400;
/** Medan keeps its audit log five years (its own policy in the demo data); others the default 400 days. */
const MEDAN_RETENTION_DAYS = 1825;
const DEFAULT_RETENTION_DAYS = 400;
const NIP = '199001012015031002';
const EMAIL = 'budi.santoso@medan.go.id';
const PHONE = '+6281234567890';
const belawan = toGlobalId('Unit', 'medan', 'medan-belawan');

const CREATE = `mutation Create($input: CreateEmployeeInput!) { createEmployee(input: $input) { id version } }`;
const UPDATE = `mutation Update($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { id version } }`;
const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id version } }`;
const AUDIT = `query Audit($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id at requestId mutation actor { role subject agencyId addressHash }
      targetType targetId versionBefore versionAfter input redactedFields inputTruncated expiresAt
    } }
  }
}`;

interface Entry {
  at: string;
  requestId: string;
  mutation: string;
  actor: { role: string; subject: string | null; agencyId: string | null; addressHash: string | null };
  targetType: string | null;
  targetId: string | null;
  versionBefore: number | null;
  versionAfter: number | null;
  input: string;
  redactedFields: string[];
  [field: string]: unknown;
}
interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Entry }[];
  };
}

let app: TestApp;
let now = NOW;
let publicServer: ReturnType<typeof createServer>;
let employeeId = '';

const staff = (role: 'UNIT_HEAD' | 'EMPLOYEE'): ApiClaims => ({
  sub: `${role}-medan`,
  'cognito:groups': [role],
  agency_id: 'medan',
  unit_id: 'medan-belawan',
});
const partner: ApiClaims = {
  client_id: 'usu-client',
  partner_id: 'usu',
  scope: 'pembinaan-asn/enrollments.read',
};

/** Sends an operation without a token from a client address (as API Gateway reports it). */
async function fromAddress(sourceIp: string, query: string, variables: Record<string, unknown>) {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  const response = await publicServer.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query, variables } },
    context: () =>
      createContext({ headers: Object.fromEntries(headers), requestId: randomUUID(), sourceIp }, app.deps),
  });
  return JSON.parse(response.body.kind === 'complete' ? response.body.string : '{}') as GraphQLResponse;
}

/** The entries an admin of `agency` sees for a filter (one page of up to 100). */
async function auditLog(filter: Record<string, unknown>, agency = 'medan') {
  const res = await app.request<AuditPage>(AUDIT, { filter, first: 100 }, { claims: adminOf(agency) });
  expect(res.errors).toBeUndefined();
  return res.data?.auditLog.edges.map((e) => e.node) ?? [];
}

/** Every audit item stored in the table, as DynamoDB holds it. */
async function storedEntries() {
  const out = await app.deps.dynamo.doc.send(
    new ScanCommand({
      TableName: app.config.tableName,
      FilterExpression: 'entity = :e',
      ExpressionAttributeValues: { ':e': 'AuditEntry' },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, NOW, 'organization');
  publicServer = createServer(app.deps);
  await publicServer.start();
});
beforeEach(() => {
  now = NOW;
});
afterAll(async () => {
  await publicServer.stop();
  await app.close();
});

describe('recording mutations', () => {
  it('records a create as one entry: who, what, which object, when, and no personal data', async () => {
    const input = {
      nip: NIP,
      name: 'Budi Santoso, S.Kom.',
      unitId: belawan,
      employmentType: 'PNS',
      golongan: 'III_B',
      position: { title: 'Pranata Komputer Ahli Pertama', type: 'FUNCTIONAL' },
      education: 'S1',
      email: EMAIL,
      phone: PHONE,
    };
    const created = await app.request<{ createEmployee: { id: string; version: number } }>(
      CREATE,
      { input },
      { claims: adminOf('medan') },
    );
    expect(created.errors).toBeUndefined();
    employeeId = created.data?.createEmployee.id ?? '';

    const entries = await auditLog({ targetId: employeeId });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      at: NOW.toISOString(),
      mutation: 'createEmployee',
      actor: { role: 'ADMIN', subject: 'admin-medan', agencyId: 'medan', addressHash: null },
      targetType: 'Employee',
      targetId: employeeId,
      versionBefore: null,
      versionAfter: 1,
      redactedFields: ['input.nip', 'input.email', 'input.phone'],
      inputTruncated: false,
      expiresAt: new Date(NOW.getTime() + MEDAN_RETENTION_DAYS * DAY_SECONDS * 1000).toISOString(),
    });
    expect(entry?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(entry?.input ?? '')).toEqual({
      ...input,
      nip: '[redacted]',
      email: '[redacted]',
      phone: '[redacted]',
    });

    const stored = (await storedEntries()).filter((item) => item.targetId === employeeId);
    expect(stored).toHaveLength(1);
    const raw = JSON.stringify(stored);
    for (const personal of [NIP, EMAIL, PHONE, '81234567890']) expect(raw).not.toContain(personal);
    expect(stored[0]).toMatchObject({
      agencyId: 'medan',
      expiresAt: NOW.getTime() / 1000 + MEDAN_RETENTION_DAYS * DAY_SECONDS,
      gsi1pk: 'medan#AuditEntry',
    });
    expect(String(stored[0]?.pk)).toMatch(/^medan#AuditEntry#[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it.each([
    ['BAD_USER_INPUT', { nip: '199002302015031003' }, adminOf('medan')],
    ['FORBIDDEN', {}, staff('EMPLOYEE')],
  ])('records nothing for a mutation refused with %s', async (code, overrides, claims) => {
    const before = await storedEntries();
    const res = await app.request(
      CREATE,
      {
        input: {
          nip: '199105052016042001',
          name: 'Sari Dewi',
          unitId: belawan,
          employmentType: 'PNS',
          golongan: 'III_A',
          position: { title: 'Analis', type: 'FUNCTIONAL' },
          ...overrides,
        },
      },
      { claims },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(await storedEntries()).toEqual(before);
  });

  it('records the version an update changed and the version it made; a cleared e-mail is named, not kept', async () => {
    now = new Date(NOW.getTime() + MINUTE);
    const res = await app.request(
      UPDATE,
      { input: { id: employeeId, version: 1, golongan: 'III_C', email: null } },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    const [entry] = await auditLog({ targetId: employeeId, mutation: 'updateEmployee' });
    expect(entry).toMatchObject({
      at: now.toISOString(),
      versionBefore: 1,
      versionAfter: 2,
      redactedFields: ['input.email'],
    });
    expect(JSON.parse(entry?.input ?? '')).toMatchObject({ golongan: 'III_C', email: '[redacted]' });
  });

  it('records each field that succeeded under one request id, not the one that failed, even when data is null', async () => {
    now = new Date(NOW.getTime() + 2 * MINUTE);
    const before = (await storedEntries()).length;
    // Mutation fields run in order; the failing non-null field last nulls `data` but undoes nothing.
    const res = await app.request(
      `mutation Several($ok: UpdateEmployeeInput!, $feedback: SubmitFeedbackInput!, $stale: UpdateEmployeeInput!) {
        first: updateEmployee(input: $ok) { version }
        second: submitFeedback(input: $feedback) { id }
        third: updateEmployee(input: $stale) { version }
      }`,
      {
        ok: { id: employeeId, version: 2, name: 'Budi Santoso Lubis, S.Kom.' },
        feedback: { unitId: belawan, serviceName: 'Pelayanan KTP', text: 'Cepat dan ramah.' },
        stale: { id: employeeId, version: 2, name: 'Budi S.' },
      },
      { claims: adminOf('medan') },
    );
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['third', 'CONFLICT']]);
    const entries = (await auditLog({ from: now.toISOString() })).reverse();
    expect(entries.map((e) => [e.mutation, e.versionBefore, e.versionAfter, e.targetType])).toEqual([
      ['updateEmployee', 2, 3, 'Employee'],
      ['submitFeedback', null, 1, 'Feedback'],
    ]);
    expect(new Set(entries.map((e) => e.requestId)).size).toBe(1);
    expect((await storedEntries()).length).toBe(before + 2);
  });

  it("records public feedback under the unit's agency, the sender by a hash of the address, never the contact", async () => {
    now = new Date(NOW.getTime() + 3 * MINUTE);
    const contact = { name: 'Nur Aisyah', email: 'nur@contoh.id', phone: '+6281299990000' };
    const feedback = { unitId: belawan, serviceName: 'Pelayanan KTP', text: 'Antrean lama.', contact };
    for (const ip of ['203.0.113.77', '203.0.113.77', '203.0.113.78']) {
      expect((await fromAddress(ip, SUBMIT, { input: feedback })).errors).toBeUndefined();
    }
    const entries = await auditLog({ from: now.toISOString(), mutation: 'submitFeedback' });
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actor: { role: 'PUBLIC', subject: null, agencyId: null },
        targetType: 'Feedback',
        redactedFields: ['input.contact'],
      });
      expect(entry.actor.addressHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(JSON.parse(entry.input)).toMatchObject({ contact: '[redacted]', text: 'Antrean lama.' });
    }
    const hashes = entries.map((e) => e.actor.addressHash).reverse();
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
    const raw = JSON.stringify(await storedEntries());
    for (const personal of ['203.0.113.7', 'Nur Aisyah', 'nur@contoh.id', '6281299990000'])
      expect(raw).not.toContain(personal);
  });
  it("keeps each entry as long as its agency's retention policy says, the default where it has none", async () => {
    const plaju = toGlobalId('Unit', 'palembang', 'palembang-pkm-plaju');
    const feedback = { unitId: plaju, serviceName: 'Poli Umum', text: 'Cepat.' };
    expect((await fromAddress('203.0.113.90', SUBMIT, { input: feedback })).errors).toBeUndefined();
    const [entry] = await auditLog({ mutation: 'submitFeedback' }, 'palembang');
    expect(entry?.expiresAt).toBe(
      new Date(NOW.getTime() + DEFAULT_RETENTION_DAYS * DAY_SECONDS * 1000).toISOString(),
    );

    const policies = await Promise.all(
      ['medan', 'palembang'].map((agency) =>
        app.request<{ me: { agency: { auditRetentionDays: number } } }>(
          '{ me { agency { auditRetentionDays } } }',
          {},
          { claims: adminOf(agency) },
        ),
      ),
    );
    expect(policies.map((p) => p.data?.me.agency.auditRetentionDays)).toEqual([
      MEDAN_RETENTION_DAYS,
      DEFAULT_RETENTION_DAYS,
    ]);
  });

  it('names the indicator as the object changed by a measurement, which has no id of its own', async () => {
    now = new Date(NOW.getTime() + 4 * MINUTE);
    const created = await app.request<{ createPerformanceIndicator: { id: string } }>(
      `mutation($input: CreatePerformanceIndicatorInput!) { createPerformanceIndicator(input: $input) { id } }`,
      {
        input: {
          code: 'IKU-AUDIT-01',
          name: 'Waktu penyelesaian surat keterangan',
          unitOfMeasure: 'hari',
          direction: 'LOWER_IS_BETTER',
          baseline: 6,
          target: 3,
          cadence: 'MONTHLY',
          scope: 'UNIT',
          unitId: belawan,
        },
      },
      { claims: adminOf('medan') },
    );
    const indicatorId = created.data?.createPerformanceIndicator.id ?? '';
    const recorded = await app.request(
      `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { period } }`,
      { input: { indicatorId, period: '2026-10', value: 4 } },
      { claims: adminOf('medan') },
    );
    expect(recorded.errors).toBeUndefined();
    const entries = await auditLog({ targetId: indicatorId });
    expect(entries.map((e) => [e.mutation, e.targetType, e.targetId, e.versionAfter])).toEqual([
      ['recordMeasurement', 'PerformanceIndicator', indicatorId, null],
      ['createPerformanceIndicator', 'PerformanceIndicator', indicatorId, 1],
    ]);
  });
});

describe('reading the audit log', () => {
  it('lists newest first, page by page, narrowed by actor, mutation and time', async () => {
    const all = await auditLog({});
    expect(all).toHaveLength(9);
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const first = await app.request<AuditPage>(AUDIT, { first: 2 }, { claims: adminOf('medan') });
    const next = await app.request<AuditPage>(
      AUDIT,
      { first: 2, after: first.data?.auditLog.pageInfo.endCursor },
      { claims: adminOf('medan') },
    );
    expect(first.data?.auditLog.totalCount).toBe(all.length);
    expect(
      [...(first.data?.auditLog.edges ?? []), ...(next.data?.auditLog.edges ?? [])].map((e) => e.node.id),
    ).toEqual(all.slice(0, 4).map((e) => e.id));
    const byAdmin = await auditLog({ actorSubject: 'admin-medan' });
    expect(byAdmin.map((e) => e.mutation).sort()).toEqual([
      'createEmployee',
      'createPerformanceIndicator',
      'recordMeasurement',
      'submitFeedback',
      'updateEmployee',
      'updateEmployee',
    ]);
    const window = await auditLog({
      from: new Date(NOW.getTime() + MINUTE).toISOString(),
      to: new Date(NOW.getTime() + 2 * MINUTE).toISOString(),
    });
    expect(window.map((e) => [e.mutation, e.versionAfter])).toEqual([['updateEmployee', 2]]);
  });

  it('shows an administrator of another agency none of these entries', async () => {
    expect(await auditLog({}, 'binjai')).toEqual([]);
    expect(await auditLog({ targetId: employeeId }, 'binjai')).toEqual([]);
  });

  it.each([
    ['a unit head', 'FORBIDDEN', staff('UNIT_HEAD')],
    ['an employee', 'FORBIDDEN', staff('EMPLOYEE')],
    ['a partner', 'FORBIDDEN', partner],
    ['the public', 'UNAUTHENTICATED', undefined],
  ])('refuses %s with %s', async (_, code, claims) => {
    const res = await app.request(AUDIT, {}, claims ? { claims } : undefined);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('refuses a malformed filter with BAD_USER_INPUT on its field', async () => {
    const res = await app.request(AUDIT, { filter: { targetId: 'not-an-id' } }, { claims: adminOf('medan') });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.targetId' });
  });
});
