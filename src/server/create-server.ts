import type { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildASTSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from '../../resolvers';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import { parsedSdl } from '../generated/parsed-sdl';
import { withAccessPolicy } from './access-guard';
import { withAuditedMutations } from './audited-mutations';
import { costLimitPlugin } from './cost-limit-plugin';
import { createErrorFormatter } from './format-error';
import { graphqlOverHttpStatusPlugin } from './graphql-over-http-status';
import { observabilityPlugin } from './observability-plugin';
import { ObservedApolloServer } from './observed-apollo-server';
import { operationLimitRules } from './operation-limits';
import { responseBudgetPlugin } from './response-budget';
import { startupPlugin } from './startup-plugin';
import { trustedDocumentsPlugin } from './trusted-documents-plugin';

let schema: GraphQLSchema | undefined;

/**
 * The executable schema, built once per process from the SDL parsed at codegen time
 * (src/generated/parsed-sdl.ts) and resolvers/. makeExecutableSchema takes the built schema
 * as its typeDefs, so it neither parses nor merges the SDL again: at a cold start parsing it cost
 * more than building the schema.
 */
export function executableSchema(): GraphQLSchema {
  // Production bundles skip re-validating the SDL and the schema: codegen and the tests validate
  // both (tests/unit/schema/parsed-sdl.test.ts); elsewhere they are validated here too.
  const validated = process.env.NODE_ENV !== 'production';
  schema ??= withAuditedMutations(
    withAccessPolicy(
      makeExecutableSchema({
        typeDefs: buildASTSchema(parsedSdl, { assumeValidSDL: !validated, assumeValid: !validated }),
        resolvers,
        // One schema object, resolvers attached to it (no second copy at cold start).
        updateResolversInPlace: true,
      }),
    ),
  );
  return schema;
}

/**
 * The one Apollo Server, behind the HTTP edge of the Lambda handler and of `npm start`, and used
 * directly by tests and benches. GraphiQL is a page of the edge, not Apollo's landing page.
 */
export function createServer(deps: Deps): ApolloServer<GraphQLContext> {
  const { limits } = deps.config;
  const server = new ObservedApolloServer({
    schema: executableSchema(),
    introspection: deps.config.playground,
    includeStacktraceInErrorResponses: false,
    // Compact JSON (Apollo pretty-prints by default: a third more bytes and CPU on large answers).
    stringifyResult: (result) => JSON.stringify(result),
    hideSchemaDetailsFromClientErrors: !deps.config.playground,
    allowBatchedHttpRequests: false,
    // Entry points own shutdown (npm start stops HTTP, then DynamoDB Local).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    formatError: createErrorFormatter(deps.logger, { hideSchemaHints: !deps.config.playground }),
    // The parser stops reading a document past this many tokens (refused as QUERY_TOO_COMPLEX).
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: operationLimitRules(limits),
    // No HTTP caching of GraphQL responses (they depend on the caller): Apollo's cache-control
    // plugin would only hook every field for nothing.
    plugins: [
      // Strict clients send only their trusted documents (refused before parsing otherwise).
      trustedDocumentsPlugin(deps.trustedDocuments),
      // While `npm start` loads its demo data: answers say so, writes wait (startup-plugin.ts).
      startupPlugin(deps.startup),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Nothing is reported to Apollo's cloud (GraphOS) and this is no federation subgraph. Said
      // explicitly, Apollo never imports those plugins (their protobuf code is left out of the
      // Lambda bundles: infra/lambda-bundling.ts), not even at start or with an APOLLO_KEY set.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      costLimitPlugin(limits),
      responseBudgetPlugin(limits),
      graphqlOverHttpStatusPlugin(),
      observabilityPlugin(deps.observability.tracing, resolvers),
    ],
  })
    .withReadLimits(limits)
    .withObserver(deps.observability.observer);
  // Each request (Lambda, npm start, tests) retries within one budget of its own (data/retry-policy.ts).
  const execute = server.executeHTTPGraphQLRequest.bind(server);
  server.executeHTTPGraphQLRequest = (request) => deps.retries.forRequest(() => execute(request));
  return server;
}
