/**
 * The local HTTP API as `npm start` builds it (createDeps + createHttpEdge + startHttpServer, dev
 * issuer keys under DATA_DIR), for the load test, in a process of its own so the load generator
 * does not share its event loop. Left out: GraphiQL (no effect on POSTs), seeding and the stream
 * poller (the load is read-only; in AWS the aggregator is another Lambda).
 *
 * Environment: DYNAMODB_ENDPOINT, TABLE_NAME, DATA_DIR, PORT (0: a free one), LOG_LEVEL.
 * Prints one line `{"url": ...}` when it listens; stops on SIGTERM.
 */
import { createDeps } from '../../src/composition/create-deps';
import { loadConfig } from '../../src/config/load-config';
import { localRequestAuth } from '../../src/local/local-request-auth';
import { createHttpEdge } from '../../src/server/http-edge';
import { startHttpServer } from '../../src/server/http-server';

const config = loadConfig(process.env);
if (!config.dynamoEndpoint) throw new Error('serve-api needs DYNAMODB_ENDPOINT');
const deps = createDeps(config, { entryPoint: 'api', secrets: await localRequestAuth(config) });
const edge = createHttpEdge(deps, { graphqlRoute: 'any' });
const http = await startHttpServer(edge, { port: config.port, host: config.host });
console.log(JSON.stringify({ url: http.url }));

process.once('SIGTERM', () => {
  void http.close().then(() => process.exit(0));
});
