import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import type { ApiRoute } from './context';
import {
  type EdgeRequest,
  type EdgeResponse,
  type EdgeRoute,
  json,
  MAX_BODY_BYTES,
  text,
} from './edge-messages';
import { executeGraphQL } from './execute-graphql';

/**
 * A GraphQL endpoint: every method goes to Apollo (which answers 405 where GraphQL over HTTP
 * says so), after the body limit and JSON parsing; browsers opening it get `page` (GraphiQL)
 * when one is given.
 */
export function graphqlRoute(
  path: string,
  route: ApiRoute,
  apollo: ApolloServer<GraphQLContext>,
  deps: Deps,
  page?: string,
): EdgeRoute {
  return {
    path,
    methods: ['*'],
    async handle(request) {
      if (page && isBrowserNavigation(request)) {
        // The page embeds header presets (dev tokens locally): never cached.
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
          body: page,
        };
      }
      const body = request.body ?? '';
      if (request.bodyTooLarge || Buffer.byteLength(body) > MAX_BODY_BYTES) {
        return text(413, 'Request body too large');
      }
      const headers = new HeaderMap(
        Object.entries(request.headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      let parsed: unknown = body;
      if (headers.get('content-type')?.startsWith('application/json') && body.length > 0) {
        try {
          parsed = JSON.parse(body);
        } catch {
          return malformedJson();
        }
      }
      const response = await executeGraphQL(apollo, deps, {
        method: request.method,
        headers,
        search: request.search,
        body: parsed,
        route,
        requestId: request.requestId,
        sourceIp: request.sourceIp,
      });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: response.body };
    },
  };
}

/** A browser opening the URL (not a GET operation): GraphiQL instead of a GraphQL error. */
function isBrowserNavigation(request: EdgeRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (new URLSearchParams(request.search).has('query')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function malformedJson(): EdgeResponse {
  return json(400, { errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
}
