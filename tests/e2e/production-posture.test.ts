import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { createHttpEdge } from '../../src/server/http-edge';
import { type RunningHttpServer, startHttpServer } from '../../src/server/http-server';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const MANIFEST = 'tests/fixtures/trusted-client/persisted-documents.json';
const WHO_AM_I = 'c3bdb3e621edd8107b8ddda83e852991ab639eee466446285d11e69f87af8045';

/** A server over HTTP: STAGE=prod (with the partner `usu` and the dashboard `dash-1` held to trusted documents), or dev. */
async function serve(stage: 'prod' | 'dev'): Promise<{ app: TestApp; http: RunningHttpServer }> {
  const env: Record<string, string> = { STAGE: stage };
  if (stage === 'prod') env.TRUSTED_DOCUMENTS = `usu=${MANIFEST},client:dash-1=${MANIFEST}`;
  const app = await createTestApp({ env });
  const http = await startHttpServer(createHttpEdge(app.deps, { graphqlRoute: 'any' }), { port: 0 });
  return { app, http };
}

let prod: { app: TestApp; http: RunningHttpServer };
let dev: { app: TestApp; http: RunningHttpServer };
beforeAll(async () => {
  [prod, dev] = await Promise.all([serve('prod'), serve('dev')]);
});
afterAll(async () => {
  for (const s of [prod, dev]) {
    await s?.http.close();
    await s?.app.close();
  }
});

async function post(
  server: { app: TestApp; http: RunningHttpServer },
  body: Record<string, unknown>,
  claims = adminOf('medan') as Parameters<TestApp['token']>[0],
) {
  const res = await fetch(server.http.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${await server.app.token(claims)}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** Requests that tempt graphql-js into suggesting a name from the schema. */
const TYPOS: [string, Record<string, unknown>][] = [
  ['field', { query: '{ employes { totalCount } }' }],
  ['argument', { query: '{ employees(frist: 1) { totalCount } }' }],
  ['type', { query: 'query($f: EmployeFilter) { employees(filter: $f) { totalCount } }' }],
  ['enum literal', { query: '{ employees(filter: { status: [ACTIV] }) { totalCount } }' }],
  [
    'enum value in a variable',
    {
      query: 'query($s: [EmployeeStatus!]) { employees(filter: { status: $s }) { totalCount } }',
      variables: { s: ['ACTIV'] },
    },
  ],
  [
    'input field in a variable',
    {
      query: 'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      variables: { f: { nameStartWith: 'A' } },
    },
  ],
];

describe('production posture (STAGE=prod) over HTTP', () => {
  it.each(TYPOS)('suggests no schema name for a mistyped %s (dev does)', async (_, body) => {
    const inProd = await post(prod, body);
    expect(inProd.text).toContain('"errors"');
    expect(inProd.text).not.toMatch(/did you mean/i);
    const inDev = await post(dev, body);
    expect(inDev.text).toMatch(/Did you mean/);
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Employee") { name } }']) {
      const res = await post(prod, { query });
      expect(res.text).not.toContain('"data"');
      expect(res.text).toMatch(/introspection/i);
    }
  });

  it('serves no GraphiQL, playground files or schema download', async () => {
    const page = await fetch(prod.http.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    await page.text();
    const base = prod.http.url.replace('/graphql', '');
    for (const path of ['/playground/app.js', '/graphql/schema.graphql']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      await res.text();
    }
  });
});

describe('trusted documents of strict clients, over HTTP', () => {
  const usu = { client_id: 'partner-usu', partner_id: 'usu', scope: PARTNER_READ_SCOPE };
  const dashboard = { ...adminOf('medan'), client_id: 'dash-1' };
  const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  it('runs a strict client operation named by its hash alone', async () => {
    const res = await post(prod, byHash(WHO_AM_I), usu);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ data: { me: { role: 'PARTNER' } } });
  });

  it.each([
    ['a document without a hash', { query: '{ me { role } }' }],
    ['a hash outside its manifest', byHash('0'.repeat(64))],
    ['another document under a trusted hash', { query: '{ me { subject } }', ...byHash(WHO_AM_I) }],
  ])('refuses %s from a strict partner with 403 FORBIDDEN', async (_, body) => {
    const res = await post(prod, body, usu);
    expect(res.status).toBe(403);
    const { errors, data } = JSON.parse(res.text);
    expect(data).toBeUndefined();
    expect(errors[0].extensions).toEqual({ code: 'FORBIDDEN', deniedBy: 'TRUSTED_DOCUMENTS' });
  });

  it('holds a dashboard client to its documents by the client id in its token', async () => {
    expect((await post(prod, { query: '{ me { role } }' }, dashboard)).status).toBe(403);
    expect(JSON.parse((await post(prod, byHash(WHO_AM_I), dashboard)).text)).toEqual({
      data: { me: { role: 'ADMIN' } },
    });
  });

  it('lets a client that is not strict send any document, or a trusted one by hash', async () => {
    expect(JSON.parse((await post(prod, { query: '{ me { role } }' })).text)).toEqual({
      data: { me: { role: 'ADMIN' } },
    });
    expect(JSON.parse((await post(prod, byHash(WHO_AM_I))).text)).toEqual({
      data: { me: { role: 'ADMIN' } },
    });
  });
});
