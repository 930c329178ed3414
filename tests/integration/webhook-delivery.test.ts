// Each test drives days of virtual time through DynamoDB Local: generous limits for a busy machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { CIRCUIT } from '../../src/domain/webhooks/circuit';
import { signatureOf } from '../../src/domain/webhooks/signature';
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

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { id secret version health { circuit } } }`;
const ENROLL = `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id version } }`;
const COMPLETE = `mutation($input: CompleteEnrollmentInput!) { completeEnrollment(input: $input) { id version } }`;
const DROP = `mutation($input: DropEnrollmentInput!) { dropEnrollment(input: $input) { id version } }`;

async function ok<T>(query: string, variables: Record<string, unknown>, auth: object): Promise<T> {
  const res = await app.request<T>(query, variables, auth);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

async function createEndpoint(url: string, auth: object = USU, extra: Record<string, unknown> = {}) {
  return (
    await ok<{ createWebhookEndpoint: { id: string; secret: string; version: number } }>(
      CREATE,
      { input: { url, ...extra } },
      auth,
    )
  ).createWebhookEndpoint;
}

/** Enrolls `count` employees of an agency into its usu program, completes the first half, drops the last. */
async function makeChanges(agencyId: string, count: number, offset = 0) {
  const ids = employeesOf(agencyId, T0, offset + count).slice(offset);
  const enrolled: { id: string; version: number }[] = [];
  for (const employeeId of ids)
    enrolled.push(
      (
        await ok<{ enrollEmployee: { id: string; version: number } }>(
          ENROLL,
          { input: { programId: programs[agencyId], employeeId } },
          { claims: adminOf(agencyId) },
        )
      ).enrollEmployee,
    );
  for (const e of enrolled.slice(0, Math.floor(count / 2)))
    await ok(
      COMPLETE,
      { input: { enrollmentId: e.id, version: e.version, attended: true, postTestScore: 80 } },
      { claims: adminOf(agencyId) },
    );
  const last = enrolled.at(-1);
  if (last && count > 1)
    await ok(
      DROP,
      { input: { enrollmentId: last.id, version: last.version } },
      { claims: adminOf(agencyId) },
    );
}

/** The sequences of the partner feed an endpoint should get (agency filter optional). */
async function feedSequences(after: number, agencyId?: string): Promise<number[]> {
  const all = await app.deps.repositories.partnerFeed.after('usu', after, 1000);
  return all.filter((c) => !agencyId || c.agencyId === agencyId).map((c) => c.sequence);
}

/** What an idempotent receiver applied: the first accepted copy of each webhook-id, in arrival order. */
function applied(received: Received[], secret: string) {
  const seen = new Set<string>();
  const out: { sequence: number; enrollmentId: string; duplicateOf?: string }[] = [];
  for (const r of received.filter((x) => x.reply === 'ok')) {
    // The signature scheme itself is checked against the reference library in the unit tests; here
    // the clock is virtual, so the signature is recomputed rather than checked for freshness.
    const id = String(r.headers['webhook-id']);
    const expected = signatureOf(secret, id, Number(r.headers['webhook-timestamp']), r.body);
    expect(String(r.headers['webhook-signature']).split(' ')).toContain(expected);
    const { data } = JSON.parse(r.body) as { data: { sequence: number; enrollmentId: string } };
    expect(id).toBe(`msg_usu_${data.sequence}`);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(data);
  }
  return out;
}

function expectOrderPerEnrollment(changes: { sequence: number; enrollmentId: string }[]) {
  const last = new Map<string, number>();
  for (const c of changes) {
    expect(c.sequence, `enrollment ${c.enrollmentId}`).toBeGreaterThan(last.get(c.enrollmentId) ?? 0);
    last.set(c.enrollmentId, c.sequence);
  }
}

/** Removes every usu endpoint, so the next test's changes go to its own receiver only. */
async function deleteEndpoints() {
  const { webhookEndpoints } = await ok<{ webhookEndpoints: { id: string; version: number }[] }>(
    '{ webhookEndpoints { id version } }',
    {},
    USU,
  );
  for (const e of webhookEndpoints)
    await ok(
      'mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { id } }',
      { input: { id: e.id, version: e.version } },
      USU,
    );
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => clock.now });
  await seedDemoData(app.deps.table, T0, 'organization');
  programs = await seedPartnerPrograms(app, () => clock.now);
}, 120_000);
afterAll(() => app.close());

describe('partner webhooks delivered from the feed', () => {
  it('deliver every change exactly once in effect, in order per enrollment, signed, through failures, timeouts and recovery', async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness(app, clock);
    try {
      const endpoint = await createEndpoint(receiver.url);
      expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const start = (await app.deps.repositories.partnerFeed.last('usu')) - 0;
      await makeChanges('medan', 6);
      // The receiver fails the first requests, then hangs some (timeouts), then recovers.
      let n = 0;
      receiver.behave(() => {
        n += 1;
        return n <= 4 ? 'fail' : n <= 7 ? 'hang' : n % 5 === 0 ? 'fail' : 'ok';
      });
      await harness.settle();
      const expected = await feedSequences(start);
      expect(expected.length).toBe(6 + 3 + 1);
      const got = applied(receiver.received, endpoint.secret);
      expect(got.map((c) => c.sequence).sort((a, b) => a - b)).toEqual(expected);
      expectOrderPerEnrollment(got);
      expect(receiver.received.some((r) => r.reply === 'hang')).toBe(true);
      // Every attempt after a failure repeats the same webhook-id; the payload is the pull shape.
      const body = JSON.parse(receiver.received.find((r) => r.reply === 'ok')?.body ?? '{}');
      expect(Object.keys(body).sort()).toEqual(['data', 'timestamp', 'type']);
      expect(body.type).toMatch(/^enrollment\.(created|updated|completed|cancelled)$/);
      // A completed enrollment carries its flat course record (onboarding's mapper): NIP, JP, dd-mm-yyyy.
      const completed = receiver.received
        .filter((r) => r.reply === 'ok')
        .map((r) => JSON.parse(r.body))
        .find((b) => b.type === 'enrollment.completed');
      expect(completed?.data.record).toMatchObject({
        nip: completed?.data.enrollment.employee.nip,
        jumlahJam: 40,
        tanggalSelesaiKursus: expect.stringMatching(/^\d{2}-\d{2}-\d{4}$/),
        kodeProgram: expect.any(String),
      });
      // The record follows the enrollment as it is when sent: none while it is not completed.
      const notCompleted = receiver.received
        .filter((r) => r.reply === 'ok')
        .map((r) => JSON.parse(r.body))
        .find((b) => b.data.enrollment?.status !== 'COMPLETED');
      expect(notCompleted?.data.record).toBeNull();
      expect(body.data).toMatchObject({
        agencyCode: 'medan',
        enrollment: { employee: { nip: expect.any(String) } },
      });
      const list = await ok<{
        webhookDeliveries: {
          edges: {
            node: {
              status: string;
              attempts: { outcome: string; statusCode: number | null; latencyMs: number }[];
            };
          }[];
        };
      }>(
        `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 100) { edges { node { status attempts { outcome statusCode latencyMs } } } } }`,
        { id: endpoint.id },
        USU,
      );
      const nodes = list.webhookDeliveries.edges.map((e) => e.node);
      expect(nodes).toHaveLength(expected.length);
      expect(nodes.every((d) => d.status === 'DELIVERED')).toBe(true);
      const outcomes = nodes.flatMap((d) => d.attempts.map((a) => a.outcome));
      expect(outcomes).toEqual(expect.arrayContaining(['HTTP_ERROR', 'TIMEOUT', 'SUCCESS']));
      expect(nodes.flatMap((d) => d.attempts).find((a) => a.outcome === 'HTTP_ERROR')?.statusCode).toBe(500);
    } finally {
      await deleteEndpoints();
      await receiver.close();
    }
  }, 180_000);

  it('pauses an endpoint that keeps failing, probes it, and resumes without losing anything', async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness(app, clock);
    try {
      const endpoint = await createEndpoint(receiver.url);
      const start = await app.deps.repositories.partnerFeed.last('usu');
      receiver.behave(() => 'fail');
      await makeChanges('medan', 8, 10);
      const outageEnds = clock.now.getTime() + 6 * 3_600_000;
      await harness.settle(clock.now.getTime() + 60_000);
      const health = await ok<{
        webhookEndpoints: { id: string; health: { circuit: string; consecutiveFailures: number } }[];
      }>('{ webhookEndpoints { id health { circuit consecutiveFailures } } }', {}, USU);
      expect(health.webhookEndpoints.find((e) => e.id === endpoint.id)?.health.circuit).toBe('OPEN');
      await harness.settle(outageEnds);
      // Paused: after the circuit opened only probes went out, about one per probe interval.
      const duringOutage = receiver.received.length;
      expect(duringOutage).toBeLessThan(
        CIRCUIT.failureThreshold + 8 + (6 * 60 * 60_000) / CIRCUIT.firstProbeDelayMs,
      );
      receiver.behave(() => 'ok');
      await harness.settle();
      const got = applied(receiver.received, endpoint.secret);
      expect(got.map((c) => c.sequence).sort((a, b) => a - b)).toEqual(await feedSequences(start));
      expectOrderPerEnrollment(got);
    } finally {
      await deleteEndpoints();
      await receiver.close();
    }
  }, 180_000);
});
