import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import type { ApiRoute } from './context';
import { createCorsPolicy } from './cors';
import { createServer } from './create-server';
import { type EdgeRequest, type EdgeResponse, type EdgeRoute, json, text } from './edge-messages';
import { graphqlRoute } from './graphql-route';
import { playgroundLandingPage } from './playground-landing-page';
import type { HeaderPreset } from './playground-page';
import { createReadinessProbe } from './readiness';
import { healthRoutes, playgroundAssetRoute, schemaDownloadRoute } from './static-routes';

export type { EdgeRequest, EdgeResponse, EdgeRoute } from './edge-messages';

/** What differs between the hosts (the Lambda handler and the local HTTP server). */
export interface HttpEdgeOptions {
  /**
   * Whom `/graphql` serves: `staff` in AWS, where partners have their own route (usage plan,
   * authorizer); `any` locally, so the playground can try the partner role too.
   */
  graphqlRoute: Exclude<ApiRoute, 'partner'>;
  /** GraphiQL (where the config enables it): the built bundle and the header presets it offers. */
  playground?: { dir: string; headerPresets: HeaderPreset[] } | undefined;
}

/** The HTTP face of the API, shared by every host; hosts only translate requests and responses. */
export interface HttpEdge {
  handle(request: EdgeRequest): Promise<EdgeResponse>;
  /** Starts Apollo; call once before the first request. */
  start(): Promise<void>;
  stop(): Promise<void>;
  apollo: ApolloServer<GraphQLContext>;
}

/**
 * Routes `/graphql` and `/partner/graphql` (GraphQL, GraphiQL for browsers), `/health`
 * (readiness: the table answers) and `/health/live` (liveness), `/playground/*` (GraphiQL's
 * files) and `/graphql/schema.graphql` (the SDL, where introspection is on); answers preflights,
 * adds CORS and `nosniff` to every response, and never throws.
 */
export function createHttpEdge(deps: Deps, options: HttpEdgeOptions): HttpEdge {
  const { config, logger } = deps;
  const playground = config.playground ? options.playground : undefined;
  const apollo = createServer(deps);
  const page = playground ? playgroundLandingPage(playground.headerPresets) : undefined;
  const cors = createCorsPolicy(config.corsOrigins);
  const routes: EdgeRoute[] = [
    ...healthRoutes(createReadinessProbe(deps.table), config.stage, deps.startup),
    graphqlRoute('/graphql', options.graphqlRoute, apollo, deps, page),
    graphqlRoute('/partner/graphql', 'partner', apollo, deps),
    schemaDownloadRoute(config.playground),
    playgroundAssetRoute(playground?.dir),
    { path: '/', methods: ['GET'], handle: async () => text(302, '', { location: 'graphql' }) },
  ];

  async function route(request: EdgeRequest): Promise<EdgeResponse> {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS')
      return { status: 204, headers: cors.preflightHeaders(origin), body: '' };
    for (const candidate of routes) {
      const rest = matchPath(candidate.path, request.path);
      if (rest === undefined) continue;
      if (!accepts(candidate.methods, request.method)) {
        return text(405, 'Method not allowed', { allow: [...candidate.methods, 'OPTIONS'].join(', ') });
      }
      return candidate.handle(request, rest);
    }
    return text(404, 'Not found');
  }

  return {
    apollo,
    start: () => apollo.start(),
    stop: () => apollo.stop(),
    async handle(request) {
      let response: EdgeResponse;
      try {
        response = await route(request);
      } catch (error) {
        logger.error('HTTP edge failed', { error: error instanceof Error ? error : String(error) });
        response = json(500, {
          errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      }
      response.headers = {
        ...response.headers,
        ...cors.responseHeaders(request.headers.origin),
        'x-content-type-options': 'nosniff',
      };
      return request.method === 'HEAD' ? { ...response, body: '' } : response;
    },
  };
}

/** What follows a `/prefix/*` route's prefix, '' for an exact match, or undefined for no match. */
function matchPath(pattern: string, path: string): string | undefined {
  if (!pattern.endsWith('/*')) return pattern === path ? '' : undefined;
  const prefix = pattern.slice(0, -1);
  return path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : undefined;
}

function accepts(methods: readonly string[], method: string): boolean {
  return methods.includes('*') || methods.includes(method) || (method === 'HEAD' && methods.includes('GET'));
}
