/**
 * `npm start` (built and run by scripts/start.mjs; `node --import tsx scripts/dev.ts` runs it
 * unbuilt): DynamoDB Local (persisted under DATA_DIR) or DYNAMODB_ENDPOINT, the table,
 * demo data once, the GraphiQL bundle, and the API on http://localhost:PORT/graphql. The
 * server's modules (scripts/dev/serve-local.ts) load while DynamoDB Local's JVM starts, so a
 * warm start waits for the longer of the two rather than both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { demoAgencyScope } from '../src/demo/places';
import type { DemoSeed } from '../src/demo/seed-demo-data';
import { dynamoForCommand } from '../src/local/dynamodb-local';

const started = Date.now();
let lap = Date.now();
const say = (message: string) => {
  console.log(`[start] ${message} (+${((Date.now() - lap) / 1000).toFixed(1)} s)`);
  lap = Date.now();
};
const config = loadConfig(process.env);
let agencies: string[] | undefined;
try {
  agencies = demoAgencyScope(config.demoAgencies);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
const server = import('./dev/serve-local');
// Awaited below, once DynamoDB Local answers; a failure to load is reported there.
server.catch(() => {});

const dynamoDir = join(config.dataDir, 'dynamodb');
// A fresh data directory gets the demo data: built in memory while DynamoDB Local's JVM starts.
// That JVM then writes 19k items, a long run that C2 compiles on the other core (the demo seed:
// 24 s of writes with the JVM's defaults, 45 s with QUICK_START_JVM_OPTIONS, which answer 1 s
// sooner); a warm start only needs DynamoDB Local to answer soon.
let prepared: DemoSeed | undefined;
const fresh = !config.dynamoEndpoint && !existsSync(dynamoDir);
const { endpoint, local } = await dynamoForCommand(config.dynamoEndpoint, {
  dataDir: dynamoDir,
  quickStart: !fresh,
  whileStarting: async () => {
    if (!fresh) return;
    const { demoSeed } = await import('../src/demo/seed-demo-data');
    prepared = demoSeed(new Date(), 'all', { rollups: true, ...(agencies ? { agencies } : {}) });
  },
});
const { serveLocally } = await server;
await serveLocally({ config, endpoint, local, dynamoDir, prepared, agencies, started, say });
