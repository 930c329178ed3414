import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { type StartupProgress, startupProgress } from '../../src/composition/startup-status';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { createHttpEdge } from '../../src/server/http-edge';
import { type EdgeHost, HOSTS } from '../helpers/edge-hosts';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

/**
 * `npm start` answers while its first seed is written (scripts/dev.ts): /health says loading,
 * answers say so, and writes wait until the load is in, so none misses the dashboards' rollups.
 */
const NOW = new Date('2026-11-01T03:00:00.000Z');
const UNITS = `query { units(first: 1) { edges { node { code } } } }`;
const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { code } }`;
const input = {
  code: 'SEKSI-BARU',
  name: 'Seksi Baru',
  kind: 'DIVISION',
  parentId: toGlobalId('Unit', 'medan', 'medan-belawan'),
};

let app: TestApp;
let startup: StartupProgress;
let edge: EdgeHost;
const admin = { claims: adminOf('medan') };

beforeAll(async () => {
  startup = startupProgress('preparing the table');
  app = await createTestApp({ clock: () => NOW, startup });
  await seedDemoData(app.deps.table, NOW, 'organization', {
    progress: (written, total) => startup.say(`writing the demo data: ${written} of ${total} items`),
  });
  edge = await HOSTS.node(createHttpEdge(app.deps, { graphqlRoute: 'any' }));
});
afterAll(async () => {
  await edge.close();
  await app.close();
});

describe('while the demo data loads', () => {
  it('reports loading on /health (503) with what is loading, and stays live', async () => {
    const health = await edge.request('GET', '/health');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'loading',
      loading: expect.stringMatching(/^writing the demo data: (\d+) of \1 items$/),
    });
    expect((await edge.request('GET', '/health/live')).status).toBe(200);
  });

  it('answers queries, saying in extensions.startup that it is still loading', async () => {
    const res = await app.request<{ units: { edges: unknown[] } }>(UNITS, {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.units.edges).toHaveLength(1);
    expect(res).toMatchObject({
      extensions: { startup: { status: 'LOADING', detail: expect.stringContaining('demo data') } },
    });
  });

  it('refuses a mutation with SERVICE_UNAVAILABLE and a retry-after, writing nothing', async () => {
    const before = await tableSnapshot(app);
    const res = await app.request(CREATE_UNIT, { input }, admin);
    expect(res.status).toBe(503);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(res.errors?.[0]?.message).toContain('/health reports ready');
    expect(await tableSnapshot(app)).toEqual(before);
  });
});

describe('once loaded', () => {
  beforeAll(() => startup.done());

  it('reports ready, answers without the startup extension and takes writes', async () => {
    expect((await edge.request('GET', '/health')).status).toBe(200);
    const res = await app.request(UNITS, {}, admin);
    expect(res).not.toHaveProperty('extensions.startup');
    const created = await app.request<{ createUnit: { code: string } }>(CREATE_UNIT, { input }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUnit.code).toBe('SEKSI-BARU');
  });

  it('stays started: a later say() does not bring loading back', () => {
    startup.say('anything');
    expect(startup.loading()).toBeUndefined();
  });
});
