import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClaims, PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { freePort } from '../../src/local/dynamodb-local';
import { editorText, launchBrowser } from '../helpers/browser';
import { devTokenFor, type LocalApi, startApi, stopApi, waitUntilReady } from '../helpers/local-api';

const USU: ApiClaims = { client_id: 'partner-usu', partner_id: 'usu', scope: PARTNER_READ_SCOPE };

/** DynamoDB Local processes still running on this data directory. */
function javaProcessesFor(dataDir: string): number {
  const out = spawnSync('pgrep', ['-f', `dbPath ${join(dataDir, 'dynamodb')}`], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean).length;
}

describe('npm start on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-start-'));
  let port: number;
  let base: string;
  let api: LocalApi;
  let browser: Browser | undefined;

  const devToken = (claims: ApiClaims) => devTokenFor(dataDir, claims);

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startApi(port, dataDir);
    await waitUntilReady(base, api);
  }, 660_000);

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
