import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { ACCESS_POLICY, accessOf, roleOf } from '../services/access-policy';
import type { GraphQLContext } from './context';
import { rootFieldsOf } from './root-fields';

/**
 * `extensions.deniedBy` of a refusal by the access policy, so clients (and the access-matrix
 * test) tell "this role may never call this field" from a refusal of one record by a service.
 */
export const DENIED_BY_ACCESS_POLICY = 'ACCESS_POLICY';

/** Root fields without a policy, and policy entries naming no root field (both must be empty). */
export function policyMismatches(schema: GraphQLSchema): { withoutPolicy: string[]; withoutField: string[] } {
  const fields = rootFieldsOf(schema).map((f) => f.name);
  return {
    withoutPolicy: fields.filter((name) => !ACCESS_POLICY[name]),
    withoutField: Object.keys(ACCESS_POLICY).filter((name) => !fields.includes(name)),
  };
}

/**
 * Wraps every root field's resolver with the access policy, in place (no copy of the schema): a role that may not call a field is refused
 * before its input is even parsed (the public with UNAUTHENTICATED, others with FORBIDDEN), the
 * error marked with `extensions.deniedBy: 'ACCESS_POLICY'`.
 * A root field missing from the policy fails the server start, so none is open by accident; so
 * does a policy entry naming no field (a renamed field would otherwise lose its rule silently).
 */
export function withAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  const { withoutField } = policyMismatches(schema);
  if (withoutField.length > 0)
    throw new Error(
      `${withoutField.join(', ')}: access policy for no root field (src/services/access-policy.ts)`,
    );
  for (const [root, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    for (const [fieldName, config] of Object.entries(type?.getFields() ?? {})) {
      const field = `${root}.${fieldName}`;
      if (!ACCESS_POLICY[field])
        throw new Error(`${field} has no access policy (src/services/access-policy.ts)`);
      const resolve = config.resolve ?? defaultFieldResolver;
      config.resolve = (source, args, ctx: GraphQLContext, info) => {
        const role = roleOf(ctx.caller);
        if (!accessOf(field, role)) {
          const refusal =
            role === 'PUBLIC'
              ? new UnauthenticatedError()
              : new ForbiddenError(`${role} may not use ${fieldName}`);
          refusal.extensions.deniedBy = DENIED_BY_ACCESS_POLICY;
          throw refusal;
        }
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
