import type { Resolvers } from '../src/generated/graphql';
import { parseGlobalId } from './global-id';
import { nodeFetchers } from './node-fetchers';
import { scalarResolvers } from './scalars';

/** Scalars, `node`, `me` and the Viewer. */
export const commonResolvers: Resolvers = {
  ...scalarResolvers,
  Node: {
    __resolveType: (node) => node.__typename,
  },
  Query: {
    node: async (_, { id }, ctx) => {
      const parsed = parseGlobalId(id);
      // Own keys only: a type named `constructor` must not reach Object.prototype.
      const fetch =
        parsed && Object.hasOwn(nodeFetchers, parsed.type) ? nodeFetchers[parsed.type] : undefined;
      if (!parsed || !fetch) return null;
      return fetch(ctx, parsed.ref);
    },
    me: (_, __, ctx) => ctx.caller,
  },
  Viewer: {
    role: (caller) =>
      caller.kind === 'public' ? 'PUBLIC' : caller.kind === 'partner' ? 'PARTNER' : caller.role,
    agency: (caller, _, ctx) =>
      caller.kind === 'staff' ? ctx.services.organization.getAgency(ctx, caller.agencyId) : null,
    unit: (caller, _, ctx) =>
      caller.kind === 'staff' && caller.unitId
        ? ctx.services.organization.getUnit(ctx, { agencyId: caller.agencyId, id: caller.unitId })
        : null,
    employee: (caller, _, ctx) =>
      caller.kind === 'staff' && caller.employeeId
        ? ctx.services.employees.get(ctx, { agencyId: caller.agencyId, id: caller.employeeId })
        : null,
    subject: (caller) => (caller.kind === 'public' ? null : caller.subject),
  },
};
