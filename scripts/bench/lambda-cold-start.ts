/**
 * Benchmark of the GraphQL Lambda bundle (DESIGN.md, benchmark contract): `bundleKb`, the size of
 * the built `index.mjs` (no source map, no playground files), and `coldInitMs`, the median over
 * fresh `node` processes of the time from just before `import()` of the bundle until the handler
 * has answered the first query (an authenticated one that reads DynamoDB; its Cognito-shaped token
 * is checked by aws-jwt-verify as in AWS). Node's own start-up is left out: Lambda's runtime is
 * already up when it imports the handler.
 *
 * Beside them, in the same run, the floor (cold-start-floor.ts): `bundleFloorKb` and
 * `coldInitFloorMs`, started the same way with the same event, one floor process after each of
 * ours so both meet the same machine load. `coldInitRatio` is the median of those pairs' ratios
 * (a noisy neighbour slows a pair, not the ratio); `bundleRatio` is bytes over bytes. On a
 * shared machine wall time swings with the neighbours; the extras coldInitCpuMs,
 * coldInitFloorCpuMs and coldInitCpuRatio (CPU of each process until its first answer) do not.
 *
 * Run directly: `npx tsx scripts/bench/lambda-cold-start.ts` (starts DynamoDB Local unless
 * DYNAMODB_ENDPOINT is set).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { type CognitoStandIn, createCognitoStandIn } from '../../src/local/cognito-stand-in';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { buildLambdas } from '../build-lambdas';
import { buildFloorBundle } from './cold-start-floor';
import { restProxyEvent } from './lambda-events';
import { invokeBundle } from './lambda-invoke';
import { median, round } from './statistics';

/** Where the measurement runs. */
export interface MeasureLambdaOptions {
  dynamoEndpoint: string;
  tableName: string;
  /** Fresh processes (each of ours and of the floor) to take the medians over (default 7). */
  runs?: number;
  /** Milliseconds the pairs may take: they stop when it is spent, after the third. */
  budgetMs?: number;
}

/** The cold-start figures of the contract. */
export interface LambdaFigures {
  bundleKb: number;
  coldInitMs: number;
  bundleFloorKb: number;
  coldInitFloorMs: number;
  coldInitRatio: number;
  bundleRatio: number;
  /** Extras: CPU of the processes until the first answer (Node's boot included), and ours / floor. */
  coldInitCpuMs: number;
  coldInitFloorCpuMs: number;
  coldInitCpuRatio: number;
}

/**
 * The bundle's environment outside AWS, as the CDK app sets it but for DynamoDB Local and a
 * stand-in Cognito pool (its JWKS given, not fetched) and a cursor secret of this run; metrics
 * and tracing on as deployed (outside Lambda the Tracer loads but sends nothing).
 */
export function lambdaEnv(options: {
  dynamoEndpoint: string;
  tableName: string;
  cognito: CognitoStandIn;
}): Record<string, string> {
  return {
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    TABLE_NAME: options.tableName,
    AWS_REGION: 'local',
    ...options.cognito.env,
    CURSOR_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'SILENT',
    STAGE: 'dev',
    // As deployed (infra/constructs/graphql-function.ts): Powertools Metrics and Tracer load at cold start.
    METRICS: 'on',
    TRACING: 'on',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
}

/** Builds the GraphQL bundle and the floor's, and measures their sizes and cold starts. */
export async function measureLambda(options: MeasureLambdaOptions): Promise<LambdaFigures> {
  const [[build], cognito, , floor] = await Promise.all([
    buildLambdas({ names: ['graphql'] }),
    createCognitoStandIn(),
    ensureTable(
      createDynamoClients({ region: 'local', endpoint: options.dynamoEndpoint }).client,
      options.tableName,
    ),
    buildFloorBundle(),
  ]);
  if (!build) throw new Error('The GraphQL bundle was not built');
  const env = lambdaEnv({ ...options, cognito });
  const token = await cognito.sign({
    sub: 'bench',
    'cognito:groups': ['ADMIN'],
    agency_id: 'medan',
  });
  const firstQuery = restProxyEvent(
    'POST',
    '/graphql',
    { query: '{ me { role } employees(first: 1) { totalCount } }' },
    { authorization: `Bearer ${token}` },
  );
  const coldStart = async (bundle: string, cpu: number[]): Promise<number> => {
    const result = await invokeBundle({
      bundle,
      env,
      // As the deployed function runs (NODE_OPTIONS in infra/constructs/lambda-function.ts).
      nodeFlags: ['--enable-source-maps'],
      events: [firstQuery],
    });
    const response = result.results[0] as { statusCode?: number; body?: string } | undefined;
    if (response?.statusCode !== 200 || JSON.parse(response.body ?? '{}').errors)
      throw new Error(`First query of ${bundle} failed: ${JSON.stringify(response)}`);
    cpu.push(result.cpuMs);
    return result.coldStartMs;
  };
  const ours: number[] = [];
  const floors: number[] = [];
  const oursCpu: number[] = [];
  const floorsCpu: number[] = [];
  const started = performance.now();
  for (let run = 0; run < (options.runs ?? 7); run += 1) {
    if (run >= 3 && options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
    // One at a time: parallel processes would measure CPU contention, not start-up.
    ours.push(await coldStart(build.outFile, oursCpu));
    floors.push(await coldStart(floor.outFile, floorsCpu));
  }
  return {
    bundleKb: round(build.bytes / 1024),
    coldInitMs: round(median(ours)),
    bundleFloorKb: round(floor.bytes / 1024),
    coldInitFloorMs: round(median(floors)),
    coldInitRatio: round(median(ours.map((ms, i) => ms / (floors[i] as number))), 2),
    bundleRatio: round(build.bytes / floor.bytes, 2),
    coldInitCpuMs: round(median(oursCpu)),
    coldInitFloorCpuMs: round(median(floorsCpu)),
    coldInitCpuRatio: round(median(oursCpu.map((ms, i) => ms / (floorsCpu[i] as number))), 2),
  };
}

async function main(): Promise<void> {
  const given = process.env.DYNAMODB_ENDPOINT;
  const dynamo = given ? undefined : await startDynamoDbLocal();
  try {
    const result = await measureLambda({
      dynamoEndpoint: given ?? (dynamo?.endpoint as string),
      tableName: `bench-lambda-${Date.now()}`,
    });
    console.log(JSON.stringify(result));
  } finally {
    await dynamo?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
