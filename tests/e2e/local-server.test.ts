import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClaims, PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { readDevSecrets } from '../../src/local/dev-secrets';
import { freePort } from '../../src/local/dynamodb-local';
import { signLocalToken } from '../../src/local/local-issuer';
import { editorText, launchBrowser } from '../helpers/browser';

/** `npm start` as a new user runs it: its own DynamoDB Local under a fresh DATA_DIR. */
function startApi(port: number, dataDir: string): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'WARN' };
  delete env.DYNAMODB_ENDPOINT;
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function waitUntilReady(
  base: string,
  api: { child: ChildProcess; output: () => string },
): Promise<void> {
  // A first start seeds the demo data on disk: allow for a busy machine.
  for (let attempt = 0; attempt < 1400; attempt += 1) {
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

/** DynamoDB Local processes still running on this data directory. */
const USU: ApiClaims = { client_id: 'partner-usu', partner_id: 'usu', scope: PARTNER_READ_SCOPE };

function javaProcessesFor(dataDir: string): number {
  const out = spawnSync('pgrep', ['-f', `dbPath ${join(dataDir, 'dynamodb')}`], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean).length;
}

function stopApi(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve({ code: child.exitCode, signal: null });
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // Ctrl-C in a terminal signals the whole process group.
    process.kill(-(child.pid as number), 'SIGINT');
  });
}

describe('npm start on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-start-'));
  let port: number;
  let base: string;
  let api: ReturnType<typeof startApi>;
  let browser: Browser | undefined;

  /** A token signed with the dev keys `npm start` created under its data directory. */
  async function devToken(claims: ApiClaims): Promise<string> {
    const secrets = readDevSecrets(dataDir);
    if (!secrets) throw new Error('npm start did not create dev secrets');
    return signLocalToken(secrets.keys, claims);
  }

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApi(port, dataDir);
    await waitUntilReady(base, api);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (api.child.exitCode === null) await stopApi(api.child);
  });

  it('serves health, the GraphiQL page and its bundled assets', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok' });
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    const script = /src="([^"]+app\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script as string, `${base}/graphql`));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('answers queries on the seeded demo data with a dev token', async () => {
    const token = await devToken({ sub: 't', 'cognito:groups': ['ADMIN'], agency_id: 'gorontalo' });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ me { agency { name } } units(first: 100) { totalCount } employees { totalCount } }',
      }),
    });
    const body = (await response.json()) as {
      data: {
        me: { agency: { name: string } };
        units: { totalCount: number };
        employees: { totalCount: number };
      };
    };
    expect(body.data.me.agency.name).toBe('Pemerintah Kota Gorontalo');
    expect(body.data.units.totalCount).toBeGreaterThanOrEqual(5);
    expect(body.data.employees.totalCount).toBeGreaterThan(50);
  });

  it('serves the partner route with the demo feed of usu, to partner tokens only', async () => {
    const partner = await devToken(USU);
    const admin = await devToken({
      sub: 't',
      'cognito:groups': ['ADMIN'],
      agency_id: 'medan',
    });
    const ask = (token: string) =>
      fetch(`${base}/partner/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query:
            '{ partnerEnrollments(first: 5) { totalCount edges { node { sequence changeType agencyCode } } } }',
        }),
      });
    const feed = (await (await ask(partner)).json()) as {
      data: {
        partnerEnrollments: {
          totalCount: number;
          edges: { node: { sequence: number; agencyCode: string } }[];
        };
      };
    };
    expect(feed.data.partnerEnrollments.edges.map((e) => e.node.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(feed.data.partnerEnrollments.totalCount).toBeGreaterThan(5);
    expect((await ask(admin)).status).toBe(401);
  });

  it('runs the partner sync example: everything on the first run, nothing new on the second', async () => {
    const token = await devToken(USU);
    const sync = () => {
      const run = spawnSync(
        'npx',
        [
          'tsx',
          'scripts/partner-sync-example.ts',
          '--url',
          `${base}/partner/graphql`,
          '--state',
          join(dataDir, 'sync.json'),
        ],
        { env: { ...process.env, PARTNER_TOKEN: token }, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.stderr).not.toMatch(/Error/);
      return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    };
    const first = sync();
    expect(first.received).toBeGreaterThan(10);
    expect(first.lastSequence).toBe(first.received);
    expect(first.mirrored).toBeGreaterThan(0);
    const second = sync();
    expect(second).toMatchObject({ received: 0, lastSequence: first.lastSequence, mirrored: first.mirrored });
  });

  it('runs the default query in GraphiQL in a real browser, offline, as the first demo role', {
    timeout: 180_000,
  }, async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (
        !request.url().startsWith(base) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      ) {
        foreign.push(request.url());
      }
    });
    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => editorText(page, '.graphiql-response'), { timeout: 120_000 })
      .toContain('Pemerintah Kota Medan');
    expect(foreign).toEqual([]);
  });

  it('stops DynamoDB Local and the API on Ctrl-C, and keeps the data for the next start', {
    timeout: 300_000,
  }, async () => {
    const exit = await stopApi(api.child);
    expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
    expect(javaProcessesFor(dataDir)).toBe(0);
    const closed = await fetch(`${base}/health`).then(
      () => false,
      () => true,
    );
    expect(closed).toBe(true);
    api = startApi(port, dataDir);
    await waitUntilReady(base, api);
    expect(api.output()).toContain('demo data already present');
  });
});
