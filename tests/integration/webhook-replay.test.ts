// Each test drives days of virtual time through DynamoDB Local: generous limits for a busy machine.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedEntryKey } from '../../src/data/partner-feed';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { RETRY_WINDOW_MS } from '../../src/domain/webhooks/retry-schedule';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';
import {
  deliveryHarness,
  employeesOf,
  partnerClaims,
  type Received,
  seedPartnerPrograms,
  startReceiver,
} from '../helpers/webhook-harness';

const T0 = new Date('2026-11-02T02:00:00.000Z');
const clock = { now: T0 };
let app: TestApp;
let programs: Record<string, string>;
const USU = { claims: partnerClaims('usu') };

async function ok<T>(query: string, variables: Record<string, unknown>, auth: object): Promise<T> {
  const res = await app.request<T>(query, variables, auth);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

async function createEndpoint(url: string, auth: object = USU, extra: Record<string, unknown> = {}) {
  return (
    await ok<{ createWebhookEndpoint: { id: string; version: number } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id version } }',
      { input: { url, ...extra } },
      auth,
    )
  ).createWebhookEndpoint;
}

async function enroll(agencyId: string, count: number, offset: number) {
  for (const employeeId of employeesOf(agencyId, T0, offset + count).slice(offset))
    await ok(
      'mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }',
      { input: { programId: programs[agencyId], employeeId } },
      { claims: adminOf(agencyId) },
    );
}

const sequencesOf = (received: Received[]) =>
  [
    ...new Set(
      received.filter((r) => r.reply === 'ok').map((r) => JSON.parse(r.body).data.sequence as number),
    ),
  ].sort((a, b) => a - b);

async function feed(agencyId?: string) {
  const all = await app.deps.repositories.partnerFeed.after('usu', 0, 1000);
  return all.filter((c) => !agencyId || c.agencyId === agencyId).map((c) => c.sequence);
}

async function cleanUp(auth: object) {
  const { webhookEndpoints } = await ok<{
    webhookEndpoints: { id: string; version: number; agencyCode: string | null }[];
  }>('{ webhookEndpoints { id version agencyCode } }', {}, auth);
  for (const e of webhookEndpoints)
    await ok(
      'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { id } }',
      { input: { id: e.id, version: e.version } },
      auth,
    );
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => clock.now });
  await seedDemoData(app.deps.table, T0, 'organization');
  programs = await seedPartnerPrograms(app, () => clock.now);
  await enroll('medan', 4, 0);
  await enroll('binjai', 3, 0);
}, 120_000);
afterAll(() => app.close());

describe('replay and redelivery', () => {
  it('replays the whole history from sequence 1 to an endpoint registered later', async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness(app, clock);
    try {
      const endpoint = await createEndpoint(receiver.url);
      await harness.settle();
      expect(receiver.received).toHaveLength(0); // it gets what happens after it was registered
      const replay = await ok<{
        replayWebhooks: { status: string; fromSequence: number; throughSequence: number };
      }>(
        'mutation($input: ReplayWebhooksInput!) { replayWebhooks(input: $input) { status fromSequence throughSequence } }',
        { input: { endpointId: endpoint.id, fromSequence: 1 } },
        USU,
      );
      expect(replay.replayWebhooks).toMatchObject({
        status: 'RUNNING',
        fromSequence: 1,
        throughSequence: (await feed()).length,
      });
      await harness.settle();
      expect(sequencesOf(receiver.received)).toEqual(await feed());
    } finally {
      await cleanUp(USU);
      await receiver.close();
    }
  }, 180_000);

  it('refuses a replay from before the oldest change still kept, naming the oldest available sequence', async () => {
    const endpoint = await createEndpoint('http://127.0.0.1:9/never');
    try {
      for (const sequence of [1, 2])
        await app.deps.dynamo.doc.send(
          new DeleteCommand({ TableName: app.config.tableName, Key: feedEntryKey('usu', sequence) }),
        );
      const res = await app.request(
        'mutation($input: ReplayWebhooksInput!) { replayWebhooks(input: $input) { id } }',
        { input: { endpointId: endpoint.id, fromSequence: 1 } },
        USU,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.fromSequence',
      });
      expect(res.errors?.[0]?.message).toMatch(/oldest available sequence is 3/);
    } finally {
      await cleanUp(USU);
    }
  }, 180_000);

  it('parks deliveries after three days of failure, disables the endpoint, and redelivers them on request', async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness(app, clock);
    try {
      const endpoint = await createEndpoint(receiver.url);
      const before = (await feed()).length;
      receiver.behave(() => 'fail');
      await enroll('medan', 3, 20);
      // The first failed attempt after the window parks (the longest delay is 12 h, +20 % jitter).
      await harness.settle(clock.now.getTime() + RETRY_WINDOW_MS + 15 * 3_600_000);
      const parked = await ok<{
        webhookDeliveries: {
          edges: { node: { id: string; status: string; parkReason: string; webhookId: string } }[];
        };
      }>(
        'query($id: ID!) { webhookDeliveries(endpointId: $id, status: PARKED) { edges { node { id status parkReason webhookId } } } }',
        { id: endpoint.id },
        USU,
      );
      expect(parked.webhookDeliveries.edges).toHaveLength(3);
      const { webhookEndpoints } = await ok<{
        webhookEndpoints: { id: string; enabled: boolean; disabledReason: string; version: number }[];
      }>('{ webhookEndpoints { id enabled disabledReason version } }', {}, USU);
      const state = webhookEndpoints.find((e) => e.id === endpoint.id);
      expect(state).toMatchObject({ enabled: false, disabledReason: 'FAILING' });
      // The receiver is fixed; switched on again, the endpoint gets one parked change by redelivery
      // and the others by a replay of what was parked.
      receiver.behave(() => 'ok');
      await ok(
        'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }',
        { input: { id: endpoint.id, version: state?.version, enabled: true } },
        USU,
      );
      const [first] = parked.webhookDeliveries.edges;
      const redelivered = await ok<{ redeliverWebhook: { status: string; webhookId: string } }>(
        'mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { status webhookId } }',
        { input: { deliveryId: first?.node.id } },
        USU,
      );
      expect(redelivered.redeliverWebhook).toEqual({ status: 'PENDING', webhookId: first?.node.webhookId });
      await harness.settle();
      expect(receiver.received.filter((r) => r.reply === 'ok').map((r) => r.headers['webhook-id'])).toEqual([
        first?.node.webhookId,
      ]);
      await ok(
        'mutation($input: ReplayWebhooksInput!) { replayWebhooks(input: $input) { id } }',
        { input: { endpointId: endpoint.id, fromSequence: before + 1, parkedOnly: true } },
        USU,
      );
      await harness.settle();
      expect(sequencesOf(receiver.received)).toEqual((await feed()).slice(before));
      const again = await app.request(
        'mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { id } }',
        { input: { deliveryId: first?.node.id } },
        USU,
      );
      expect(again.errors).toBeUndefined(); // delivered: may be sent again
    } finally {
      await cleanUp(USU);
      await receiver.close();
    }
  }, 180_000);

  it("gives an ADMIN's endpoint only its own agency's changes, and hides it from other agencies", async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness(app, clock);
    try {
      const endpoint = await createEndpoint(
        receiver.url,
        { claims: adminOf('medan') },
        { partnerCode: 'usu' },
      );
      await ok(
        'mutation($input: ReplayWebhooksInput!) { replayWebhooks(input: $input) { id } }',
        { input: { endpointId: endpoint.id, fromSequence: 3 } },
        { claims: adminOf('medan') },
      );
      await enroll('binjai', 2, 30);
      await enroll('medan', 2, 30);
      await harness.settle();
      const medan = await feed('medan');
      expect(sequencesOf(receiver.received)).toEqual(medan.filter((s) => s >= 3));
      expect(receiver.received.every((r) => JSON.parse(r.body).data.agencyCode === 'medan')).toBe(true);
      const binjai = await app.request<{ webhookEndpoints: unknown[] }>(
        '{ webhookEndpoints { id } }',
        {},
        { claims: adminOf('binjai') },
      );
      expect(binjai.data?.webhookEndpoints).toEqual([]);
      const foreign = await app.request(
        'query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { cursor } } }',
        { id: endpoint.id },
        { claims: adminOf('binjai') },
      );
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The partner sees it (its data goes there) but may not change it.
      const asPartner = await app.request(
        'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { id } }',
        { input: { id: endpoint.id, version: endpoint.version } },
        USU,
      );
      expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await cleanUp({ claims: adminOf('medan') });
      await receiver.close();
    }
  }, 180_000);
});
