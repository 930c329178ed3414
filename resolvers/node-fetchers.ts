import type { ResolversInterfaceTypes } from '../src/generated/graphql';
import type { GraphQLContext } from '../src/server/context';
import type { Ref } from '../src/services/request-scope';

type NodeModel = ResolversInterfaceTypes<Record<string, never>>['Node'];

const tagged =
  <T extends object, N extends string>(
    typename: N,
    fetch: (ctx: GraphQLContext, ref: Ref) => Promise<T | null>,
  ) =>
  async (ctx: GraphQLContext, ref: Ref) => {
    const found = await fetch(ctx, ref);
    return found ? { ...found, __typename: typename } : null;
  };

/** How `node(id)` loads each type; every fetcher goes through the service (and its access checks). */
export const nodeFetchers: Record<string, (ctx: GraphQLContext, ref: Ref) => Promise<NodeModel | null>> = {
  Agency: tagged('Agency', (ctx, ref) => ctx.services.organization.getAgency(ctx, ref.agencyId)),
  Unit: tagged('Unit', (ctx, ref) => ctx.services.organization.getUnit(ctx, ref)),
  Employee: tagged('Employee', (ctx, ref) => ctx.services.employees.get(ctx, ref)),
};
