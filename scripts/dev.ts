/**
 * `npm start`: DynamoDB Local (persisted under DATA_DIR) or DYNAMODB_ENDPOINT, the table,
 * demo data once, the GraphiQL bundle, and the API on http://localhost:PORT/graphql.
 */
import { join } from 'node:path';
import { createLocalVerifier } from '../src/auth/local-issuer';
import { loadConfig } from '../src/config/load-config';
import { ensureTable } from '../src/data/ensure-table';
import { demoIdentities } from '../src/demo/demo-identities';
import { seedDemoData } from '../src/demo/seed-demo-data';
import { ensureDevSecrets } from '../src/local/dev-secrets';
import { devHeaderPresets } from '../src/local/dev-tokens';
import { dynamoForCommand } from '../src/local/dynamodb-local';
import { publishEndpoint } from '../src/local/endpoint-file';
import { startLocalImports } from '../src/local/local-imports';
import { startLocalStreamProcessing } from '../src/local/local-stream-processing';
import { startLocalWebhookDelivery } from '../src/local/local-webhook-delivery';
import { createServer } from '../src/server/create-server';
import { createDeps } from '../src/server/deps';
import { startHttpServer } from '../src/server/http-server';
import { createPlaygroundAssets } from '../src/server/playground-assets';
import { DEFAULT_PLAYGROUND_QUERY, PLAYGROUND_EXAMPLES } from '../src/server/playground-examples';
import { playgroundLandingPage } from '../src/server/playground-landing-page';
import { ensurePlaygroundBuilt } from './build-playground';

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

// CLIs on the same DATA_DIR (npm run import/export) use this DynamoDB while the server runs.
let unpublish = () => {};
try {
  const secrets = await ensureDevSecrets(config.dataDir);
  unpublish = publishEndpoint(config.dataDir, { endpoint, tableName: config.tableName });
  const deps = createDeps(
    { ...config, dynamoEndpoint: endpoint },
    {
      verifier: createLocalVerifier(secrets.keys.publicJwk),
      cursorSecret: config.cursorSecret ?? secrets.cursorSecret,
    },
  );
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

  const webhooks = await startLocalWebhookDelivery(deps, say);

  const playgroundDir = await playground;
  const presets = await devHeaderPresets(secrets.keys, demoIdentities(deps.clock()));
  const landingPage = playgroundLandingPage(
    {
      endpoint: '/graphql',
      schemaUrl: '/graphql/schema.graphql',
      defaultQuery: DEFAULT_PLAYGROUND_QUERY,
      headerPresets: presets,
      examples: PLAYGROUND_EXAMPLES,
    },
    '/playground/',
  );
  const imports = startLocalImports(deps);
  const http = await startHttpServer(createServer(deps, { landingPage }), deps, {
    port: config.port,
    host: config.host,
    playgroundAssets: createPlaygroundAssets(playgroundDir),
    routes: [imports.route],
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
    unpublish();
    await http.close();
    await webhooks.stop();
    await imports.stop();
    await streams.stop();
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(error);
  unpublish();
  await dynamo?.stop();
  process.exit(1);
}
