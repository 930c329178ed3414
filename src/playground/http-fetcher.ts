import type { GraphiQLProps } from 'graphiql';
import { type ExecutionResult, GraphQLError } from 'graphql';

type Fetcher = GraphiQLProps['fetcher'];

/** A GraphiQL fetcher that POSTs operations as JSON to `endpoint` with the headers from the header editor. */
export function createHttpFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      // Gateways and proxies answer errors in HTML; show them instead of a JSON parse failure.
      return { errors: [new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 500)}`)] };
    }
  };
}
