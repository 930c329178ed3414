import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { signedHeaders } from '../../src/domain/webhooks/signature';
import { readDevSecrets } from '../../src/local/dev-secrets';
import { freePort } from '../../src/local/dynamodb-local';
import { signLocalToken } from '../../src/local/local-issuer';
import { testWorkerDatabase } from '../helpers/local-api';
import { partnerClaims } from '../helpers/webhook-harness';

/** A child process whose output lines a test can wait for (events, not sleeps). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const child = spawn(command, args, {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const line of chunk.toString().split('\n')) {
      for (const w of [...waiters])
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    child,
    output: () => output,
    /** The first line (from now on) that passes `test`. */
    waitFor: (test: (line: string) => boolean) =>
      new Promise<string>((resolve) => waiters.push({ test, resolve })),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-(child.pid as number), 'SIGINT');
      }),
  };
}

const NOW = new Date();
const events = (line: string) => {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
};

describe('npm run partner-webhook-example against npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-webhooks-'));
  const statePath = join(dataDir, 'receiver-state.json');
  let api: ReturnType<typeof run>;
  let receiver: ReturnType<typeof run> | undefined;
  let base: string;
  let receiverPort: number;
  let secret = '';
  let partnerToken = '';
  const token = async (claims: ApiClaims) =>
    signLocalToken(
      readDevSecrets(dataDir)?.keys ??
        (() => {
          throw new Error('no dev secrets');
        })(),
      claims,
    );
  const gql = async <T>(query: string, variables: Record<string, unknown>, bearer: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  };
  const startReceiver = () =>
    run(
      'npm',
      [
        'run',
        '-s',
        'partner-webhook-example',
        '--',
        '--port',
        String(receiverPort),
        '--api',
        `${base}/partner/graphql`,
        '--state',
        statePath,
      ],
      {
        WEBHOOK_SECRET: secret,
        PARTNER_TOKEN: partnerToken,
      },
    );

  /** Enrolls a Medan employee in a usu program through the API, as Medan's administrator. */
  async function enrollSomeone(index: number): Promise<string> {
    const admin = await token({ sub: 'e2e-admin', 'cognito:groups': ['ADMIN'], agency_id: 'medan' });
    const programs = await gql<{ trainingPrograms: { edges: { node: { id: string; format: string } }[] } }>(
      '{ trainingPrograms(first: 5, filter: { partnerCode: "usu", status: OPEN }) { edges { node { id format } } } }',
      {},
      admin,
    );
    const employee = buildDemoOrganization(NOW)
      .employees.filter((e) => e.agencyId === 'medan' && e.status === 'ACTIVE')
      .at(-1 - index);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        query: 'mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }',
        variables: {
          input: {
            // Not the degree program: that needs the employee's study arrangement (DOMAIN rule 3).
            programId: programs.trainingPrograms.edges.find((e) => e.node.format !== 'DEGREE')?.node.id,
            employeeId: toGlobalId('Employee', 'medan', employee?.id ?? 'missing'),
          },
        },
      }),
    });
    const body = (await res.json()) as { data?: { enrollEmployee: { id: string } }; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data?.enrollEmployee.id ?? '';
  }

  beforeAll(async () => {
    const port = await freePort();
    receiverPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = run('npm', ['start'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'WARN',
      ...testWorkerDatabase('e2e-webhooks'),
      // Medan alone: the partner's history is usu's Medan programs, and Medan enrolls the new one.
      DEMO_AGENCIES: 'medan',
    });
    const exited = new Promise<never>((_, reject) =>
      api.child.once('exit', () => reject(new Error(`npm start exited:\n${api.output()}`))),
    );
    await Promise.race([api.waitFor((line) => line.includes('ready in')), exited]);
    partnerToken = await token(partnerClaims('usu'));
    const created = await gql<{ createWebhookEndpoint: { secret: string } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
      { input: { url: `http://127.0.0.1:${receiverPort}/webhooks` } },
      partnerToken,
    );
    secret = created.createWebhookEndpoint.secret;
  }, 600_000);

  afterAll(async () => {
    await receiver?.stop();
    await api?.stop();
  });

  it('catches up with the history by pulling, then gets new changes pushed, verified and applied once', async () => {
    receiver = startReceiver();
    const ready = receiver.waitFor((l) => events(l).event === 'ready');
    await ready;
    expect(receiver.output()).toContain('"via":"pull"');
    const pushed = receiver.waitFor((l) => events(l).event === 'applied' && events(l).via === 'push');
    const enrollmentId = await enrollSomeone(0);
    const line = events(await pushed);
    expect(line).toMatchObject({ changeType: 'CREATED' });
    expect(Buffer.from(enrollmentId, 'base64url').toString()).toContain(
      String(Buffer.from(String(line.enrollmentId), 'base64url').toString().split(':').at(-1)),
    );
  });

  it('refuses a tampered body and a stale timestamp, and acknowledges a duplicate without applying it again', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`http://127.0.0.1:${receiverPort}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const body = JSON.stringify({
      type: 'enrollment.created',
      timestamp: NOW.toISOString(),
      data: { sequence: 999999, enrollmentId: 'x', version: 1 },
    });
    expect(
      (await post(signedHeaders([secret], 'msg_usu_999999', new Date(), body), body.replace('999999', '1')))
        .status,
    ).toBe(401);
    expect(
      (await post(signedHeaders([secret], 'msg_usu_999999', new Date(Date.now() - 10 * 60_000), body), body))
        .status,
    ).toBe(401);
    const duplicate = receiver?.waitFor((l) => events(l).event === 'duplicate');
    const headers = signedHeaders([secret], 'msg_usu_999999', new Date(), body);
    expect((await post(headers, body)).status).toBe(204);
    expect((await post(headers, body)).status).toBe(200);
    expect(events((await duplicate) ?? '')).toMatchObject({ webhookId: 'msg_usu_999999' });
  });

  it('after downtime, pulls the changes it missed on start', async () => {
    await receiver?.stop();
    await enrollSomeone(1);
    receiver = startReceiver();
    const caughtUp = receiver.waitFor((l) => events(l).event === 'applied' && events(l).via === 'pull');
    expect(events(await caughtUp)).toMatchObject({ changeType: 'CREATED' });
  });
});
