/**
 * CPU per request, per operation of the load mix, against its floor. The API's: the API process
 * (serve-api.ts, as in the load test) answers `count` requests of one kind over HTTP, two at a
 * time; its CPU time (/proc) over the requests. The floor's: the DynamoDB requests the server sent
 * for one such request (captured on its client as they went on the wire) sent again with a bare
 * `DynamoDBClient` in this process, `count` times; this process's CPU time over the repetitions.
 * So the ratio is what parsing, auth, GraphQL, the services and the SDK's document layer add to
 * the bare SDK calls the answer needs.
 */

import { HeaderMap } from '@apollo/server';
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { BenchApp } from './bench-app';
import { bodyOf, headersOf, type RunningApi, type WorkloadRequest } from './load-test';
import { ownCpuMs, processCpuMs } from './process-cpu';
import { round } from './statistics';

const COMMANDS = {
  Query: QueryCommand,
  GetItem: GetItemCommand,
  BatchGetItem: BatchGetItemCommand,
  Scan: ScanCommand,
};
type Captured = { operation: keyof typeof COMMANDS; input: Record<string, unknown> };

/** The bare SDK command of a captured call. */
function commandOf({ operation, input }: Captured) {
  const Command = COMMANDS[operation] as unknown as new (input: unknown) => QueryCommand;
  return new Command(input);
}

/**
 * The wire requests `app`'s server sends for one request of this kind once warm: asked once
 * before, as the API process is before its CPU is counted, so what a server reads once and keeps
 * (the cost model's counts: 17 of the 20 calls of a first aggregate by unit x quarter) is not
 * replayed by the floor at every request. Until 2026-12-04 the capture could be a first request:
 * the floor then replayed 20 calls where the API made 3, a ratio of 0.78 instead of about 2.5.
 */
async function captureCalls(app: BenchApp, request: WorkloadRequest): Promise<Captured[]> {
  const ask = async () => {
    const answer = await app.execute(
      request.query,
      request.variables,
      new HeaderMap(Object.entries(headersOf(request))),
    );
    if (answer.errors?.length) throw new Error(`${request.name}: ${JSON.stringify(answer.errors)}`);
  };
  await ask();
  const calls: Captured[] = [];
  const name = 'benchCaptureCalls';
  app.client.middlewareStack.add(
    (next) => async (args) => {
      const http = args.request as { headers: Record<string, string>; body?: string | Uint8Array };
      const operation = String(http.headers['x-amz-target'] ?? '').split('.')[1] as Captured['operation'];
      if (!(operation in COMMANDS)) throw new Error(`The floor cannot replay ${operation}`);
      // The SDK's JSON protocol sends bytes that warn when read as a string (a future version throws).
      const body = http.body ?? '{}';
      calls.push({
        operation,
        input: JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)),
      });
      return next(args);
    },
    { step: 'finalizeRequest', name },
  );
  try {
    await ask();
  } finally {
    app.client.middlewareStack.remove(name);
  }
  return calls;
}

/** Sends `count` requests of one kind, `parallel` at a time, checking each answer. */
async function send(api: RunningApi, request: WorkloadRequest, count: number, parallel = 2) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(`${api.base}${request.path}`, {
        method: 'POST',
        headers: headersOf(request),
        body: bodyOf(request),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors":')) throw new Error(`${request.name}: ${text}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** `apiCpuMsPerRequest_<key>`, `floorCpuMsPerRequest_<key>` and their ratio, for each kind of request. */
export async function measureCpuPerRequest(
  app: BenchApp,
  api: RunningApi,
  requests: WorkloadRequest[],
  options: { endpoint: string; count: number },
): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const bare = new DynamoDBClient({
    region: 'local',
    endpoint: options.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    for (const request of requests) {
      // The token is verified by the API; the in-process app on the same table signs its own.
      const calls = await captureCalls(app, request);
      await send(api, request, 20);
      const apiBefore = processCpuMs(api.pid);
      await send(api, request, options.count);
      const apiAfter = processCpuMs(api.pid);
      const replay = () => Promise.all(calls.map((c) => bare.send(commandOf(c))));
      for (let i = 0; i < 20; i += 1) await replay();
      const floorBefore = ownCpuMs();
      for (let i = 0; i < options.count; i += 1) await replay();
      const floor = (ownCpuMs() - floorBefore) / options.count;
      if (apiBefore === undefined || apiAfter === undefined) continue;
      const apiMs = (apiAfter - apiBefore) / options.count;
      results[`apiCpuMsPerRequest_${request.key}`] = round(apiMs, 2);
      results[`floorCpuMsPerRequest_${request.key}`] = round(floor, 2);
      results[`cpuRatio_${request.key}`] = round(apiMs / floor, 2);
      results[`dynamoCallsPerRequest_${request.key}`] = calls.length;
    }
  } finally {
    bare.destroy();
  }
  return results;
}
