import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, graphql, printSchema } from 'graphql';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground, type PlaygroundBuild } from '../../infra/playground-bundling';
import { createPlaygroundAssets, type PlaygroundAssets } from '../../src/server/playground-assets';
import { type PlaygroundConfig, renderPlaygroundHtml } from '../../src/server/playground-page';
import { editorText, launchBrowser } from '../helpers/browser';

const BROWSER_TIMEOUT = 60_000;
const GREETING = 'Halo dari Pembinaan ASN';

const schema = buildSchema(`
  type Query {
    "A greeting."
    hello: String
    "The x-demo-role request header, to see which header preset was sent."
    role: String
  }
`);

const config: PlaygroundConfig = {
  endpoint: '/graphql',
  schemaUrl: '/graphql/schema.graphql',
  defaultQuery: 'query Greeting {\n  hello\n  role\n}\n',
  headerPresets: [
    { label: 'Admin BKPSDM', headers: { 'x-demo-role': 'ADMIN' } },
    { label: 'Pegawai', headers: { 'x-demo-role': 'EMPLOYEE' } },
  ],
  examples: [
    { title: 'Sapaan', audience: 'Developers', query: 'query ContohSapaan {\n  hello\n}\n' },
    {
      title: 'Peran </script><script>window.injected = true</script>',
      audience: 'Dashboards',
      query: 'query ContohPeran {\n  role\n}\n',
      variables: '{}',
    },
  ],
};

interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  failures: string[];
  workers: string[];
  consoleProblems: string[];
}

describe('GraphiQL playground bundle', () => {
  let outDir: string;
  let build: PlaygroundBuild;
  let assets: PlaygroundAssets;
  let server: Server;
  let origin: string;
  let browser: Browser;
  const receivedRoles: (string | undefined)[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(renderPlaygroundHtml(config, '/assets/'));
      return;
    }
    if (request.method === 'GET' && url.pathname.startsWith('/assets/')) {
      const asset = await assets.get(url.pathname.slice('/assets/'.length));
      response.writeHead(asset ? 200 : 404, { 'content-type': asset?.contentType ?? 'text/plain' });
      response.end(asset?.body ?? 'not found');
      return;
    }
    if (request.method === 'GET' && url.pathname === config.schemaUrl) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(printSchema(schema));
      return;
    }
    if (request.method === 'POST' && url.pathname === config.endpoint) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const role = request.headers['x-demo-role'];
      const roleHeader = typeof role === 'string' ? role : undefined;
      if (!body.query.includes('__schema')) receivedRoles.push(roleHeader);
      const result = await graphql({
        schema,
        source: body.query,
        variableValues: body.variables ?? null,
        operationName: body.operationName ?? null,
        rootValue: { hello: GREETING, role: roleHeader ?? null },
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }

  async function openPlayground(): Promise<Session> {
    const context = await browser.newContext();
    const session: Session = {
      context,
      page: await context.newPage(),
      requests: [],
      failures: [],
      workers: [],
      consoleProblems: [],
    };
    context.on('request', (request) => session.requests.push(request.url()));
    context.on('requestfailed', (request) => session.failures.push(`failed: ${request.url()}`));
    context.on('response', (response) => {
      if (response.status() >= 400) session.failures.push(`${response.status()}: ${response.url()}`);
    });
    session.page.on('worker', (worker) => session.workers.push(worker.url()));
    session.page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        session.consoleProblems.push(`${message.type()}: ${message.text()}`);
      }
    });
    session.page.on('pageerror', (error) => session.consoleProblems.push(`pageerror: ${error.message}`));
    await session.page.goto(`${origin}/`);
    await session.page.waitForSelector('.graphiql-container', { timeout: BROWSER_TIMEOUT });
    await expect
      .poll(() => editorText(session.page, '.graphiql-query-editor'), { timeout: BROWSER_TIMEOUT })
      .toContain('hello');
    return session;
  }

  async function execute(page: Page): Promise<string> {
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => editorText(page, '.graphiql-response'), { timeout: BROWSER_TIMEOUT })
      .toContain(GREETING);
    return editorText(page, '.graphiql-response');
  }

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'playground-bundle-'));
    build = await buildPlayground({ outDir });
    assets = createPlaygroundAssets(build.outDir);
    server = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes the app, its CSS and the three Monaco workers as separate files', () => {
    expect(build.files).toEqual(
      expect.arrayContaining([
        'app.js',
        'app.css',
        'editor.worker.js',
        'json.worker.js',
        'graphql.worker.js',
      ]),
    );
  });

  it('runs the default query from the local bundle without any request leaving 127.0.0.1', async () => {
    const { context, page, requests, failures, workers, consoleProblems } = await openPlayground();
    try {
      const response = await execute(page);

      expect(response).toContain('"role": "ADMIN"');
      expect(receivedRoles).toContain('ADMIN');
      expect(requests.filter((url) => url.startsWith(`${origin}/assets/`)).length).toBeGreaterThan(2);
      const remote = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
      expect(remote).toEqual([]);
      const expectedWorkers = ['editor', 'json', 'graphql'].map(
        (name) => `${origin}/assets/${name}.worker.js`,
      );
      await expect
        .poll(() => workers, { timeout: BROWSER_TIMEOUT })
        .toEqual(expect.arrayContaining(expectedWorkers));
      expect(failures).toEqual([]);
      expect(consoleProblems.filter((text) => /worker/i.test(text))).toEqual([]);
      expect(consoleProblems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens a tab per example and keeps an embedded </script> inert', async () => {
    const { context, page } = await openPlayground();
    try {
      const tabs = (await page.locator('.graphiql-tabs').textContent()) ?? '';
      expect(tabs).toContain('Greeting');
      expect(tabs).toContain('ContohSapaan');
      expect(tabs).toContain('ContohPeran');
      expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();

      await page.getByTestId('example-menu').click();
      await page
        .getByRole('menuitem', { name: 'Dashboards: Peran </script><script>window.injected = true</script>' })
        .waitFor();
      await page.getByRole('menuitem', { name: 'Developers: Sapaan' }).click();
      await expect
        .poll(() => editorText(page, '.graphiql-query-editor'), { timeout: BROWSER_TIMEOUT })
        .toContain('ContohSapaan');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('sends the headers of the preset picked in the toolbar', async () => {
    const { context, page } = await openPlayground();
    try {
      await page.getByTestId('header-preset-menu').click();
      await page.getByRole('menuitem', { name: 'Pegawai' }).click();

      const response = await execute(page);

      expect(response).toContain('"role": "EMPLOYEE"');
      expect(receivedRoles.at(-1)).toBe('EMPLOYEE');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('builds an operation by ticking fields in the explorer and shows the docs pane, offline', async () => {
    const { context, page, requests, consoleProblems } = await openPlayground();
    try {
      await page.getByTestId('example-menu').click();
      await page.getByRole('menuitem', { name: 'Developers: Sapaan' }).click();
      await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
      const explorer = page.locator('.graphiql-explorer-root');
      await explorer.waitFor({ timeout: BROWSER_TIMEOUT });
      await explorer.locator('.graphiql-explorer-role').first().getByText('role', { exact: true }).click();
      await expect
        .poll(() => editorText(page, '.graphiql-query-editor'), { timeout: BROWSER_TIMEOUT })
        .toMatch(/ContohSapaan[\s\S]*hello[\s\S]*role/);
      const response = await execute(page);
      expect(response).toContain('"role": "ADMIN"');

      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
      await page.getByText('The x-demo-role request header, to see which header preset was sent.').waitFor();

      const remote = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
      expect(remote).toEqual([]);
      expect(consoleProblems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('copies the current operation with its headers as a curl command that answers', async () => {
    const { context, page } = await openPlayground();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.getByTestId('header-preset-menu').click();
      await page.getByRole('menuitem', { name: 'Pegawai' }).click();
      // By keyboard: the preset button's tooltip, open while it has the focus, covers this one.
      await page.getByTestId('copy-curl').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('copy-curl-status').textContent()).toBe('Copied as curl');
      const command = await page.evaluate(() => navigator.clipboard.readText());

      expect(command).toMatch(new RegExp(`^curl '${origin}/graphql'`));
      expect(command).toContain("-H 'x-demo-role: EMPLOYEE'");
      // Sent as the command says (URL, headers, body), the request gets the operation's answer.
      const body = /--data-raw '(.*)'$/s.exec(command)?.[1] as string;
      const headers = Object.fromEntries(
        [...command.matchAll(/-H '([^:]+): ([^']*)'/g)].map((m) => [m[1] as string, m[2] as string]),
      );
      const answer = await fetch(`${origin}/graphql`, { method: 'POST', headers, body }).then((r) =>
        r.json(),
      );
      expect(answer).toEqual({ data: { hello: GREETING, role: 'EMPLOYEE' } });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('downloads the printed schema from the schema route', async () => {
    const { context, page } = await openPlayground();
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('schema-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('schema.graphql');
      expect(await readFile(await download.path(), 'utf8')).toBe(printSchema(schema));
    } finally {
      await context.close();
    }
  }, 120_000);

  it('serves only plain file names from the build directory', async () => {
    const script = await assets.get('app.js');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
    expect((await assets.get('app.css'))?.contentType).toBe('text/css; charset=utf-8');
    // Fonts are inlined into the CSS, so every file of the bundle is text (API Gateway serves it as such).
    expect(build.files.filter((name) => /\.(ttf|woff2?)$/.test(name))).toEqual([]);
    expect((await assets.get('app.css'))?.body.toString('utf8')).toContain('data:font/ttf;base64,');
    for (const name of [
      '../package.json',
      '/etc/passwd',
      'sub/app.js',
      '.fingerprint',
      '..',
      'missing.js',
      '',
    ]) {
      expect(await assets.get(name)).toBeUndefined();
    }
    expect(await assets.get('app.js')).toBe(script);
  });
});
