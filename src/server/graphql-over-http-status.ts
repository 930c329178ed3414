import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

/** Errors of a well-formed request whose document or variables are refused before execution. */
const DOCUMENT_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
]);

/** The media type Apollo answers with for this `accept` header (its own negotiation). */
function answersWithPlainJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    'application/json',
    'application/graphql-response+json',
  ]);
  return preferred === 'application/json';
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` reads every answer to a
 * well-formed request from its body, so parse, validation, variable and limit errors come with
 * 200 (the spec's SHOULD); with `application/graphql-response+json` they keep Apollo's 400.
 * Other statuses (401, 403, 405, 413...) are left as they are.
 */
export function graphqlOverHttpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          if (!answersWithPlainJson(request.http?.headers.get('accept'))) return;
          const errors = response.body.singleResult.errors ?? [];
          const codes = errors.map((e) => String(e.extensions?.code));
          if (codes.length > 0 && codes.every((code) => DOCUMENT_ERRORS.has(code)))
            response.http.status = 200;
        },
      };
    },
  };
}
