import { randomUUID } from 'node:crypto';
import type { ApolloServer, HeaderMap, HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import { type ApiRoute, createContext } from './context';

/** One GraphQL-over-HTTP request, as the edge or an in-process caller hands it to Apollo. */
export interface GraphQLHttpRequest {
  method: string;
  headers: HeaderMap;
  /** The query string (GET operations), with or without the leading `?`. */
  search: string;
  /** The parsed JSON body (POST), or undefined. */
  body: unknown;
  route: ApiRoute;
  requestId?: string | undefined;
  sourceIp?: string | undefined;
}

/** The response as Apollo gives it: status, headers and the body's text (chunks joined). */
export interface GraphQLHttpResponse {
  status: number;
  headers: HTTPGraphQLResponse['headers'];
  body: string;
}

/**
 * Runs one request through the whole server: context (token verified, route checked), parse,
 * validate, execute, format. The HTTP edge and the in-process helper of tests and benches use it.
 */
export async function executeGraphQL(
  apollo: ApolloServer<GraphQLContext>,
  deps: Deps,
  request: GraphQLHttpRequest,
): Promise<GraphQLHttpResponse> {
  const { method, headers, search, body, route } = request;
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context: () =>
      createContext(
        {
          headers: Object.fromEntries(headers),
          requestId: request.requestId ?? randomUUID(),
          sourceIp: request.sourceIp,
          route,
        },
        deps,
      ),
  });
  let text = '';
  if (response.body.kind === 'complete') text = response.body.string;
  else for await (const chunk of response.body.asyncIterator) text += chunk;
  return { status: response.status ?? 200, headers: response.headers, body: text };
}
