import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClaims, PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { freePort } from '../../src/local/dynamodb-local';
import {
  devTokenFor,
  type LocalApi,
  startApi,
  stopApi,
  testWorkerDatabase,
  waitUntilReady,
} from '../helpers/local-api';

const USU: ApiClaims = { client_id: 'partner-usu', partner_id: 'usu', scope: PARTNER_READ_SCOPE };
const MEDAN_ADMIN: ApiClaims = { sub: 'dashboard', 'cognito:groups': ['ADMIN'], agency_id: 'medan' };
const YEAR = String(new Date().getFullYear());

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Runs an npm script of the root package as a developer would; resolves to its exit code and
 * output. Asynchronous: a blocked event loop would let kept-alive sockets go stale under fetch.
 */
function npmRun(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '-s', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe('the typed example clients against npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-clients-'));
  let base: string;
  let api: LocalApi;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Medan alone: the clients ask as Medan's staff and as usu, whose Medan programs fill its feed.
    api = startApi(port, dataDir, { ...testWorkerDatabase('e2e-clients'), DEMO_AGENCIES: 'medan' });
    await waitUntilReady(base, api);
  }, 660_000);

  afterAll(async () => {
    if (api?.child.exitCode === null) await stopApi(api.child);
  });

  it('draws the dashboard series the API aggregates: one dataset per unit, one value per quarter', async () => {
    const token = await devTokenFor(dataDir, MEDAN_ADMIN);
    const args = ['--measure', 'TRAINING_HOURS', '--by', 'UNIT', '--time', 'QUARTER', '--year', YEAR];
    const run = await npmRun(['dashboard-example', '--', '--url', `${base}/graphql`, '--json', ...args], {
      DASHBOARD_TOKEN: token,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const chart = JSON.parse(run.stdout) as {
      title: string;
      labels: string[];
      datasets: { label: string; data: (number | null)[] }[];
      totals: { measure: string; value: number }[];
    };
    expect(chart.title).toContain('Pemerintah Kota Medan');
    expect(chart.labels).toEqual(['I', 'II', 'III', 'IV'].map((q) => `Triwulan ${q} ${YEAR}`));

    // The same question asked of the API directly: every group's value is in the chart.
    const direct = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{ aggregate(input: { measures: [TRAINING_HOURS], groupBy: [UNIT, QUARTER],
          filter: { from: "${YEAR}-01-01", to: "${YEAR}-12-31" } }) {
          groups { key { label } values { value } } totals { value } } }`,
      }),
    }).then((r) => r.json());
    const groups = direct.data.aggregate.groups as {
      key: { label: string }[];
      values: { value: number }[];
    }[];
    expect(chart.datasets.length).toBe(new Set(groups.map((g) => g.key[0]?.label)).size);
    for (const group of groups) {
      const dataset = chart.datasets.find((d) => d.label === group.key[0]?.label);
      const quarter = chart.labels.indexOf(group.key[1]?.label as string);
      expect(dataset?.data[quarter]).toBe(group.values[0]?.value);
    }
    expect(chart.totals[0]?.value).toBe(direct.data.aggregate.totals[0].value);
    expect(chart.totals[0]?.value).toBeGreaterThan(0);
  });

  it('prints the measures the dashboard can ask for, and a bar chart by default', async () => {
    const env = { DASHBOARD_TOKEN: await devTokenFor(dataDir, MEDAN_ADMIN) };
    const list = await npmRun(['dashboard-example', '--', '--url', `${base}/graphql`, '--list'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^COMPLETION_RATE +MONTH +Completed/m);
    const chart = await npmRun(['dashboard-example', '--', '--url', `${base}/graphql`, '--year', YEAR], env);
    expect(chart.status).toBe(0);
    expect(chart.stdout).toContain(`COMPLETION_RATE by QUARTER, ${YEAR}: Pemerintah Kota Medan`);
    expect(chart.stdout).toMatch(/Triwulan I /);
  });

  it("reports the API's typed error and exits 1 when the token is refused", async () => {
    const run = await npmRun(['dashboard-example', '--', '--url', `${base}/graphql`], {
      DASHBOARD_TOKEN: 'not-a-jwt',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('UNAUTHENTICATED');
  });

  it('syncs the partner feed: everything on the first run, nothing new on the second', async () => {
    const env = { PARTNER_TOKEN: await devTokenFor(dataDir, USU) };
    const args = [
      '--url',
      `${base}/partner/graphql`,
      '--state',
      join(dataDir, 'sync.json'),
      '--page-size',
      '50',
    ];
    const sync = async () => {
      const run = await npmRun(['partner-sync-example', '--', ...args], env);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    };
    const first = await sync();
    expect(first.received).toBeGreaterThan(50);
    expect(first.pages).toBeGreaterThanOrEqual(Math.ceil(first.received / 50));
    expect(first.lastSequence).toBe(first.received);
    expect(first.mirrored).toBeGreaterThan(0);
    const second = await sync();
    expect(second).toMatchObject({ received: 0, lastSequence: first.lastSequence, mirrored: first.mirrored });
  });

  it("generates a team's own typed client from the served schema with the README's commands", async () => {
    const served = await fetch(`${base}/graphql/schema.graphql`);
    expect(served.status).toBe(200);
    const sdl = await served.text();
    const committed = readFileSync(join(ROOT, 'schema.graphql'), 'utf8').replace(/^#[^\n]*\n\n?/, '');
    expect(sdl.trim()).toBe(committed.trim());

    // The README's three commands, in a fresh project folder (`npm install` left out: the packages
    // are the repository's own), with the README's codegen.ts.
    const codegenTs = /```ts\n(\/\/ codegen\.ts[\s\S]*?)```/.exec(README)?.[1];
    const commands = /```bash\n(curl -o schema\.graphql [\s\S]*?)```/.exec(README)?.[1]?.trim().split('\n');
    expect(commands).toEqual([
      'curl -o schema.graphql http://localhost:4000/graphql/schema.graphql',
      'npm install -D @graphql-codegen/cli @graphql-codegen/client-preset',
      'npx graphql-codegen --config codegen.ts',
    ]);
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    const project = mkdtempSync(join(ROOT, 'dist', 'readme-client-'));
    try {
      writeFileSync(join(project, 'schema.graphql'), sdl);
      writeFileSync(join(project, 'codegen.ts'), codegenTs as string);
      mkdirSync(join(project, 'src'));
      writeFileSync(join(project, 'src', 'who.graphql'), 'query WhoAmI { me { role agency { name } } }\n');
      const codegen = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile(
          'npx',
          ['graphql-codegen', '--config', 'codegen.ts'],
          { cwd: project, timeout: 120_000 },
          (e, out, err) => resolve({ code: e ? 1 : 0, output: `${out}${err}` }),
        );
      });
      expect(codegen.output).not.toMatch(/error/i);
      expect(codegen.code).toBe(0);
      const types = readFileSync(join(project, 'src', 'gql', 'graphql.ts'), 'utf8');
      expect(types).toContain('export type WhoAmIQuery = {');
      expect(types).toMatch(/role: Role/);
      const manifest = JSON.parse(
        readFileSync(join(project, 'src', 'gql', 'persisted-documents.json'), 'utf8'),
      );
      const [[hash, document]] = Object.entries(manifest) as [[string, string]];
      expect(hash).toBe(createHash('sha256').update(document).digest('hex'));

      // The generated document, sent as the example clients send it, answers.
      const token = await devTokenFor(dataDir, MEDAN_ADMIN);
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: document,
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      }).then((r) => r.json());
      expect(answer).toEqual({ data: { me: { role: 'ADMIN', agency: { name: 'Pemerintah Kota Medan' } } } });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
