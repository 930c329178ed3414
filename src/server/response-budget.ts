import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { RequestLimits } from '../config/load-config';
import { currentReadBudget, ReadBudget, withReadBudget } from '../data/read-budget';
import { QueryTooComplexError } from '../errors/app-error';

/** JSON bytes a resolved value adds to the response (strings as characters: close enough). */
function jsonSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return 8;
    case 'boolean':
      return 5;
    case 'object':
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let size = 2 + value.length;
        // Lists of objects are counted by their own fields; scalars and nested lists (of numbers:
        // `AggregateColumns.keys`) here, as no field of theirs resolves to count them.
        for (const item of value)
          if (typeof item !== 'object' || item === null || Array.isArray(item)) size += jsonSize(item);
        return size;
      }
      return 2;
    default:
      return 4;
  }
}

/**
 * The response budget, checked while the request runs: the DynamoDB items it reads (charged by
 * the data layer, src/data/read-budget.ts) and the bytes of data it produces (counted here, field
 * by field as they resolve). Past either, reading stops at once and the answer is QUERY_TOO_COMPLEX
 * naming the limit, with `data: null`: no half answer leaves. A mutation's answer keeps its data
 * (the change is made) and carries the error beside it.
 */
export function responseBudgetPlugin(
  limits: Pick<RequestLimits, 'maxResponseBytes'>,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const reads = currentReadBudget();
      let bytes = 0;
      let tooBig: QueryTooComplexError | undefined;
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              return (_error, result) => {
                if (tooBig) return;
                bytes += info.fieldName.length + 4 + jsonSize(result);
                if (bytes <= limits.maxResponseBytes) return;
                tooBig = new QueryTooComplexError(
                  `The response would carry more than ${limits.maxResponseBytes} bytes: ask for smaller pages or fewer fields.`,
                  { limit: 'RESPONSE_MAX_BYTES', maximum: limits.maxResponseBytes },
                );
                reads?.stop(tooBig);
              };
            },
          };
        },
        async willSendResponse({ response, operation }) {
          const refusal = tooBig ?? reads?.stopped;
          if (!refusal || response.body.kind !== 'single') return;
          const error = { message: refusal.message, extensions: { ...refusal.extensions } };
          const result = response.body.singleResult;
          const changed =
            operation?.operation === 'mutation' &&
            Object.values(result.data ?? {}).some((value) => value !== null);
          response.body.singleResult = changed
            ? { ...result, errors: [...(result.errors ?? []), error] }
            : { data: null, errors: [error] };
        },
      };
    },
  };
}

/**
 * Apollo Server that gives each HTTP request (from the Lambda handler, the local server or the
 * tests: all come through here) its own read budget (items and calls), followed by the data layer through every
 * await of the request.
 */
export class BudgetedApolloServer extends ApolloServer<GraphQLContext> {
  private readLimits: Pick<RequestLimits, 'maxItemsRead' | 'maxDbCalls'> | undefined;

  /** Sets the read budget of each request (before the server starts). */
  withReadLimits(limits: Pick<RequestLimits, 'maxItemsRead' | 'maxDbCalls'>): this {
    this.readLimits = limits;
    return this;
  }

  override executeHTTPGraphQLRequest(
    request: Parameters<ApolloServer<GraphQLContext>['executeHTTPGraphQLRequest']>[0],
  ): ReturnType<ApolloServer<GraphQLContext>['executeHTTPGraphQLRequest']> {
    const limits = this.readLimits;
    if (!limits) return super.executeHTTPGraphQLRequest(request);
    const budget = new ReadBudget(limits.maxItemsRead, limits.maxDbCalls);
    return withReadBudget(budget, () => super.executeHTTPGraphQLRequest(request));
  }
}
