import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryTooComplexError } from '../errors/app-error';

/** Limits on one operation; beyond them the request is refused with QUERY_TOO_COMPLEX before it runs. */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  /** graphql-armor's structural cost (objects 2, scalars 1, x1.2 per nesting level): the nested
   * employees -> enrollments/mentors dashboard query costs about 24k. */
  maxCost: 50_000,
  depthCostFactor: 1.2,
} as const;

const reject = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, '')));
};

/** Validation rules from graphql-armor, reporting our QUERY_TOO_COMPLEX error. */
export function operationLimitRules(): ValidationRule[] {
  const common = { propagateOnRejection: false, onReject: [reject], exposeLimits: true };
  return [
    maxDepthRule({
      ...common,
      n: OPERATION_LIMITS.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
    }),
    maxAliasesRule({ ...common, n: OPERATION_LIMITS.maxAliases }),
    costLimitRule({
      ...common,
      maxCost: OPERATION_LIMITS.maxCost,
      depthCostFactor: OPERATION_LIMITS.depthCostFactor,
      ignoreIntrospection: true,
      flattenFragments: true,
    }),
  ] as ValidationRule[];
}
