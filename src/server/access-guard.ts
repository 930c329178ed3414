import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { ACCESS_POLICY, accessOf, roleOf } from '../services/access-policy';
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
 * Wraps every root field's resolver with the access policy, in place (no copy of the schema):
 * a role that may not call a field is refused before its input is even parsed (the public with
 * UNAUTHENTICATED, others with FORBIDDEN), the error marked with `extensions.deniedBy: 'ACCESS_POLICY'`.
 * A root field missing from the policy fails the server start, so none is open by accident; so
 * does a policy entry naming no field (a renamed field would otherwise lose its rule silently).
 */
export function withAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  const { withoutPolicy, withoutField } = policyMismatches(schema);
  if (withoutPolicy.length > 0)
    throw new Error(`${withoutPolicy.join(', ')} has no access policy (src/services/access-policy.ts)`);
  if (withoutField.length > 0)
    throw new Error(
      `${withoutField.join(', ')}: access policy for no root field (src/services/access-policy.ts)`,
    );
  for (const { name, field } of rootFieldsOf(schema)) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context, info) => {
      const role = roleOf((context as GraphQLContext).caller);
      if (!accessOf(name, role)) {
        const refusal =
          role === 'PUBLIC'
            ? new UnauthenticatedError()
            : new ForbiddenError(`${role} may not use ${field.name}`);
        refusal.extensions.deniedBy = DENIED_BY_ACCESS_POLICY;
        throw refusal;
      }
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
