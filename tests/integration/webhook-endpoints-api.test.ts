import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { webhookPartition } from '../../src/data/entities/webhook-endpoint';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { signedHeaders } from '../../src/domain/webhooks/signature';
import { createHttpTransport } from '../../src/webhooks/delivery-transport';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';
import { partnerClaims, seedPartnerPrograms, startReceiver } from '../helpers/webhook-harness';

const NOW = new Date('2026-11-02T02:00:00.000Z');
let app: TestApp;
const USU = { claims: partnerClaims('usu') };
const FIELDS =
  'id url secret version enabled changeTypes activeSecretCount previousSecretRetiresAt partnerCode agencyCode health { circuit }';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ${FIELDS} } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { ${FIELDS} } }`;
interface Endpoint {
  id: string;
  secret: string | null;
  version: number;
  activeSecretCount: number;
  previousSecretRetiresAt: string | null;
  changeTypes: string[];
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
  await seedPartnerPrograms(app, () => NOW);
}, 120_000);
afterAll(() => app.close());

describe('webhook endpoints through the API', () => {
  it('shows the whsec_ secret once and stores it only sealed', async () => {
    const res = await app.request<{ createWebhookEndpoint: Endpoint }>(
      CREATE,
      { input: { url: 'https://siakad.usu.example.ac.id/hooks', changeTypes: ['COMPLETED', 'CREATED'] } },
      USU,
    );
    expect(res.errors).toBeUndefined();
    const created = res.data?.createWebhookEndpoint as Endpoint;
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.changeTypes).toEqual(['CREATED', 'COMPLETED']);
    const listed = await app.request<{ webhookEndpoints: Endpoint[] }>(
      `{ webhookEndpoints { ${FIELDS} } }`,
      {},
      USU,
    );
    expect(listed.data?.webhookEndpoints.map((e) => e.secret)).toEqual([null]);
    const stored = JSON.stringify(await app.deps.table.queryAll({ partition: webhookPartition('usu') }));
    expect(stored).not.toContain((created.secret as string).slice(6));
    expect(stored).toContain('"sealed":"v1.');
  });

  it('rotates: old and new both sign during the overlap, a zero overlap retires the old one at once', async () => {
    const [endpoint] =
      (await app.request<{ webhookEndpoints: Endpoint[] }>(`{ webhookEndpoints { ${FIELDS} } }`, {}, USU))
        .data?.webhookEndpoints ?? [];
    const rotated = (
      await app.request<{ rotateWebhookSecret: Endpoint }>(
        ROTATE,
        { input: { id: endpoint?.id, version: endpoint?.version, overlapHours: 24 } },
        USU,
      )
    ).data?.rotateWebhookSecret as Endpoint;
    expect(rotated.activeSecretCount).toBe(2);
    expect(rotated.previousSecretRetiresAt).toBe('2026-11-03T02:00:00.000Z');
    const active = app.deps.repositories.webhookEndpoints;
    const stored = await active.get(
      'usu',
      Buffer.from(rotated.id, 'base64url').toString().split('.').at(-1) as string,
    );
    const secrets =
      stored?.secrets.map((s) => app.deps.secretBox.open(s.sealed, `webhook:usu:${stored.id}`)) ?? [];
    expect(secrets[0]).toBe(rotated.secret);
    const headers = signedHeaders(secrets, 'msg_usu_1', new Date(), '{}');
    for (const secret of secrets) expect(new Webhook(secret).verify('{}', headers)).toEqual({});
    const stale = await app.request(ROTATE, { input: { id: endpoint?.id, version: endpoint?.version } }, USU);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const leaked = (
      await app.request<{ rotateWebhookSecret: Endpoint }>(
        ROTATE,
        { input: { id: rotated.id, version: rotated.version, overlapHours: 0 } },
        USU,
      )
    ).data?.rotateWebhookSecret;
    expect(leaked?.activeSecretCount).toBe(1);
  });

  it.each([
    [{ url: 'ftp://x.example/h' }, 'input.url'],
    [{ url: 'https://u:p@x.example/h' }, 'input.url'],
    [{ url: 'https://x.example/h', changeTypes: [] }, 'input.changeTypes'],
    [{ url: 'https://x.example/h', partnerCode: 'ung' }, 'input.partnerCode'],
    [{ url: 'https://x.example/h', description: 'd'.repeat(501) }, 'input.description'],
  ])('refuses %j with BAD_USER_INPUT on %s, writing nothing', async (input, field) => {
    const before = (await app.deps.table.queryAll({ partition: webhookPartition('usu') })).length;
    const res = await app.request(CREATE, { input }, USU);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await app.deps.table.queryAll({ partition: webhookPartition('usu') })).length).toBe(before);
  });

  it('needs the webhooks scope from a partner, a partner code from an ADMIN, and a partner serving the agency', async () => {
    const readOnly = await app.request(
      CREATE,
      { input: { url: 'https://x.example/h' } },
      { claims: { client_id: 'p', partner_id: 'usu', scope: PARTNER_READ_SCOPE } },
    );
    expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noCode = await app.request(
      CREATE,
      { input: { url: 'https://x.example/h' } },
      { claims: adminOf('medan') },
    );
    expect(noCode.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.partnerCode',
    });
    const stranger = await app.request(
      CREATE,
      { input: { url: 'https://x.example/h', partnerCode: 'ung' } },
      { claims: adminOf('medan') },
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const otherPartner = await app.request(
      `{ webhookEndpoints { id } }`,
      {},
      { claims: partnerClaims('ung') },
    );
    expect(otherPartner.data?.webhookEndpoints).toEqual([]);
  });

  it('caps a partner at ten endpoints', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.request(CREATE, { input: { url: `https://h${i}.example/h` } }, { claims: partnerClaims('cap') }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(10);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
  });
});

describe('the delivery transport (SSRF)', () => {
  it('never connects to a host that resolves to a loopback or private address in prod, even via a mapped IPv6 form', async () => {
    const receiver = await startReceiver();
    try {
      const port = new URL(receiver.url).port;
      for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.0.0.8']) {
        const transport = createHttpTransport({
          timeoutMs: 500,
          allowPrivateAddresses: false,
          resolve: async () => [{ address, family: address.includes(':') ? 6 : 4 }],
        });
        const result = await transport.post(`http://partner.example.ac.id:${port}/hooks`, {}, '{}');
        expect(result.outcome).toBe('BLOCKED_ADDRESS');
      }
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it('connects to the address it checked (no second lookup) and refuses to follow redirects', async () => {
    const receiver = await startReceiver();
    try {
      let lookups = 0;
      const transport = createHttpTransport({
        timeoutMs: 500,
        allowPrivateAddresses: true,
        resolve: async () => {
          lookups += 1;
          return [{ address: '127.0.0.1', family: 4 }];
        },
      });
      receiver.behave(() => 'redirect');
      const port = new URL(receiver.url).port;
      const result = await transport.post(
        `http://partner.example.ac.id:${port}/hooks`,
        { 'webhook-id': 'msg_x_1' },
        '{"a":1}',
      );
      expect(result).toMatchObject({ outcome: 'REDIRECT_REFUSED', statusCode: 302 });
      expect(lookups).toBe(1);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.headers.host).toBe(`partner.example.ac.id:${port}`);
    } finally {
      await receiver.close();
    }
  });
});
