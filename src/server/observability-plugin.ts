import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  type GraphQLResolveInfo,
  GraphQLScalarType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import { currentReadBudget } from '../data/read-budget';
import { AppError } from '../errors/app-error';
import type { TraceSpan, Tracing } from '../observability/request-observer';
import { currentTelemetry, type RequestTelemetry } from '../observability/request-telemetry';

/** Resolver subsegments per request at most: an X-Ray segment document is capped at 64 KB. */
const MAX_RESOLVER_SPANS = 100;

/**
 * Fills the request's telemetry from GraphQL's side: the operation (name, type, document hash),
 * the codes of the errors answered, and what dashboards and partners received (aggregate groups,
 * partner sync pages), read from the answer itself. With tracing (AWS), each field that has its
 * own resolver gets a subsegment. Without tracing, no field is watched, so queries pay nothing.
 */
export function observabilityPlugin(
  tracing?: Tracing,
  /** The resolver maps (resolvers/): their fields are the ones worth a subsegment. */
  resolvers: readonly object[] = [],
): ApolloServerPlugin<GraphQLContext> {
  const resolvedFields = tracing ? resolvedFieldsOf(resolvers) : new Set<string>();
  return {
    // A refused token or route fails the context: no request listener runs, so its code is taken here.
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (typeof code === 'string') currentTelemetry()?.errorCodes.add(code);
    },
    async requestDidStart() {
      const telemetry = currentTelemetry();
      if (!telemetry) return;
      // The data layer counts this request's DynamoDB calls in its read budget: one counter.
      telemetry.reads = currentReadBudget();
      const listener: GraphQLRequestListener<GraphQLContext> = {
        async willSendResponse({ response, operation, operationName, queryHash }) {
          telemetry.operationName = operationName ?? operation?.name?.value ?? undefined;
          telemetry.operationType = operation?.operation;
          telemetry.documentHash = queryHash;
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            if (typeof code === 'string') telemetry.errorCodes.add(code);
          }
          if (operation && data) countDeliveries(telemetry, operation, data);
        },
      };
      if (tracing) {
        listener.executionDidStart = async () => ({
          willResolveField: resolverSpans(tracing, resolvedFields),
        });
      }
      return listener;
    },
  };
}

/** Aggregate groups and partner feed pages the answer holds, by each root field's response key. */
function countDeliveries(
  telemetry: RequestTelemetry,
  operation: OperationDefinitionNode,
  data: Record<string, unknown>,
): void {
  for (const { name, responseKey } of rootFields(operation.selectionSet)) {
    const value = data[responseKey] as { groups?: unknown } | null | undefined;
    if (value == null) continue;
    if (name === 'aggregate' && Array.isArray(value.groups)) telemetry.aggregateGroups += value.groups.length;
    if (name === 'partnerEnrollments') telemetry.partnerSyncPages += 1;
  }
}

function* rootFields(selectionSet: SelectionSetNode): Generator<{ name: string; responseKey: string }> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      yield { name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* rootFields(selection.selectionSet);
    }
  }
}

/** A subsegment per field with its own resolver (default property reads are not worth one). */
function resolverSpans(tracing: Tracing, resolvedFields: ReadonlySet<string>) {
  let spans = 0;
  return ({ info }: { info: GraphQLResolveInfo }) => {
    const coordinate = `${info.parentType.name}.${info.fieldName}`;
    if (spans >= MAX_RESOLVER_SPANS || !resolvedFields.has(coordinate)) return;
    spans += 1;
    const span: TraceSpan | undefined = tracing.span(coordinate);
    if (!span) return;
    return (error: Error | null) => {
      // Flags only, no messages: an error's message may quote the input (personal data).
      span.end(error ? (isRequestError(error) ? 'error' : 'fault') : undefined);
    };
  };
}

function isRequestError(error: Error): boolean {
  return (
    error instanceof AppError || (error as { originalError?: unknown }).originalError instanceof AppError
  );
}

/** `Type.field` of every field a resolver map gives its own resolver (type resolvers and scalars left out). */
function resolvedFieldsOf(resolvers: readonly object[]): Set<string> {
  const coordinates = new Set<string>();
  for (const area of resolvers) {
    for (const [type, fields] of Object.entries(area)) {
      if (typeof fields !== 'object' || fields === null || fields instanceof GraphQLScalarType) continue;
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        const resolve =
          typeof resolver === 'function' ? resolver : (resolver as { resolve?: unknown })?.resolve;
        if (!field.startsWith('__') && typeof resolve === 'function') coordinates.add(`${type}.${field}`);
      }
    }
  }
  return coordinates;
}
