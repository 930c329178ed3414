import {
  defaultFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import { parseGlobalId, toGlobalId } from '../../resolvers/global-id';
import { runAudited } from '../data/audited-transaction';
import type { Write } from '../data/write';
import type { AuditEntry } from '../domain/audit-entry';
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
 * The changed object as the transaction's writes name it, before the resolver has a result: the
 * record of the field's return type that the writes put or update (keys `<agency>#<Type>#<id>`).
 */
function writtenTarget(writes: readonly Write[], type: string) {
  for (const write of writes) {
    if ('put' in write && write.put.entity === type) {
      const { agencyId, id, version } = write.put;
      if (typeof agencyId === 'string' && typeof id === 'string')
        return { type, agencyId, id, version: typeof version === 'number' ? version : undefined };
    }
    if ('update' in write && write.update.sk === type) {
      const [agencyId, written, id, ...rest] = write.update.pk.split('#');
      const version = write.set?.version;
      if (agencyId && id && written === type && rest.length === 0)
        return { type, agencyId, id, version: typeof version === 'number' ? version : undefined };
    }
  }
  return undefined;
}

/** The mutation as its writes show it (result unknown yet): the best guess of its entry. */
function writing(input: unknown, writes: readonly Write[], info: GraphQLResolveInfo): CompletedMutation {
  const written = writtenTarget(writes, getNamedType(info.returnType).name);
  if (!written) return completed(input, undefined, info);
  const id = toGlobalId(written.type, written.agencyId, written.id);
  return {
    mutation: info.fieldName,
    input,
    target: { type: written.type, id, agencyId: written.agencyId },
    versionAfter: written.version,
  };
}

/** Whether two entries of one mutation say the same (they differ only where the result told more). */
const sameEntry = (a: AuditEntry, b: AuditEntry) =>
  a.agencyId === b.agencyId &&
  a.targetType === b.targetType &&
  a.targetId === b.targetId &&
  a.versionAfter === b.versionAfter;

/**
 * Audits every mutation root field, in place: each transaction a mutation commits carries its
 * entry (data/audited-transaction.ts), so no change is ever stored without it, whatever fails
 * next. Once the resolver answers, the entry is corrected if the result names the changed object
 * more precisely than the writes did (a failure then is only logged: the entry is there). A
 * mutation that committed nothing (an idempotent replay, a refusal) has no entry; one that failed
 * after committing part of its change keeps the entry of what it committed. Queries are not
 * wrapped, so they pay nothing.
 */
export function withAuditedMutations(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(fields)) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) => {
      const scope = context as GraphQLContext;
      const { audit } = scope.services;
      let identity: { id: string; at: Date } | undefined;
      const { value, stored } = await runAudited(
        {
          entryFor: async (writes) => {
            // Dated by the first transaction of the change.
            identity ??= audit.newIdentity();
            return audit.entryOf(scope, writing(args.input, writes, info), identity);
          },
        },
        async () => resolve(source, args, context, info),
      );
      if (stored && identity && value != null) {
        const final = await audit.entryOf(scope, completed(args.input, value, info), identity);
        if (final && !sameEntry(stored, final)) {
          await audit.correct(stored, final).catch((error: unknown) => {
            scope.logger.error('Audit entry not corrected; the one stored with the change stands', {
              error: error instanceof Error ? error : String(error),
              mutation: stored.mutation,
              entryId: stored.id,
            });
          });
        }
      }
      return value;
    };
  }
  return schema;
}
