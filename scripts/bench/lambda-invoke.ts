/**
 * Runs a built Lambda bundle the way the Lambda runtime does, in a fresh `node` process: import
 * the `.mjs`, call its `handler` with each event in turn, report the results and timings.
 * A fresh process per call is the point: nothing is warm, nothing is shared with the caller.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What {@link invokeBundle} runs. */
export interface InvokeBundleOptions {
  /** Path of the bundle's `index.mjs`. */
  bundle: string;
  /** Events passed to `handler`, one invocation each, in order. */
  events: unknown[];
  /** Environment of the child (PATH is added); nothing else is inherited. */
  env: Record<string, string>;
  /** Extra `node` flags, e.g. `--enable-source-maps` as the Lambda function sets it. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/** What the child measured with `performance.now()` (whose origin is the process start). */
export interface InvokeBundleResult {
  /** One handler result per event. */
  results: unknown[];
  /** From just before `import()` of the bundle until it resolved (module init included). */
  importMs: number;
  /** From just before `import()` until the first handler call returned: the cold start. */
  coldStartMs: number;
  /** From process start until the first handler call returned (adds Node's own boot). */
  sinceProcessStartMs: number;
  /** CPU time (user + system) of the process until the first handler call returned, Node's boot included. */
  cpuMs: number;
}

const RESULT_MARKER = '__LAMBDA_INVOKE_RESULT__';

/** The child program; plain JS so no loader (tsx) adds to what is measured. */
const CHILD_SCRIPT = `
const events = JSON.parse(process.env.INVOKE_EVENTS);
const context = {
  awsRequestId: 'invoke-1', functionName: 'bundle', functionVersion: '$LATEST', memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws:lambda:local:123456789012:function:bundle', logGroupName: 'local',
  logStreamName: 'local', callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 10000,
  done() {}, fail() {}, succeed() {},
};
const beforeImport = performance.now();
const mod = await import(process.env.INVOKE_BUNDLE_URL);
const imported = performance.now();
const results = [];
let firstDone = 0;
let cpu;
for (const event of events) {
  results.push(await mod.handler(event, context));
  if (!firstDone) {
    firstDone = performance.now();
    cpu = process.cpuUsage();
  }
}
const report = { results, importMs: imported - beforeImport, coldStartMs: firstDone - beforeImport,
  sinceProcessStartMs: firstDone, cpuMs: (cpu.user + cpu.system) / 1000 };
process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify(report) + '\\n', () => process.exit(0));
`;

/** Imports `bundle` in a fresh `node` and invokes its handler with each event. */
export function invokeBundle(options: InvokeBundleOptions): Promise<InvokeBundleResult> {
  const env = {
    PATH: process.env.PATH ?? '',
    ...options.env,
    INVOKE_BUNDLE_URL: pathToFileURL(options.bundle).href,
    INVOKE_EVENTS: JSON.stringify(options.events),
  };
  const args = [...(options.nodeFlags ?? []), '--input-type=module', '--eval', CHILD_SCRIPT];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`Bundle ${options.bundle} failed (exit ${code}): ${stderr || stdout}`.trim()));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as InvokeBundleResult);
    });
  });
}
