import { toColumns } from '../src/domain/analytics/columns';
import type { Resolvers } from '../src/generated/graphql';
import { AggregateInput } from './analytics.inputs';
import { parseInput } from './parse-input';

const COMBINATION_RULE =
  'Group and filter by any dimensions each measure supports; per fact family at most two stored dimensions combine, or three when one is UNIT (REGION is read through UNIT, PROGRAM_CATEGORY and PARTNER through PROGRAM), plus one time dimension.';

/** Dashboard aggregates and their capabilities. */
export const analyticsResolvers: Resolvers = {
  Query: {
    aggregate: (_, { input }, ctx) => {
      const { agencyIds, ...request } = parseInput(AggregateInput, input);
      return ctx.services.analytics.aggregate(ctx, request, agencyIds);
    },
    aggregateCapabilities: (_, __, ctx) => ({
      ...ctx.services.analytics.capabilities(),
      combinationRule: COMBINATION_RULE,
    }),
  },
  AggregateResult: {
    columns: (answer) =>
      toColumns(
        answer.groupBy,
        answer.totals.map((t) => t.measure),
        answer.groups,
      ),
  },
  DimensionCapability: {
    valueCount: (capability, _, ctx) => ctx.services.analytics.valueCount(ctx, capability.dimension),
  },
};
