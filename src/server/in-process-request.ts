import type { ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import { executeGraphQL } from './execute-graphql';

/** A response as the HTTP server would send it: its status and the parsed GraphQL body. */
export interface InProcessResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * One GraphQL POST through the whole server without a socket: context (token verified), parse,
 * validate, execute, format. Tests and benchmarks use it; the HTTP edge adds only routing and I/O.
 */
export async function executeInProcess<T = Record<string, unknown>>(
  server: ApolloServer<GraphQLContext>,
  deps: Deps,
  request: { query: string; variables?: Record<string, unknown> | undefined; headers: HeaderMap },
): Promise<InProcessResponse<T>> {
  const { query, variables, headers } = request;
  const response = await executeGraphQL(server, deps, {
    method: 'POST',
    headers,
    search: '',
    body: variables ? { query, variables } : { query },
    route: 'any',
  });
  return { status: response.status, ...JSON.parse(response.body) };
}
