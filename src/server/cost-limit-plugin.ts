import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, visit } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import type { RequestLimits } from '../config/load-config';
import { cardinalityOf, type DimensionCardinality } from '../domain/analytics/max-groups';
import { QueryTooComplexError } from '../errors/app-error';
import { apiCostModel } from './cost-model';
import { operationCost } from './operation-cost';

/** A caller outside any agency asks no aggregate it may run (the access policy refuses it). */
const NO_AGENCY: DimensionCardinality = {
  values: cardinalityOf({ units: 0, regions: 0, programs: 0, partners: 0 }),
  firstMonth: undefined,
  lastMonth: undefined,
};

function asksForAggregate(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === 'aggregate' && node.kind === Kind.FIELD) found = true;
    },
  });
  return found;
}

/**
 * Refuses an operation whose cost (src/server/operation-cost.ts), computed with its variables
 * and defaults, is above `maxCost`: QUERY_TOO_COMPLEX naming the limit, before any resolver
 * runs (validation rules cannot do this: they run without the variables, and Apollo caches
 * their verdict per document).
 */
/** How many times the cost limit an introspection-only operation may cost. */
export const INTROSPECTION_COST_FACTOR = 4;

/** Whether every root field of the operation is `__schema` or `__type`. */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'),
  );
}

export function costLimitPlugin(limits: Pick<RequestLimits, 'maxCost'>): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return;
          const { caller } = contextValue;
          const cardinality =
            caller.kind === 'staff' && asksForAggregate(document)
              ? await contextValue.services.analytics.cardinality(caller.agencyId)
              : NO_AGENCY;
          // Introspection (dev only) describes the schema, which only grows: it gets room for a
          // schema a few times today's, while a recursive introspection query still multiplies past it.
          const maxCost = isIntrospectionOnly(operation)
            ? limits.maxCost * INTROSPECTION_COST_FACTOR
            : limits.maxCost;
          const cost = operationCost({
            schema,
            document,
            operation,
            variables: request.variables ?? {},
            model: apiCostModel(cardinality, contextValue.clock()),
            stopAbove: maxCost,
          });
          if (cost === undefined || cost <= maxCost) return;
          const shown = Number.isFinite(cost) ? `more than ${limits.maxCost}` : 'too many';
          const error = new QueryTooComplexError(
            `The operation would resolve ${shown} fields (lists counted by their page size): the cost limit is ${limits.maxCost}. Ask for smaller pages, fewer nested lists or fewer groups.`,
            { limit: 'QUERY_MAX_COST', maximum: limits.maxCost },
          );
          error.extensions.http = { status: 400 };
          throw error;
        },
      };
    },
  };
}
