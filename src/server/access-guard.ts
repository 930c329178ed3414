import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { ACCESS_POLICY, accessOf, roleOf } from '../services/access-policy';
import type { GraphQLContext } from './context';

/**
 * Wraps every root field with the access policy: a role that may not call a field is refused
 * before its input is even parsed (the public with UNAUTHENTICATED, others with FORBIDDEN).
 * A root field missing from the policy fails the server start, so none is open by accident.
 */
export function withAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  const rootTypes = new Map([
    [schema.getQueryType()?.name, 'Query'],
    [schema.getMutationType()?.name, 'Mutation'],
  ]);
  return mapSchema(schema, {
    [MapperKind.ROOT_OBJECT]: (type) => type,
    [MapperKind.COMPOSITE_FIELD]: (config, fieldName, typeName) => {
      const root = rootTypes.get(typeName);
      if (!root) return config;
      const field = `${root}.${fieldName}`;
      if (!ACCESS_POLICY[field])
        throw new Error(`${field} has no access policy (src/services/access-policy.ts)`);
      const resolve = config.resolve ?? defaultFieldResolver;
      return {
        ...config,
        resolve: (source, args, ctx: GraphQLContext, info) => {
          const role = roleOf(ctx.caller);
          if (!accessOf(field, role)) {
            throw role === 'PUBLIC'
              ? new UnauthenticatedError()
              : new ForbiddenError(`${role} may not use ${fieldName}`);
          }
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}
