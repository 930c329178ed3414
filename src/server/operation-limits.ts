import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { RequestLimits } from '../config/load-config';
import { QueryTooComplexError } from '../errors/app-error';

const rejectWith =
  (limit: string, maximum: number) => (ctx: ValidationContext | null, error: GraphQLError) => {
    ctx?.reportError(
      new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ''), { limit, maximum }),
    );
  };

/**
 * Structural limits from graphql-armor, checked while validating (before anything runs) and
 * reported as QUERY_TOO_COMPLEX naming the limit. The token limit is the parser's own
 * (`maxTokens`, createServer), the cost limit needs the variables (cost-limit-plugin.ts).
 */
export function operationLimitRules(
  limits: Pick<RequestLimits, 'maxDepth' | 'maxAliases'>,
): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxDepthRule({
      ...common,
      onReject: [rejectWith('QUERY_MAX_DEPTH', limits.maxDepth)],
      n: limits.maxDepth,
      // GraphiQL's introspection nests deeper (TypeRef's ofType chain); its recursion through
      // `type { fields { type { fields ... } } }` is bounded by the cost limit instead.
      ignoreIntrospection: true,
      flattenFragments: true,
    }),
    maxAliasesRule({
      ...common,
      onReject: [rejectWith('QUERY_MAX_ALIASES', limits.maxAliases)],
      n: limits.maxAliases,
    }),
  ] as ValidationRule[];
}
