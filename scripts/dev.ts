/**
 * `npm start`: DynamoDB Local (persisted under DATA_DIR) or DYNAMODB_ENDPOINT, the table,
 * demo data once, the GraphiQL bundle, and the API on http://localhost:PORT/graphql.
 */
import { join } from 'node:path';
import { ensurePlaygroundBuilt } from '../infra/playground-bundling';
import { createDeps } from '../src/composition/create-deps';
import { loadConfig } from '../src/config/load-config';
import { ensureTable } from '../src/data/ensure-table';
import { demoIdentities } from '../src/demo/demo-identities';
import { seedDemoData } from '../src/demo/seed-demo-data';
import { devHeaderPresets } from '../src/local/dev-tokens';
import { dynamoForCommand } from '../src/local/dynamodb-local';
import { localRequestAuth } from '../src/local/local-request-auth';
import { startLocalStreamProcessing } from '../src/local/local-stream-processing';
import { createServer } from '../src/server/create-server';
import { startHttpServer } from '../src/server/http-server';
import { createPlaygroundAssets } from '../src/server/playground-assets';
import { DEFAULT_PLAYGROUND_QUERY, PLAYGROUND_EXAMPLES } from '../src/server/playground-examples';
import { playgroundLandingPage } from '../src/server/playground-landing-page';

const started = Date.now();
let lap = Date.now();
const say = (message: string) => {
  console.log(`[start] ${message} (+${((Date.now() - lap) / 1000).toFixed(1)} s)`);
  lap = Date.now();
};
const config = loadConfig(process.env);

const { endpoint, local: dynamo } = await dynamoForCommand(config.dynamoEndpoint, {
  dataDir: join(config.dataDir, 'dynamodb'),
});
say(
  dynamo
    ? `DynamoDB Local on ${endpoint} (data in ${join(config.dataDir, 'dynamodb')})`
    : `using DynamoDB at ${endpoint}`,
);

try {
  const requestAuth = await localRequestAuth(config);
  const deps = createDeps({ ...config, dynamoEndpoint: endpoint }, { entryPoint: 'api', requestAuth });
  const playground = ensurePlaygroundBuilt();
  const created = await ensureTable(deps.dynamo.client, config.tableName);
  if (created) say(`created table ${config.tableName}; seeding demo data (first start only)`);
  const seeded = await seedDemoData(deps.table, deps.clock(), 'all', { rollups: created });
  say(
    seeded.items
      ? `seeded ${seeded.items} demo items and ${seeded.rollups} dashboard rollups`
      : 'demo data already present',
  );
  const streams = await startLocalStreamProcessing(deps, {
    rebuild: seeded.items > 0 && seeded.rollups === 0,
    seededWithRollups: seeded.rollups > 0,
    say,
  });

  const playgroundDir = await playground;
  // Signed demo tokens with the dev issuer; with AUTH_MODE=cognito, tokens come from Cognito.
  const presets = requestAuth.secrets
    ? await devHeaderPresets(requestAuth.secrets.keys, demoIdentities(deps.clock()))
    : [];
  const landingPage = playgroundLandingPage(
    {
      endpoint: '/graphql',
      defaultQuery: DEFAULT_PLAYGROUND_QUERY,
      headerPresets: presets,
      examples: PLAYGROUND_EXAMPLES,
    },
    '/playground/',
  );
  const http = await startHttpServer(createServer(deps, { landingPage }), deps, {
    port: config.port,
    host: config.host,
    playgroundAssets: createPlaygroundAssets(playgroundDir),
  });
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `\n  GraphQL API and GraphiQL: ${http.url}\n  Health: ${http.url.replace('/graphql', '/health')}\n  Pick a demo role in GraphiQL's header presets (key icon), or: npm run token -- --role ADMIN --agency medan\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    await http.close();
    await streams.stop();
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(error);
  await dynamo?.stop();
  process.exit(1);
}
