import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import { parseGlobalId } from '../../resolvers/global-id';
import type { CompletedMutation } from '../services/audit-service';

/**
 * The changed object: the result's global id, as the type's own `id` resolver gives it to
 * clients (global ids are a function of the object alone). Apollo wraps every resolver to call
 * plugins; this call goes out with a plain context and a nested path, so it is never mistaken
 * for another root field.
 */
function resultTarget(result: unknown, info: GraphQLResolveInfo): string | undefined {
  const type = getNamedType(info.returnType);
  const resolveId = isObjectType(type) ? type.getFields().id?.resolve : undefined;
  if (!resolveId || typeof result !== 'object' || result === null) return undefined;
  const path = { prev: info.path, key: 'id', typename: type.name };
  const id: unknown = resolveId(result, {}, {}, { ...info, path });
  return typeof id === 'string' ? id : undefined;
}

/** For a result without an id (a Measurement): the object the input names, e.g. `indicatorId`. */
function inputTarget(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  for (const [name, value] of Object.entries(input)) {
    if (name.endsWith('Id') && typeof value === 'string' && parseGlobalId(value)) return value;
  }
  return undefined;
}

function completed(input: unknown, result: unknown, info: GraphQLResolveInfo): CompletedMutation {
  const id = resultTarget(result, info) ?? inputTarget(input);
  const parsed = id ? parseGlobalId(id) : undefined;
  const version = (result as { version?: unknown } | null)?.version;
  return {
    mutation: info.fieldName,
    input,
    target: id && parsed ? { type: parsed.type, id, agencyId: parsed.ref.agencyId } : undefined,
    versionAfter: typeof version === 'number' ? version : undefined,
  };
}

/**
 * Records every successful mutation root field in the audit log. Root fields are watched as
 * they resolve (an operation may hold several; a failed one is not recorded: nothing changed),
 * and the entries are stored before the response leaves, so a client that has its answer can
 * find the entry. Queries are not watched at all, so they pay nothing.
 */
export function auditPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const done: CompletedMutation[] = [];
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ args, info }) {
              if (info.path.prev !== undefined) return;
              return (error, result) => {
                if (!error && result != null) done.push(completed(args.input, result, info));
              };
            },
          };
        },
        async willSendResponse({ contextValue }) {
          if (done.length === 0) return;
          try {
            await contextValue.services.audit.record(contextValue, done);
          } catch (error) {
            // The changes are made and answered; failing the response now would invite a retry
            // that repeats them. The log keeps what the entry would have said (without input).
            contextValue.logger.error('Audit entries not recorded', {
              error: error instanceof Error ? error : String(error),
              mutations: done.map(({ mutation, target, versionAfter }) => ({
                mutation,
                target,
                versionAfter,
              })),
            });
          }
        },
      };
    },
  };
}
