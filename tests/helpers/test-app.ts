import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiClaims } from '../../src/auth/token-claims';
import { createDeps, type Deps, type DepsOptions } from '../../src/composition/create-deps';
import { type Config, loadConfig } from '../../src/config/load-config';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureStream, ensureTable } from '../../src/data/ensure-table';
import { attachRequestCounter, type RequestCounter } from '../../src/data/request-counter';
import { requestHash } from '../../src/data/request-hash';
import { createRetryPolicy } from '../../src/data/retry-policy';
import { createRollupAggregator } from '../../src/data/rollups/apply-changes';
import { createStreamPoller, type StreamPoller } from '../../src/data/rollups/stream-poller';
import {
  createLocalVerifier,
  generateLocalKeyPair,
  type LocalKeyPair,
  signLocalToken,
} from '../../src/local/local-issuer';
import { createLocalUploadTargets } from '../../src/local/local-upload-targets';
import { createServer } from '../../src/server/create-server';
import { executeInProcess } from '../../src/server/in-process-request';
import { dynamoEndpoint } from './dynamo-endpoint';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestApp {
  deps: Deps;
  config: Config;
  keys: LocalKeyPair;
  counter: RequestCounter;
  /** Sends an operation through the full server (context, token verification, formatting). */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: { claims?: ApiClaims; token?: string },
  ): Promise<GraphQLResponse<T>>;
  token(claims: ApiClaims, options?: Parameters<typeof signLocalToken>[2]): Promise<string>;
  /**
   * Turns the table's stream on, for a test that follows it (the rollups' stream poller): call it
   * after seeding, before the poller starts. Tables start without it (see createTestApp).
   */
  enableStream(): Promise<string>;
  /** enableStream, then the rollups' stream poller started at the stream's end (stop it after). */
  followStream(): Promise<StreamPoller>;
  close(): Promise<void>;
}

/**
/**
 * Tests race tens of writers on one item on a shared, busy machine, where DynamoDB Local can take
 * seconds: room for their retries and calls (the budget and the timeout themselves are tested in
 * stalled-table.test.ts and tests/unit/data/retry-policy.test.ts).
 */
export const BUSY_MACHINE_ENV = { REQUEST_RETRY_BUDGET_MS: '30000', DYNAMODB_REQUEST_TIMEOUT_MS: '10000' };

/**
 * A server on its own fresh table of the run's DynamoDB Local, created without its stream: the
 * API never reads the stream (only the rollups' poller does), and DynamoDB Local spends most of
 * each write on a stream record and grows slower as a worker's stream records pile up (a demo
 * seed: ~17 s without, minutes with, late in a run). A test that follows the stream calls
 * `enableStream()` once its seed is written. `env` adds configuration (e.g.
 * LOG_LEVEL); the other options go to createDeps (clock, ids, metrics sink...).
 */
export async function createTestApp(
  options: Partial<Pick<DepsOptions, 'clock' | 'newId' | 'metrics' | 'tracing' | 'startup'>> & {
    env?: Record<string, string>;
    /** A DynamoDB of the test's own (fault tests pause and kill it); default: the run's. */
    endpoint?: string;
    /**
     * Another app's table to serve (e.g. with other timeouts once a seed is written); left in
     * place on close. Default: a fresh table, deleted on close.
     */
    tableName?: string;
  } = {},
): Promise<TestApp> {
  const { env, endpoint = dynamoEndpoint(), tableName, ...depsOptions } = options;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName ?? `test-${randomUUID()}`,
    AWS_REGION: 'local',
    LOG_LEVEL: 'SILENT',
    ...BUSY_MACHINE_ENV,
    ...env,
  });
  const retries = createRetryPolicy({ budgets: config.retryBudgets });
  const dynamo = createDynamoClients({
    region: config.region,
    endpoint,
    timeouts: config.dynamoTimeouts,
    retries,
  });
  const counter = attachRequestCounter(dynamo.client);
  await ensureTable(dynamo.client, config.tableName, { stream: false });
  const keys = await generateLocalKeyPair();
  const deps = createDeps(config, {
    entryPoint: 'api',
    secrets: {
      verifier: createLocalVerifier(keys.publicJwk),
      cursorSecret: 'test-cursor-secret-0123456789abcdef',
    },
    dynamo,
    retries,
    // As under npm start: createImport's URLs point at a local server's upload route.
    uploads: createLocalUploadTargets(config.imports.publicUrl),
    ...depsOptions,
  });
  const server = createServer(deps);
  await server.start();
  /** Turns the table's stream on; its ARN. */
  const enableStream = async () => (await ensureStream(dynamo.client, config.tableName)).streamArn;
  const token = (claims: ApiClaims, signOptions?: Parameters<typeof signLocalToken>[2]) =>
    signLocalToken(keys, claims, signOptions);
  return {
    deps,
    config,
    keys,
    counter,
    token,
    enableStream,
    async followStream() {
      const streamArn = await enableStream();
      const poller = createStreamPoller({
        client: dynamo.client,
        streamArn,
        table: deps.table,
        aggregator: createRollupAggregator(deps.table),
      });
      await poller.skipToEnd();
      return poller;
    },
    async request(query, variables, auth) {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      const bearer = auth?.token ?? (auth?.claims ? await token(auth.claims) : undefined);
      if (bearer) headers.set('authorization', `Bearer ${bearer}`);
      return executeInProcess(server, deps, { query, variables, headers });
    },
    async close() {
      await server.stop();
      if (!tableName)
        await dynamo.client
          .send(new DeleteTableCommand({ TableName: config.tableName }))
          .catch(() => undefined);
      dynamo.client.destroy();
    },
  };
}

/** Claims of an ADMIN of an agency. */
export const adminOf = (agencyId: string): ApiClaims => ({
  sub: `admin-${agencyId}`,
  'cognito:groups': ['ADMIN'],
  agency_id: agencyId,
});

/** Every item in the app's table, sorted, to prove a rejected write changed nothing. */
export async function tableSnapshot(app: TestApp): Promise<string[]> {
  const items: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await app.deps.dynamo.doc.send(
      new ScanCommand({ TableName: app.config.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of out.Items ?? []) items.push(requestHash(item));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items.sort();
}
