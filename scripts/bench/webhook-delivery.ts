import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toGlobalId } from '../../resolvers/global-id';
import { PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { createLocalDeliveryLoop } from '../../src/webhooks/local-delivery-loop';
import { LocalDeliveryQueue } from '../../src/webhooks/local-delivery-queue';
import { createWebhookRuntime } from '../../src/webhooks/webhook-runtime';
import { adminClaims, type BenchApp } from './bench-app';
import { percentile, round } from './statistics';

/**
 * Partner push, locally (`npm start`'s loop, polling every 20 ms, a receiver on 127.0.0.1):
 * `webhookDelayMedianMs` / `webhookDelayP99Ms` from an enrollment's write returning to its
 * webhook arriving, enrolling one employee after another; `webhookDeliveriesPerSecond` for a
 * replay of those changes (fan-out, rendering, signing, POST and bookkeeping, 8 in parallel).
 */
export async function measureWebhookDelivery(
  app: BenchApp,
  now: Date,
  changes: number,
): Promise<Record<string, number>> {
  const arrived = new Map<number, number>();
  let waiting: { count: number; resolve: () => void } | undefined;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const sequence = Number(String(req.headers['webhook-id']).split('_').at(-1));
      if (!arrived.has(sequence)) arrived.set(sequence, performance.now());
      res.writeHead(204).end();
      if (waiting && arrived.size >= waiting.count) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const queue = new LocalDeliveryQueue(() => Date.now());
  const runtime = createWebhookRuntime(app.deps, { queue });
  const loop = createLocalDeliveryLoop({
    ...runtime,
    queue,
    webhookEndpoints: app.deps.repositories.webhookEndpoints,
    webhookDeliveries: app.deps.repositories.webhookDeliveries,
  });
  const running = loop.start(20);
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      waiting = { count, resolve };
      if (arrived.size >= count) resolve();
    });
  try {
    const partner = app.headers(
      await app.token({
        client_id: 'bench-usu',
        partner_id: 'usu',
        scope: `${PARTNER_READ_SCOPE} ${PARTNER_WEBHOOKS_SCOPE}`,
      }),
    );
    const admin = app.headers(await app.token(adminClaims('medan')));
    const { port } = receiver.address() as AddressInfo;
    const endpoint = await app.execute<{ createWebhookEndpoint: { id: string } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }',
      { input: { url: `http://127.0.0.1:${port}/bench`, changeTypes: ['CREATED'] } },
      partner,
    );
    const employees = buildDemoOrganization(now).employees.filter(
      (e) => e.agencyId === 'medan' && e.status === 'ACTIVE',
    );
    // Medan has fewer active staff than changes: each cohort of a short course takes all of them.
    const cohorts = Math.ceil(changes / employees.length);
    const programIds: string[] = [];
    for (let cohort = 1; cohort <= cohorts; cohort += 1) {
      const program = await app.execute<{ createTrainingProgram: { id: string } }>(
        'mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }',
        {
          input: {
            // A short course: a DEGREE program would need each employee's study arrangement (DOMAIN rule 3).
            title: `Bench: Kursus Perencanaan Wilayah (Angkatan ${cohort})`,
            category: 'TECHNICAL',
            format: 'COURSE',
            jp: 40,
            startDate: now.toISOString().slice(0, 10),
            endDate: new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10),
            capacity: employees.length,
            costPerParticipant: 0,
            partnerCode: 'usu',
            status: 'OPEN',
          },
        },
        admin,
      );
      programIds.push(program.data?.createTrainingProgram.id as string);
    }
    const written = new Map<number, number>();
    const start = await app.deps.repositories.partnerFeed.last('usu');
    for (let i = 0; i < changes; i += 1) {
      const employee = employees[i % employees.length];
      const res = await app.execute(
        'mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }',
        {
          input: {
            programId: programIds[Math.floor(i / employees.length)],
            employeeId: toGlobalId('Employee', 'medan', employee?.id ?? 'missing'),
          },
        },
        admin,
      );
      if (!res.errors) written.set(start + written.size + 1, performance.now());
    }
    await until(written.size);
    const delays = [...written].map(([sequence, at]) => (arrived.get(sequence) ?? Number.NaN) - at);
    arrived.clear();
    const replayStarted = performance.now();
    await app.execute(
      'mutation($input: ReplayWebhooksInput!) { replayWebhooks(input: $input) { id } }',
      { input: { endpointId: endpoint.data?.createWebhookEndpoint.id, fromSequence: start + 1 } },
      partner,
    );
    await until(written.size);
    const replaySeconds = (performance.now() - replayStarted) / 1000;
    return {
      webhookDeliveriesPerSecond: round(written.size / replaySeconds),
      webhookDelayMedianMs: round(percentile(delays, 0.5)),
      webhookDelayP99Ms: round(percentile(delays, 0.99)),
      webhookChanges: written.size,
    };
  } finally {
    await running.stop();
    receiver.close();
  }
}
