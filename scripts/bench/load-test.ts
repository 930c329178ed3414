/**
 * Local load test of a mixed dashboard + partner workload with autocannon against the HTTP API
 * (serve-api.ts, in its own process) on the demo data: each connection cycles through two
 * dashboard aggregates and a page of employees as the `medan` administrator, and a page of the
 * partner `usu`'s enrollment change feed on `/partner/graphql` with its client-credentials token.
 * Every kind of request is checked once before the load; during it, a response counts as an
 * error when it is not 2xx or its body carries GraphQL `errors`, and so does every connection
 * error or timeout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { monthsBefore } from '../../src/demo/demo-ids';
import { ensureDevSecrets } from '../../src/local/dev-secrets';
import { signLocalToken } from '../../src/local/local-issuer';
import { adminClaims } from './bench-app';
import { dynamoLocalPid, ownCpuMs, processCpuMs } from './process-cpu';
import { round } from './statistics';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(HERE, '..', '..');

export interface LoadTestOptions {
  dynamoEndpoint: string;
  /** A table holding the demo data (with rollups). */
  tableName: string;
  dataDir: string;
  now: Date;
  durationSeconds?: number;
  connections?: number;
  /** Called every second with the seconds elapsed. */
  onTick?: (elapsedSeconds: number) => void;
  /** Runs on the started API before the load (the CPU-per-request figures use the same process). */
  beforeLoad?: (api: RunningApi, requests: WorkloadRequest[]) => Promise<void>;
}

export interface LoadTestResult {
  throughputRps: number;
  p99Ms: number;
  errorRate: number;
  loadTestRequests: number;
  /** CPU during the load, in % of one core: the API process, DynamoDB Local's JVM, autocannon (this process). */
  loadCpuApiPercent?: number;
  loadCpuDynamoPercent?: number;
  loadCpuGeneratorPercent?: number;
}

export interface WorkloadRequest {
  /** Short name, in the keys of the per-operation figures (`apiCpuMsPerRequest_<key>`). */
  key: string;
  name: string;
  path: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What a correct answer has, beyond the absence of errors. */
  check: (data: Record<string, unknown>) => boolean;
}

const DASHBOARD_AGGREGATE = `query DashboardTile($input: AggregateInput!) {
  aggregate(input: $input) { asOf groups { key { dimension value label } values { measure value } } totals { measure value } }
}`;
const STAFF_PAGE = `query StaffPage {
  employees(first: 20) { totalCount edges { cursor node { id nip name employmentType unit { name } } } pageInfo { hasNextPage endCursor } }
}`;
const PARTNER_FEED = `query PartnerFeed {
  partnerEnrollments(first: 50) {
    totalCount
    edges { cursor node { sequence changeType changedAt enrollmentId status enrollment { status program { title } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The workload: what one connection sends, in turn. */
export async function workload(dataDir: string, now: Date): Promise<WorkloadRequest[]> {
  const { keys } = await ensureDevSecrets(dataDir);
  const admin = await signLocalToken(keys, adminClaims('medan'));
  const partner = await signLocalToken(keys, {
    client_id: 'partner-usu',
    partner_id: 'usu',
    scope: PARTNER_READ_SCOPE,
  });
  const lastYear = monthsBefore(now, 11).toISOString().slice(0, 10);
  const groups = (data: Record<string, unknown>) =>
    ((data.aggregate as { groups?: unknown[] } | undefined)?.groups?.length ?? 0) > 0;
  const edges = (field: string) => (data: Record<string, unknown>) =>
    ((data[field] as { edges?: unknown[] } | undefined)?.edges?.length ?? 0) > 0;
  return [
    {
      key: 'aggregateUnitQuarter',
      name: 'aggregate: enrollments, completion rate, JP by unit and quarter (last 12 months)',
      path: '/graphql',
      token: admin,
      query: DASHBOARD_AGGREGATE,
      variables: {
        input: {
          measures: ['ENROLLMENT_COUNT', 'COMPLETION_RATE', 'TRAINING_HOURS'],
          groupBy: ['UNIT', 'QUARTER'],
          filter: { from: lastYear },
        },
      },
      check: groups,
    },
    {
      key: 'employeesPage',
      name: 'employees: first page',
      path: '/graphql',
      token: admin,
      query: STAFF_PAGE,
      check: edges('employees'),
    },
    {
      key: 'partnerFeed',
      name: 'partnerEnrollments: first page of the usu feed',
      path: '/partner/graphql',
      token: partner,
      query: PARTNER_FEED,
      check: edges('partnerEnrollments'),
    },
    {
      key: 'aggregateUnit',
      name: 'aggregate: workforce and JP compliance by unit',
      path: '/graphql',
      token: admin,
      query: DASHBOARD_AGGREGATE,
      variables: { input: { measures: ['EMPLOYEE_COUNT', 'JP_COMPLIANCE_RATE'], groupBy: ['UNIT'] } },
      check: groups,
    },
  ];
}

export const bodyOf = (r: WorkloadRequest) =>
  JSON.stringify(r.variables ? { query: r.query, variables: r.variables } : { query: r.query });
export const headersOf = (r: WorkloadRequest) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${r.token}`,
});

/** Starts the API, checks each request kind once, then runs the load. */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const requests = await workload(options.dataDir, options.now);
  const api = await startApi(options);
  try {
    for (const r of requests) {
      const response = await fetch(`${api.base}${r.path}`, {
        method: 'POST',
        headers: headersOf(r),
        body: bodyOf(r),
      });
      const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (response.status !== 200 || answer.errors || !answer.data || !r.check(answer.data))
        throw new Error(`Load test request "${r.name}" failed: ${response.status} ${JSON.stringify(answer)}`);
    }
    await options.beforeLoad?.(api, requests);
    let graphqlErrors = 0;
    const javaPid = dynamoLocalPid(options.dynamoEndpoint);
    const cpuBefore = [processCpuMs(api.pid), processCpuMs(javaPid), ownCpuMs()];
    const result = await new Promise<autocannon.Result>((resolveResult, reject) => {
      let elapsed = 0;
      const instance = autocannon(
        {
          url: api.base,
          connections: options.connections ?? 10,
          duration: options.durationSeconds ?? 12,
          timeout: 10,
          requests: requests.map((r) => ({
            method: 'POST' as const,
            path: r.path,
            headers: headersOf(r),
            body: bodyOf(r),
            onResponse: (status: number, body: string) => {
              if (status >= 200 && status < 300 && body.includes('"errors":')) graphqlErrors += 1;
            },
          })),
        },
        (error, finished) => (error ? reject(error) : resolveResult(finished)),
      );
      instance.on('tick', () => {
        elapsed += 1;
        options.onTick?.(elapsed);
      });
    });
    const cpuAfter = [processCpuMs(api.pid), processCpuMs(javaPid), ownCpuMs()];
    const percent = (i: number) => {
      const before = cpuBefore[i];
      const after = cpuAfter[i];
      return before === undefined || after === undefined
        ? undefined
        : round(((after - before) / (result.duration * 1000)) * 100);
    };
    const answered = result['2xx'] + result.non2xx;
    const total = answered + result.errors;
    return {
      throughputRps: round(answered / result.duration),
      p99Ms: result.latency.p99,
      errorRate: total === 0 ? 1 : round((result.non2xx + result.errors + graphqlErrors) / total, 4),
      loadTestRequests: total,
      loadCpuApiPercent: percent(0),
      loadCpuDynamoPercent: percent(1),
      loadCpuGeneratorPercent: percent(2),
    };
  } finally {
    await api.stop();
  }
}

/** The API in its own process: where it listens, its pid (for its CPU time), how to stop it. */
export interface RunningApi {
  base: string;
  pid: number;
  stop: () => Promise<void>;
}

/** serve-api.ts in a child process (tsx compiles it). */
export async function startApi(
  options: Pick<LoadTestOptions, 'dynamoEndpoint' | 'tableName' | 'dataDir'>,
): Promise<RunningApi> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'serve-api.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DYNAMODB_ENDPOINT: options.dynamoEndpoint,
      TABLE_NAME: options.tableName,
      DATA_DIR: options.dataDir,
      AWS_REGION: 'local',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'WARN',
      STAGE: 'dev',
      // As the bench runs (`npm run bench` sets production, as the Lambda bundles define it).
      ...(process.env.NODE_ENV ? { NODE_ENV: process.env.NODE_ENV } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolveUrl((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited (code ${code}):\n${output}`));
    });
  });
  return { base: url.replace(/\/graphql$/, ''), stop, pid: child.pid as number };
}
