import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseGlobalId, toGlobalId } from '../../resolvers/global-id';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { RequestReport } from '../../src/observability/request-observer';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date();
const ADMIN = { claims: adminOf('medan') };
const DASHBOARD_MANIFEST = JSON.parse(
  readFileSync(new URL('../../examples/dashboard/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/** Every line the process writes to stdout while `work` runs (Powertools Logger writes JSON lines there). */
async function stdoutOf<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    const result = await work();
    return { result, lines: written.join('').split('\n').filter(Boolean) };
  } finally {
    spy.mockRestore();
  }
}

const requestLines = (lines: string[]) =>
  lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'GraphQL request');

describe('request observability', () => {
  const reports: RequestReport[] = [];
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        LOG_LEVEL: 'info',
        METRIC_OPERATIONS: 'Units',
        FEEDBACK_UNIT_BURST: '1',
        FEEDBACK_UNIT_PER_MINUTE: '1',
      },
      metrics: { publish: (report) => reports.push(report) },
    });
    await seedDemoData(app.deps.table, NOW, 'organization', { rollups: true });
  });
  afterAll(() => app?.close());
  afterEach(() => {
    reports.length = 0;
  });

  it('logs one structured line per request: operation, outcome, status, duration and DynamoDB calls', async () => {
    app.counter.reset();
    const { result, lines } = await stdoutOf(() =>
      app.request('query Units { units(first: 5) { totalCount edges { node { name } } } }', {}, ADMIN),
    );
    expect(result.errors).toBeUndefined();
    const [line, ...more] = requestLines(lines);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 'INFO',
      operation: 'Units',
      operationType: 'query',
      outcome: 'ok',
      status: 200,
      dynamoCalls: app.counter.requests,
    });
    expect(app.counter.requests).toBeGreaterThan(0);
    expect(line.durationMs).toBeGreaterThan(0);
    expect(typeof line.requestId).toBe('string');
    expect(line.errorCodes).toBeUndefined();
  });

  it.each([
    ['a refused token', '{ me { role } }', { token: 'not-a-token' }, 401, ['UNAUTHENTICATED']],
    [
      'a field that does not exist',
      'query Typo { employeez { totalCount } }',
      ADMIN,
      200,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    // GraphQL over HTTP: request errors answer 200 to a client that accepts application/json.
    ['a document that does not parse', 'query {', ADMIN, 200, ['GRAPHQL_PARSE_FAILED']],
    [
      'a page size out of range',
      'query Big { employees(first: 1000) { totalCount } }',
      ADMIN,
      200,
      ['BAD_USER_INPUT'],
    ],
  ] as const)('reports %s as a client error with its code', async (_, query, auth, status, codes) => {
    const { lines } = await stdoutOf(() => app.request(query, {}, auth));
    const [line] = requestLines(lines);
    expect(line).toMatchObject({ outcome: 'client_error', status, errorCodes: codes });
    expect(reports.map((r) => [r.outcome, r.errorCodes])).toEqual([['client_error', codes]]);
  });

  it('counts the DynamoDB calls of concurrent requests each to its own request', async () => {
    const queries = [
      'query Me { me { role } }',
      'query Units { units(first: 50) { totalCount } }',
      'query Staff { employees(first: 30) { edges { node { name unit { name parent { name } } mentors(first: 2) { totalCount } } } } }',
    ];
    for (const query of queries) await app.request(query, {}, ADMIN);
    const alone = Object.fromEntries(reports.map((r) => [r.operation, r.dynamoCalls]));
    expect(new Set(Object.values(alone)).size).toBeGreaterThan(1);
    reports.length = 0;

    await Promise.all(Array.from({ length: 9 }, (_, i) => app.request(queries[i % 3] as string, {}, ADMIN)));
    expect(reports).toHaveLength(9);
    for (const report of reports) expect(report.dynamoCalls, report.operation).toBe(alone[report.operation]);
  });

  it('keeps an operation name as a metric dimension only for trusted documents and the allow-list', async () => {
    const [hash, trustedText] = Object.entries(DASHBOARD_MANIFEST).find(([, text]) =>
      text.startsWith('query MeasureCatalog'),
    ) as [string, string];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await app.request(trustedText, {}, ADMIN);
    await app.request('query MeasureCatalog { aggregateCapabilities { combinationRule } }', {}, ADMIN);
    await app.request('query Units { units(first: 1) { totalCount } }', {}, ADMIN);
    await app.request('query DropTablesForFun { me { role } }', {}, ADMIN);
    await app.request('{ me { role } }', {}, ADMIN);
    expect(reports.map((r) => [r.operation, r.operationDimension])).toEqual([
      ['MeasureCatalog', 'MeasureCatalog'],
      ['MeasureCatalog', 'other'],
      ['Units', 'Units'],
      ['DropTablesForFun', 'other'],
      ['anonymous', 'other'],
    ]);
  });

  it('counts aggregate groups, partner sync pages and rate-limited submissions from the answers', async () => {
    const aggregate = await app.request<{ aggregate: { groups: unknown[] } }>(
      `{ a: aggregate(input: { measures: [EMPLOYEE_COUNT], groupBy: [UNIT] }) { groups { key { value } } }
         b: aggregate(input: { measures: [EMPLOYEE_COUNT], groupBy: [GENDER] }) { totals { value } } }`,
      {},
      ADMIN,
    );
    expect(aggregate.errors).toBeUndefined();
    const groups = (aggregate.data as unknown as { a: { groups: unknown[] } }).a.groups.length;
    const partner = { claims: { client_id: 'partner-usu', partner_id: 'usu', scope: PARTNER_READ_SCOPE } };
    await app.request(
      '{ p1: partnerEnrollments(first: 1) { totalCount } p2: partnerEnrollments(first: 2) { totalCount } }',
      {},
      partner,
    );
    const submit = 'mutation Say($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }';
    const input = {
      unitId: toGlobalId('Unit', 'medan', 'medan-belawan'),
      serviceName: 'Pelayanan KTP',
      surveyAnswers: [3, 3, 3, 3, 3, 3, 3, 3, 3],
    };
    await app.request(submit, { input });
    const limited = await app.request(submit, { input });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    expect(reports.map((r) => [r.aggregateGroups, r.partnerSyncPages, r.rateLimitedSubmissions])).toEqual([
      [groups, 0, 0],
      [0, 2, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(groups).toBeGreaterThan(1);
  });
});

describe('LOG_LEVEL=debug', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ env: { LOG_LEVEL: 'debug' } });
    await seedDemoData(app.deps.table, NOW, 'organization');
  });
  afterAll(() => app?.close());

  it('logs each DynamoDB call of a request without any attribute value', async () => {
    const list = await app.request<{
      employees: { edges: { node: { id: string; nip: string; name: string } }[] };
    }>('{ employees(first: 3) { edges { node { id nip name } } } }', {}, ADMIN);
    const [first] = list.data?.employees.edges ?? [];
    if (!first) throw new Error('no demo employee');
    const { nip, name, id } = first.node;

    const { lines } = await stdoutOf(() =>
      app.request(
        `query ByNip($nip: String!) { employeeByNip(nip: $nip) { name nip unit { name } enrollments(first: 5) { totalCount } } }`,
        { nip },
        ADMIN,
      ),
    );
    const entries = lines.map((line) => JSON.parse(line));
    const calls = entries.filter((e) => e.message === 'DynamoDB call');
    const [request] = requestLines(lines);
    expect(calls.length).toBe(request.dynamoCalls);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      expect(call).toMatchObject({ level: 'DEBUG', requestId: request.requestId });
      expect(call.TableName ?? Object.keys(call.RequestItems ?? {})[0]).toBe(app.config.tableName);
      expect(typeof call.command).toBe('string');
      expect(call.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(calls.some((c) => c.KeyConditionExpression || c.RequestItems)).toBe(true);
    // No value of the request's records: NIP, name, ids, key values (the agency and ids in keys).
    const rawId = parseGlobalId(id)?.ref.id as string;
    const text = lines.join('\n');
    for (const secret of [nip, name, id, rawId, 'medan#', '#Unique#']) expect(text).not.toContain(secret);
  });
});

describe('tracing (X-Ray in AWS, here a recording stand-in)', () => {
  const spans: { name: string; failure?: string | undefined }[] = [];
  const annotations: Record<string, string | number>[] = [];
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      tracing: {
        span(name) {
          const span: { name: string; failure?: string | undefined } = { name };
          spans.push(span);
          return { end: (failure) => Object.assign(span, { failure }) };
        },
        annotate: (values) => annotations.push(values),
      },
    });
    await seedDemoData(app.deps.table, NOW, 'organization');
  });
  afterAll(() => app?.close());
  afterEach(() => {
    spans.length = 0;
    annotations.length = 0;
  });

  it('opens a subsegment per field with its own resolver, and annotates the operation and outcome', async () => {
    await app.request(
      'query Two { employees(first: 2) { edges { node { name unit { name } } } } }',
      {},
      ADMIN,
    );
    const names = spans.map((s) => s.name);
    expect(names).toContain('Query.employees');
    expect(names.filter((n) => n === 'Employee.unit')).toHaveLength(2);
    // Plain properties have no resolver of their own: no subsegment for them.
    expect(names).not.toContain('Employee.name');
    expect(names).not.toContain('Unit.name');
    expect(spans.every((s) => s.failure === undefined)).toBe(true);
    expect(annotations).toEqual([{ operation: 'Two', outcome: 'ok' }]);
  });

  it('flags a refused field as an error, without its message', async () => {
    await app.request('query Big { employees(first: 1000) { totalCount } }', {}, ADMIN);
    expect(spans).toEqual([{ name: 'Query.employees', failure: 'error' }]);
    expect(annotations).toEqual([{ operation: 'Big', outcome: 'client_error' }]);
  });

  it('stops at 100 subsegments a request (an X-Ray segment holds 64 KB)', async () => {
    await app.request('{ employees(first: 100) { edges { node { unit { name } } } } }', {}, ADMIN);
    expect(spans).toHaveLength(100);
  });
});
