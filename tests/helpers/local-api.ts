import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ApiClaims } from '../../src/auth/token-claims';
import { readDevSecrets } from '../../src/local/dev-secrets';
import { signLocalToken } from '../../src/local/local-issuer';
import { dynamoEndpoint } from './dynamo-endpoint';
import { BUSY_MACHINE_ENV } from './test-app';

/** `npm start` as a user runs it, on its own port and data directory. */
export interface LocalApi {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/**
 * Starts `npm start` with its own DynamoDB Local under `dataDir` (an inherited DYNAMODB_ENDPOINT
 * unset), or on the DynamoDB `env` names (testWorkerDatabase).
 */
export function startApi(port: number, dataDir: string, env: NodeJS.ProcessEnv = {}): LocalApi {
  const { DYNAMODB_ENDPOINT: _inherited, ...inherited } = process.env;
  const childEnv: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'WARN',
    ...env,
  };
  const child = spawn('npm', ['start'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

/**
 * Waits until `/health` answers. A first start seeds the demo data on disk, which takes minutes
 * on a busy shared machine: patience, not a timing assertion.
 */
export async function waitUntilReady(base: string, api: LocalApi, patienceMs = 600_000): Promise<void> {
  const deadline = Date.now() + patienceMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`npm start exited:\n${api.output()}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`npm start did not answer:\n${api.output()}`);
}

/** Stops it as Ctrl-C in a terminal does (SIGINT to the whole process group). */
export function stopApi(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve({ code: child.exitCode, signal: null });
    child.once('exit', (code, signal) => resolve({ code, signal }));
    process.kill(-(child.pid as number), 'SIGINT');
  });
}

/** A token signed with the dev keys `npm start` created under its data directory. */
export async function devTokenFor(dataDir: string, claims: ApiClaims): Promise<string> {
  const secrets = readDevSecrets(dataDir);
  if (!secrets) throw new Error('npm start did not create dev secrets');
  return signLocalToken(secrets.keys, claims);
}

/**
 * `npm start` on this test worker's in-memory DynamoDB Local and a table of its own, for tests
 * of what runs against the API (the example clients), not of the embedded database: the demo
 * seed takes seconds there, against a minute or more on disk beside other workers. The embedded
 * database itself is tested by local-server.test.ts. Timeouts as the test apps' (a worker's
 * database is busy with other files).
 */
export function testWorkerDatabase(prefix: string): NodeJS.ProcessEnv {
  return {
    ...BUSY_MACHINE_ENV,
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    TABLE_NAME: `${prefix}-${randomUUID()}`,
  };
}
