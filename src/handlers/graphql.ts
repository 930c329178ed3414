/**
 * Lambda entry point behind API Gateway's REST API (payload format 1.0). Built once per
 * container: config, clients, services and the Apollo server; each request adds its context.
 */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { createDeps } from '../composition/create-deps';
import { deployedRequestAuth } from '../composition/request-auth';
import { loadConfig } from '../config/load-config';
import { createContext } from '../server/context';
import { createServer } from '../server/create-server';
import { createPlaygroundAssets } from '../server/playground-assets';
import { DEFAULT_PLAYGROUND_QUERY, PLAYGROUND_EXAMPLES } from '../server/playground-examples';
import { playgroundLandingPage } from '../server/playground-landing-page';

const config = loadConfig(process.env);
const deps = createDeps(config, { entryPoint: 'api', requestAuth: await deployedRequestAuth(config) });
const assets =
  config.playground && config.playgroundDir ? createPlaygroundAssets(config.playgroundDir) : undefined;
const landingPage = assets
  ? playgroundLandingPage(
      {
        endpoint: 'graphql',
        defaultQuery: DEFAULT_PLAYGROUND_QUERY,
        headerPresets: [
          { label: 'Cognito access token', headers: { Authorization: 'Bearer <paste an access token>' } },
        ],
        examples: PLAYGROUND_EXAMPLES,
      },
      'playground/',
    )
  : undefined;
const server = createServer(deps, landingPage ? { landingPage } : {});
const requestHandler = handlers.createAPIGatewayProxyEventRequestHandler();

/** GET /health and the GraphiQL files; everything else goes to GraphQL. */
async function staticRoutes(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult | undefined> {
  if (event.httpMethod !== 'GET') return undefined;
  if (event.path.endsWith('/health')) {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' };
  }
  const marker = '/playground/';
  const at = event.path.indexOf(marker);
  if (at < 0 || !assets) return undefined;
  const asset = await assets.get(event.path.slice(at + marker.length));
  if (!asset) return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  // The bundle is all text (fonts are inlined in the CSS): base64 would push app.js past Lambda's 6 MB.
  return {
    statusCode: 200,
    headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' },
    body: asset.body.toString('utf8'),
  };
}

/** Lets allowed dashboard origins read responses (API Gateway only answers the preflight). */
function corsHeaders(event: APIGatewayProxyEvent) {
  const origin = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
  return async (result: APIGatewayProxyResult) => {
    result.headers = { ...result.headers, vary: 'Origin' };
    if (origin && config.corsOrigins.includes(origin)) result.headers['access-control-allow-origin'] = origin;
  };
}

export const handler = startServerAndCreateLambdaHandler(server, requestHandler, {
  middleware: [staticRoutes, async (event) => corsHeaders(event)],
  context: ({ event, context }) =>
    createContext(
      {
        headers: event.headers ?? {},
        requestId: context.awsRequestId,
        sourceIp: event.requestContext?.identity?.sourceIp,
        route: event.resource === '/partner/graphql' ? 'partner' : 'staff',
      },
      deps,
    ),
});
