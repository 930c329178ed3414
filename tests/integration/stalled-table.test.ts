import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/composition/create-deps';
import { loadConfig } from '../../src/config/load-config';
import { createLocalVerifier, generateLocalKeyPair, signLocalToken } from '../../src/local/local-issuer';
import { createServer } from '../../src/server/create-server';
import { executeInProcess } from '../../src/server/in-process-request';
import { adminOf } from '../helpers/test-app';

/** A "database" that accepts connections and never answers: a stalled DynamoDB. */
let stalled: Server;
let connections = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  stalled = createTcpServer((socket) => {
    connections += 1;
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => stalled.close(resolve));
});

/** Asks for a list through the whole server against the stalled endpoint, with a retry budget. */
async function askWithBudget(budgetMs: number) {
  const address = stalled.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const config = loadConfig({
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${address.port}`,
    AWS_REGION: 'local',
    LOG_LEVEL: 'SILENT',
    DYNAMODB_REQUEST_TIMEOUT_MS: '200',
    REQUEST_RETRY_BUDGET_MS: String(budgetMs),
  });
  const keys = await generateLocalKeyPair();
  const deps = createDeps(config, {
    entryPoint: 'api',
    secrets: {
      verifier: createLocalVerifier(keys.publicJwk),
      cursorSecret: 'stalled-test-secret-0123456789abcdef',
    },
  });
  const server = createServer(deps);
  await server.start();
  const headers = new HeaderMap([
    ['content-type', 'application/json'],
    ['authorization', `Bearer ${await signLocalToken(keys, adminOf('medan'))}`],
  ]);
  const before = connections;
  try {
    const response = await executeInProcess(server, deps, { query: '{ employees { totalCount } }', headers });
    return { response, attempts: connections - before };
  } finally {
    await server.stop();
    deps.dynamo.client.destroy();
  }
}

describe('a stalled table', () => {
  it('answers SERVICE_UNAVAILABLE, masked, after one timed-out attempt when the budget allows no retry', async () => {
    const { response, attempts } = await askWithBudget(0);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(JSON.stringify(response)).not.toMatch(/Timeout|socket|127\.0\.0\.1|stack/i);
    expect(attempts).toBe(1);
  });

  it('retries a timed-out call within the request budget, never more than the SDK cap of three attempts', async () => {
    const { response, attempts } = await askWithBudget(5000);
    expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(attempts).toBe(3);
  });
});
