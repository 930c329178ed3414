import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { createHttpTransport } from '../../src/webhooks/delivery-transport';
import { createLocalDeliveryLoop } from '../../src/webhooks/local-delivery-loop';
import { LocalDeliveryQueue } from '../../src/webhooks/local-delivery-queue';
import { createWebhookRuntime } from '../../src/webhooks/webhook-runtime';
import { adminOf, type TestApp } from './test-app';

export const DAY = 86_400_000;

/** A partner's client-credentials claims with both webhook scopes. */
export const partnerClaims = (code: string) => ({
  client_id: `partner-${code}`,
  partner_id: code,
  scope: `${PARTNER_READ_SCOPE} ${PARTNER_WEBHOOKS_SCOPE}`,
});

/** What a receiver answers to one request. */
export type Reply = 'ok' | 'fail' | 'hang' | 'redirect' | 'gone';

/** A request the receiver got. */
export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  reply: Reply;
}

/** A webhook receiver on 127.0.0.1 whose answers a test scripts. */
export async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  behave: (reply: (request: Received) => Reply) => void;
  close: () => Promise<void>;
}> {
  let decide: (request: Received) => Reply = () => 'ok';
  const received: Received[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: Received = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        reply: 'ok',
      };
      request.reply = decide(request);
      received.push(request);
      if (request.reply === 'hang') {
        const end = () => res.destroy();
        hanging.add(end);
        res.on('close', () => hanging.delete(end));
        return;
      }
      const status = { ok: 204, fail: 500, redirect: 302, gone: 503 }[request.reply];
      res.writeHead(
        status,
        request.reply === 'redirect' ? { location: 'http://169.254.169.254/latest/meta-data' } : {},
      );
      res.end(request.reply === 'fail' ? 'x'.repeat(100_000) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    behave: (reply) => {
      decide = reply;
    },
    close: async () => {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The local delivery loop over a test app with a virtual clock: `settle()` steps until nothing is
 * due and jumps the clock to the next due message, so days of retries pass without waiting.
 */
export function deliveryHarness(app: TestApp, clock: { now: Date }, timeoutMs = 300) {
  const queue = new LocalDeliveryQueue(() => clock.now.getTime());
  let seed = 7;
  const random = () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const runtime = createWebhookRuntime(app.deps, {
    queue,
    random,
    transport: createHttpTransport({ timeoutMs, allowPrivateAddresses: true }),
  });
  const loop = createLocalDeliveryLoop({
    ...runtime,
    queue,
    webhookEndpoints: app.deps.repositories.webhookEndpoints,
    webhookDeliveries: app.deps.repositories.webhookDeliveries,
  });
  return {
    queue,
    loop,
    /** Steps and jumps the clock until no message is left or `until` (virtual) is reached. */
    async settle(until = Number.POSITIVE_INFINITY): Promise<void> {
      for (let rounds = 0; rounds < 5000; rounds += 1) {
        if ((await loop.step()) > 0) continue;
        const next = queue.nextDueAt();
        if (next === undefined || next > until) {
          if (Number.isFinite(until) && clock.now.getTime() < until) clock.now = new Date(until);
          return;
        }
        clock.now = new Date(Math.max(clock.now.getTime(), next));
      }
      throw new Error('delivery did not settle');
    },
  };
}

/** Data a webhook test writes through the API: the partner in two agencies, a program in each. */
export async function seedPartnerPrograms(app: TestApp, now: () => Date, partnerCode = 'usu') {
  const programs: Record<string, string> = {};
  for (const agencyId of ['medan', 'binjai']) {
    const partner = await app.request(
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
      { input: { code: partnerCode, name: `Universitas ${partnerCode}`, kind: 'UNIVERSITY' } },
      { claims: adminOf(agencyId) },
    );
    expect(partner.errors, JSON.stringify(partner.errors)).toBeUndefined();
    const start = now().getTime();
    const res = await app.request<{ createTrainingProgram: { id: string } }>(
      `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
      {
        input: {
          // A university's short course: a DEGREE program would need each employee's study
          // arrangement and eligibility (DOMAIN rule 3), which these tests are not about.
          title: `Kursus Perencanaan Pembangunan ${agencyId}`,
          category: 'TECHNICAL',
          format: 'COURSE',
          jp: 40,
          startDate: new Date(start - 10 * DAY).toISOString().slice(0, 10),
          endDate: new Date(start + 30 * DAY).toISOString().slice(0, 10),
          capacity: 100,
          costPerParticipant: 0,
          partnerCode,
          status: 'OPEN',
        },
      },
      { claims: adminOf(agencyId) },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    programs[agencyId] = res.data?.createTrainingProgram.id ?? '';
  }
  return programs;
}

/** Global ids of active demo employees of an agency. */
export function employeesOf(agencyId: string, now: Date, count: number): string[] {
  const { employees } = buildDemoOrganization(now);
  return employees
    .filter((e) => e.agencyId === agencyId && e.status === 'ACTIVE')
    .slice(0, count)
    .map((e) => toGlobalId('Employee', agencyId, e.id));
}
