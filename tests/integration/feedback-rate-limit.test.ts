import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { createDeps } from '../../src/composition/create-deps';
import { loadConfig } from '../../src/config/load-config';
import { agencyEntity } from '../../src/data/entities/agency';
import { unitEntity } from '../../src/data/entities/unit';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { createLocalVerifier } from '../../src/local/local-issuer';
import { createContext } from '../../src/server/context';
import { createServer } from '../../src/server/create-server';
import { createAddressHasher } from '../../src/services/client-address';
import {
  BUSY_MACHINE_ENV,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const SECOND = 1000;
const organization = buildDemoOrganization(NOW);
const SECRET = 'rate-limit-test-secret-0123456789abcdef';
const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`;

let base: TestApp;
let now = NOW;

/** A server over the test table with its own limits (env as in production), reached with a client address. */
async function serverWith(env: Record<string, string> = {}) {
  const config = loadConfig({
    DYNAMODB_ENDPOINT: base.config.dynamoEndpoint,
    TABLE_NAME: base.config.tableName,
    AWS_REGION: 'local',
    LOG_LEVEL: 'SILENT',
    ...BUSY_MACHINE_ENV,
    ...env,
  });
  const deps = createDeps(config, {
    entryPoint: 'api',
    secrets: { verifier: createLocalVerifier(base.keys.publicJwk), cursorSecret: SECRET },
    // The clients retry within the budgets of the policy they were built with.
    dynamo: base.deps.dynamo,
    retries: base.deps.retries,
    clock: () => now,
  });
  const server = createServer(deps);
  await server.start();
  return {
    /** Submits a survey answer about a unit of Medan from `sourceIp` (undefined: address unknown). */
    async submit(sourceIp: string | undefined, unit = 'medan-belawan'): Promise<GraphQLResponse> {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      const input = {
        unitId: toGlobalId('Unit', 'medan', unit),
        serviceName: 'Pelayanan KTP',
        surveyAnswers: [3, 3, 3, 3, 3, 3, 3, 3, 3],
      };
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers,
          search: '',
          body: { query: SUBMIT, variables: { input } },
        },
        context: () =>
          createContext({ headers: Object.fromEntries(headers), requestId: randomUUID(), sourceIp }, deps),
      });
      return JSON.parse(response.body.kind === 'complete' ? response.body.string : '{}');
    },
    stop: () => server.stop(),
  };
}

type LimitedServer = Awaited<ReturnType<typeof serverWith>>;
let server: LimitedServer;

const admitted = (res: GraphQLResponse) => res.errors === undefined && res.data?.submitFeedback !== undefined;
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** Sends `count` submissions one after another and returns how many were admitted. */
async function sendInTurn(target: LimitedServer, count: number, sourceIp: string | undefined, unit?: string) {
  let passed = 0;
  for (let i = 0; i < count; i += 1) if (admitted(await target.submit(sourceIp, unit))) passed += 1;
  return passed;
}

async function bucketItems() {
  const out = await base.deps.dynamo.doc.send(
    new ScanCommand({
      TableName: base.config.tableName,
      FilterExpression: 'entity = :e',
      ExpressionAttributeValues: { ':e': 'RateLimitBucket' },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  base = await createTestApp({ clock: () => now });
  await base.deps.table.batchPut([
    ...organization.agencies.map((a) => agencyEntity.toItem(a)),
    ...organization.units.map((u) => unitEntity.toItem(u)),
  ]);
  server = await serverWith();
});
beforeEach(() => {
  now = NOW;
});
afterAll(async () => {
  await server.stop();
  await base.close();
});

describe('per client address (default: 20 a minute, burst 20)', () => {
  it('admits 20 quick submissions, refuses the 21st with RATE_LIMITED and a retry-after, writing nothing', async () => {
    expect(await sendInTurn(server, 20, '203.0.113.10')).toBe(20);
    const before = await tableSnapshot(base);
    const refused = await server.submit('203.0.113.10');
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3 });
    expect(await tableSnapshot(base)).toEqual(before);
  });

  it('does not hold back another address', async () => {
    expect(await sendInTurn(server, 20, '203.0.113.11')).toBe(20);
    expect(codeOf(await server.submit('203.0.113.11'))).toBe('RATE_LIMITED');
    expect(admitted(await server.submit('203.0.113.12'))).toBe(true);
  });

  it('refills continuously: one token after 3 s, the whole burst after a minute, never more', async () => {
    const unit = 'medan-belawan1';
    expect(await sendInTurn(server, 21, '203.0.113.13', unit)).toBe(20);
    now = new Date(NOW.getTime() + 2.9 * SECOND);
    expect((await server.submit('203.0.113.13', unit)).errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
    now = new Date(NOW.getTime() + 3 * SECOND);
    expect(await sendInTurn(server, 2, '203.0.113.13', unit)).toBe(1);
    now = new Date(NOW.getTime() + 3 * SECOND + 3600 * SECOND);
    expect(await sendInTurn(server, 21, '203.0.113.13', unit)).toBe(20);
  });

  it('counts the IPv4-mapped IPv6 form of an address as the same client', async () => {
    expect(await sendInTurn(server, 20, '198.51.100.7', 'medan-bagandeli')).toBe(20);
    expect(codeOf(await server.submit('::ffff:198.51.100.7', 'medan-bagandeli'))).toBe('RATE_LIMITED');
  });

  it('puts every client without a known address into one bucket per unit', async () => {
    expect(await sendInTurn(server, 21, undefined, 'medan-sicanang')).toBe(20);
    expect(admitted(await server.submit(undefined, 'medan-pkm-belawan'))).toBe(true);
  });

  it('stores no raw address, and lets a bucket expire when it would be full again', async () => {
    expect(admitted(await server.submit('192.0.2.55', 'medan-setda'))).toBe(true);
    const items = await bucketItems();
    expect(JSON.stringify(items)).not.toContain('192.0.2.55');
    const hash = createAddressHasher(SECRET)('192.0.2.55');
    // One token taken at NOW: full again 3 s later at 20 a minute (the unit's 300: 0.2 s later).
    expect(items.find((i) => i.pk === `medan#RateLimit#ip:${hash}`)).toMatchObject({
      sk: 'RateLimit',
      agencyId: 'medan',
      tokens: 19,
      refilledAt: NOW.getTime(),
      expiresAt: NOW.getTime() / 1000 + 3,
    });
    expect(items.find((i) => i.pk === 'medan#RateLimit#unit:medan-setda')).toMatchObject({
      tokens: 299,
      expiresAt: NOW.getTime() / 1000 + 1,
    });
  });

  it('writes no bucket for a unit that does not exist (the submission is refused as bad input)', async () => {
    const before = await tableSnapshot(base);
    expect(codeOf(await server.submit('203.0.113.14', 'medan-atlantis'))).toBe('BAD_USER_INPUT');
    expect(await tableSnapshot(base)).toEqual(before);
  });
});

describe('per unit, and both together', () => {
  it('refuses a unit past its limit from any address, charging no client bucket, other units unaffected', async () => {
    const limited = await serverWith({ FEEDBACK_UNIT_BURST: '5', FEEDBACK_UNIT_PER_MINUTE: '5' });
    try {
      for (let i = 0; i < 5; i += 1)
        expect(admitted(await limited.submit(`203.0.113.${100 + i}`, 'medan-dinkes'))).toBe(true);
      const before = await tableSnapshot(base);
      const refused = await limited.submit('203.0.113.120', 'medan-dinkes');
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
      // Atomic: the new client's bucket was not created for a request the unit refused.
      expect(await tableSnapshot(base)).toEqual(before);
      expect(admitted(await limited.submit('203.0.113.120', 'medan-disdik'))).toBe(true);
    } finally {
      await limited.stop();
    }
  });

  it.each([
    [
      'one address racing itself',
      { FEEDBACK_ADDRESS_BURST: '5', FEEDBACK_ADDRESS_PER_MINUTE: '5' },
      'medan-kominfo',
      () => '203.0.113.200',
    ],
    [
      'many addresses racing for a unit',
      { FEEDBACK_UNIT_BURST: '5', FEEDBACK_UNIT_PER_MINUTE: '5' },
      'medan-bappeda',
      (i: number) => `203.0.113.${210 + i}`,
    ],
  ])('never admits more than the burst of 5 under concurrency: %s', async (_, env, unit, address) => {
    const limited = await serverWith(env);
    try {
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => limited.submit(address(i), unit)),
      );
      expect(results.filter(admitted)).toHaveLength(5);
      expect(results.filter((r) => !admitted(r)).map(codeOf)).toEqual(Array(11).fill('RATE_LIMITED'));
    } finally {
      await limited.stop();
    }
  });
});
