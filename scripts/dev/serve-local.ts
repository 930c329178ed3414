/**
 * The rest of `npm start` once DynamoDB Local answers (scripts/dev.ts loads this module while
 * the JVM starts): the table, the demo data once, the GraphiQL bundle, the API, the stream and
 * webhook workers, and a clean stop on Ctrl-C.
 */
import { ensurePlaygroundBuilt } from '../../infra/playground-bundling';
import { createDeps } from '../../src/composition/create-deps';
import { startupProgress } from '../../src/composition/startup-status';
import type { Config } from '../../src/config/load-config';
import { ensureStream, ensureTable } from '../../src/data/ensure-table';
import { demoIdentities } from '../../src/demo/demo-identities';
import { type DemoSeed, seedDemoData } from '../../src/demo/seed-demo-data';
import { watchDatabase } from '../../src/local/database-watch';
import { devHeaderPresets } from '../../src/local/dev-tokens';
import type { RunningDynamoDb } from '../../src/local/dynamodb-local';
import { superviseDynamoDbLocal } from '../../src/local/dynamodb-supervisor';
import { publishEndpoint } from '../../src/local/endpoint-file';
import { startLocalImports } from '../../src/local/local-imports';
import { localRequestAuth } from '../../src/local/local-request-auth';
import { startLocalStreamProcessing } from '../../src/local/local-stream-processing';
import { createLocalUploadTargets } from '../../src/local/local-upload-targets';
import { startLocalWebhookDelivery } from '../../src/local/local-webhook-delivery';
import { createHttpEdge } from '../../src/server/http-edge';
import { startHttpServer } from '../../src/server/http-server';
import { createReadinessProbe } from '../../src/server/readiness';

/** Waits until `/health` says ready (a few tries), or fails with what it last answered. */
async function untilHealthy(url: string): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await fetch(url).catch((error: Error) => error);
    if (response instanceof Response && response.ok) return;
    last = response instanceof Response ? `HTTP ${response.status}` : response.message;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never reported ready (last: ${last})`);
}

/**
 * Serves the API on `endpoint` (the embedded DynamoDB Local `local`, under `dynamoDir`, or the
 * configured one) until Ctrl-C; `prepared` is the demo seed built while the JVM started, and
 * `agencies` the demo agencies checked by dev.ts (DEMO_AGENCIES; undefined: all).
 */
export async function serveLocally(options: {
  config: Config;
  endpoint: string;
  local: RunningDynamoDb | undefined;
  dynamoDir: string;
  prepared: DemoSeed | undefined;
  agencies: string[] | undefined;
  started: number;
  say: (message: string) => void;
}): Promise<void> {
  const { config, endpoint, local, dynamoDir, prepared, agencies, started, say } = options;
  /** Set once the server runs: stops everything and exits with `code`. */
  let shutdown: ((reason: string, code: number) => Promise<void>) | undefined;
  // The embedded DynamoDB is restarted in place when it dies (same port and data), up to 3 times.
  const dynamo = local
    ? superviseDynamoDbLocal(local, {
        dataDir: dynamoDir,
        quickStart: true,
        say: (line) => console.error(`[start] ${line}`),
        giveUp: (message) => {
          console.error(`[start] ${message}`);
          // Background loops may still be retrying against the dead database: exit regardless.
          setTimeout(() => process.exit(1), 5000).unref();
          if (shutdown) void shutdown('DynamoDB Local is gone', 1);
          else process.exit(1);
        },
      })
    : undefined;
  say(dynamo ? `DynamoDB Local on ${endpoint} (data in ${dynamoDir})` : `using DynamoDB at ${endpoint}`);

  // CLIs on the same DATA_DIR (npm run import/export) use this DynamoDB while the server runs.
  let unpublish = () => {};
  try {
    const requestAuth = await localRequestAuth(config);
    unpublish = publishEndpoint(config.dataDir, { endpoint, tableName: config.tableName });
    // The API answers as soon as the table exists; until the demo data and its rollups are in,
    // /health says `loading`, answers carry extensions.startup and writes wait (startup-status.ts).
    const startup = startupProgress('preparing the table');
    const deps = createDeps(
      { ...config, dynamoEndpoint: endpoint },
      // createImport's upload URLs point at this server's upload route (S3 in AWS).
      {
        entryPoint: 'api',
        secrets: requestAuth,
        uploads: createLocalUploadTargets(config.imports.publicUrl),
        startup,
      },
    );
    const playground = ensurePlaygroundBuilt();
    // A new table gets its stream once the seed is in: nobody reads the seed's stream records
    // (the poller starts at the stream's end), and DynamoDB Local writes them at a high price.
    const created = await ensureTable(deps.dynamo.client, config.tableName, { stream: false });

    // Signed demo tokens with the dev issuer; with AUTH_MODE=cognito, tokens come from Cognito.
    const headerPresets = requestAuth.devSecrets
      ? await devHeaderPresets(requestAuth.devSecrets.keys, seededIdentities(deps.clock(), agencies))
      : [];
    const edge = createHttpEdge(deps, {
      graphqlRoute: 'any',
      playground: { dir: await playground, headerPresets },
    });
    // Imports ordered through the API: the upload route (before the edge) and an in-process worker.
    // No import can start while loading: createImport is a mutation, and those wait.
    const imports = startLocalImports(deps);
    const http = await startHttpServer(edge, {
      port: config.port,
      host: config.host,
      routes: [imports.route],
    });
    const health = http.url.replace(/graphql$/, 'health');
    say(`answering on ${http.url} (${health} says loading until the demo data is in)`);

    if (created) say(`created table ${config.tableName}; seeding demo data (first start only)`);
    const seeded = await seedDemoData(deps.table, deps.clock(), 'all', {
      rollups: created,
      ...(agencies ? { agencies } : {}),
      prepared: created ? prepared : undefined,
      progress: (written, total) => startup.say(`writing the demo data: ${written} of ${total} items`),
    });
    startup.say('turning the table stream on');
    const { streamArn } = await ensureStream(deps.dynamo.client, config.tableName);
    say(
      seeded.items
        ? `seeded ${seeded.items} demo items and ${seeded.rollups} dashboard rollups`
        : 'demo data already present',
    );
    startup.say('following the table stream for the dashboards');
    const streams = await startLocalStreamProcessing(deps, {
      rebuild: seeded.items > 0 && seeded.rollups === 0,
      seededWithRollups: seeded.rollups > 0,
      streamArn,
      say,
    });
    const webhooks = await startLocalWebhookDelivery(deps, say);
    startup.done();
    // Ready means what a load balancer would see: /health answers 200 (the table answers).
    await untilHealthy(health);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(
      `\n  GraphQL API and GraphiQL: ${http.url}\n  Health: ${health}\n  Pick a demo role in GraphiQL's header presets (key icon), or: npm run token -- --role ADMIN --agency medan\n`,
    );

    // One line when the table stops answering (stalled or dead) and one when it answers again;
    // the background loops leave such errors to it (src/local/database-watch.ts).
    const watch = watchDatabase(createReadinessProbe(deps.table), (line) => console.error(`[start] ${line}`));
    watch.start();

    let stopping = false;
    shutdown = async (reason: string, code: number) => {
      if (stopping) return;
      stopping = true;
      say(`${reason}: stopping`);
      watch.stop();
      unpublish();
      try {
        await http.close();
        await webhooks.stop();
        await imports.stop();
        await streams.stop();
      } catch (error) {
        // A worker that fails to stop (its database gone, say) must not leave DynamoDB Local running.
        console.error(`[start] while stopping: ${error instanceof Error ? error.message : String(error)}`);
        code = code || 1;
      } finally {
        await dynamo?.stop();
        process.exit(code);
      }
    };
    process.on('SIGINT', () => void shutdown?.('SIGINT', 0));
    process.on('SIGTERM', () => void shutdown?.('SIGTERM', 0));
  } catch (error) {
    console.error(error);
    unpublish();
    await dynamo?.stop();
    process.exit(1);
  }
}

/** The demo roles of the seeded agencies (partners' roles always: their feeds span agencies). */
function seededIdentities(now: Date, agencies: string[] | undefined) {
  const all = demoIdentities(now);
  if (!agencies) return all;
  return all.filter((identity) => {
    const agency = identity.claims.agency_id;
    return typeof agency !== 'string' || agencies.includes(agency);
  });
}
