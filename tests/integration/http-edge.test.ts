import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../src/composition/create-deps';
import { type Config, loadConfig } from '../../src/config/load-config';
import { createLocalVerifier } from '../../src/local/local-issuer';
import { createHttpEdge } from '../../src/server/http-edge';
import { startHttpServer } from '../../src/server/http-server';
import { type EdgeHost, HOSTS } from '../helpers/edge-hosts';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const DASHBOARD = 'https://dashboard.example.go.id';
const ME = JSON.stringify({ query: '{ me { role } }' });

let app: TestApp;
let playgroundDir: string;
/** A TCP server that accepts connections and never answers: a stalled table. */
let stall: { server: Server; sockets: Socket[]; endpoint: string };

beforeAll(async () => {
  app = await createTestApp();
  playgroundDir = mkdtempSync(join(tmpdir(), 'asn-edge-playground-'));
  writeFileSync(join(playgroundDir, 'app.js'), 'console.log("graphiql");');
  writeFileSync(join(playgroundDir, 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(playgroundDir, '.fingerprint'), 'private');
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  stall = { server, sockets, endpoint: `http://127.0.0.1:${port}` };
});

afterAll(async () => {
  for (const socket of stall.sockets) socket.destroy();
  await new Promise((resolve) => stall.server.close(resolve));
  await app.close();
});

/** The app's deps with some configuration changed (CORS for one dashboard unless said otherwise). */
function depsWith(config: Partial<Config> = {}): Deps {
  return { ...app.deps, config: { ...app.deps.config, corsOrigins: [DASHBOARD], ...config } };
}

/** Deps over the test's DynamoDB settings but another endpoint or table. */
function depsOver(env: Record<string, string>): Deps {
  const config = loadConfig({ AWS_REGION: 'local', LOG_LEVEL: 'SILENT', ...env });
  return createDeps(config, {
    entryPoint: 'api',
    secrets: { verifier: createLocalVerifier(app.keys.publicJwk), cursorSecret: 'e'.repeat(32) },
  });
}

describe.each(Object.entries(HOSTS))('the HTTP edge on the %s host', (_name, startHost) => {
  const hosts: EdgeHost[] = [];
  const host = async (deps: Deps = depsWith()) => {
    const started = await startHost(
      createHttpEdge(deps, {
        graphqlRoute: 'any',
        playground: { dir: playgroundDir, headerPresets: [{ label: 'Public', headers: {} }] },
      }),
    );
    hosts.push(started);
    return started;
  };
  let edge: EdgeHost;

  beforeAll(async () => {
    edge = await host();
  });

  afterAll(async () => {
    for (const started of hosts) await started.close();
  });

  it('reports ready on /health while the table answers, and live on /health/live', async () => {
    const ready = await edge.request('GET', '/health');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ok', stage: 'dev' });
    expect(ready.headers['cache-control']).toBe('no-store');
    expect((await edge.request('GET', '/health/live')).status).toBe(200);
    const head = await edge.request('HEAD', '/health');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('reports not ready (503) when the table stalls, within its time limit, and stays live', async () => {
    const stalled = await host(depsOver({ DYNAMODB_ENDPOINT: stall.endpoint, TABLE_NAME: 'stalled' }));
    const answers = await Promise.all([stalled.request('GET', '/health'), stalled.request('GET', '/health')]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'unavailable' });
    }
    expect((await stalled.request('GET', '/health/live')).status).toBe(200);
  });

  it('reports not ready (503) when the table does not exist', async () => {
    const missing = await host(
      depsOver({ DYNAMODB_ENDPOINT: app.config.dynamoEndpoint as string, TABLE_NAME: 'no-such-table' }),
    );
    expect((await missing.request('GET', '/health')).status).toBe(503);
  });

  it('serves the printed schema with its descriptions where introspection is on, revalidated by ETag', async () => {
    const schema = await edge.request('GET', '/graphql/schema.graphql');
    expect(schema.status).toBe(200);
    expect(schema.headers['content-type']).toContain('text/plain');
    expect(schema.body).toContain('type Query {');
    expect(schema.body).toContain('"""Who the caller is: role, agency, unit and employee record."""');
    const etag = schema.headers.etag as string;
    const again = await edge.request('GET', '/graphql/schema.graphql', {
      headers: { 'if-none-match': etag },
    });
    expect([again.status, again.body]).toEqual([304, '']);
  });

  it('has no schema download and no GraphiQL page where introspection is off (prod)', async () => {
    const prod = await host(depsWith({ stage: 'prod', playground: false }));
    expect((await prod.request('GET', '/graphql/schema.graphql')).status).toBe(404);
    const page = await prod.request('GET', '/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers['content-type'] ?? '').not.toContain('text/html');
    expect((await prod.request('GET', '/playground/app.js')).status).toBe(404);
  });

  it('serves GraphiQL to browsers and its files with a short cache and an ETag', async () => {
    const page = await edge.request('GET', '/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('src="playground/app.js"');
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await edge.request('GET', '/playground/app.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("graphiql");');
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cache-control']).toBe('public, max-age=300');
    const revalidated = await edge.request('GET', '/playground/app.js', {
      headers: { 'if-none-match': script.headers.etag as string },
    });
    expect(revalidated.status).toBe(304);
  });

  it.each(['/playground/.fingerprint', '/playground/missing.js', '/playground/..%2Fpackage.json'])(
    'answers 404 for %s',
    async (path) => {
      expect((await edge.request('GET', path)).status).toBe(404);
    },
  );

  it('lets an allowed dashboard read responses and answers its preflight; another origin gets no grant', async () => {
    const allowed = await edge.request('POST', '/graphql', { body: ME, headers: { origin: DASHBOARD } });
    expect(allowed.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(allowed.headers.vary).toContain('Origin');
    const other = await edge.request('POST', '/graphql', {
      body: ME,
      headers: { origin: 'https://evil.example.com' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await edge.request('OPTIONS', '/graphql', { headers: { origin: DASHBOARD } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('runs operations from a POST body and from a GET query string', async () => {
    const posted = await edge.request('POST', '/graphql', { body: ME });
    expect(JSON.parse(posted.body)).toEqual({ data: { me: { role: 'PUBLIC' } } });
    const token = await app.token(adminOf('medan'));
    const got = await edge.request('GET', '/graphql', {
      query: { query: '{ me { role } }' },
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(JSON.parse(got.body)).toEqual({ data: { me: { role: 'ADMIN' } } });
  });

  it('refuses a body over 1 MiB with 413 and malformed JSON with 400, running nothing', async () => {
    const huge = JSON.stringify({ query: `{ me { role } }${' '.repeat(1024 * 1024)}` });
    expect((await edge.request('POST', '/graphql', { body: huge })).status).toBe(413);
    const malformed = await edge.request('POST', '/graphql', { body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers unknown paths with 404 and a wrong method with 405 naming the allowed ones', async () => {
    expect((await edge.request('GET', '/nothing/here')).status).toBe(404);
    const wrong = await edge.request('POST', '/health', { body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, OPTIONS');
    expect(wrong.headers['x-content-type-options']).toBe('nosniff');
  });

  it('takes only partner tokens on /partner/graphql', async () => {
    const token = await app.token(adminOf('medan'));
    const staff = await edge.request('POST', '/partner/graphql', {
      body: ME,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(staff.status).toBe(401);
    expect(JSON.parse(staff.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('the local server alone', () => {
  it('hands its own routes the raw request, so a body larger than the edge takes can stream', async () => {
    const edge = createHttpEdge(depsWith(), { graphqlRoute: 'any' });
    const server = await startHttpServer(edge, {
      port: 0,
      routes: [
        async (req, res) => {
          if (req.method !== 'PUT' || !req.url?.startsWith('/uploads/')) return false;
          let bytes = 0;
          for await (const chunk of req) bytes += (chunk as Buffer).length;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ bytes }));
          return true;
        },
      ],
    });
    try {
      const body = Buffer.alloc(3 * 1024 * 1024, 1);
      const base = `http://127.0.0.1:${server.port}`;
      const upload = await fetch(`${base}/uploads/job-1`, { method: 'PUT', body });
      expect(await upload.json()).toEqual({ bytes: body.length });
      // Everything else still goes through the edge, with its limit.
      expect((await fetch(`${base}/graphql`, { method: 'POST', body })).status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
