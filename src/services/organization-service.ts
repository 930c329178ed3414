import type { Connection, PageArgs } from '../data/paginate';
import type { OrganizationRepository, UnitListFilter } from '../data/repositories/organization-repository';
import type { Agency, Unit } from '../domain/organization';
import { requireSameAgency, requireStaff } from './access';
import type { Ref, RequestScope } from './request-scope';

/** Agencies and work units, within the caller's agency. */
export function createOrganizationService({ organization }: { organization: OrganizationRepository }) {
  return {
    /** The caller's agency (or another by id, refused unless it is the caller's). */
    async getAgency(scope: RequestScope, agencyId: string): Promise<Agency | null> {
      requireSameAgency(requireStaff(scope.caller), agencyId);
      return (await organization.getAgency(scope.loader, agencyId)) ?? null;
    },

    /** One unit of the caller's agency, or null. */
    async getUnit(scope: RequestScope, ref: Ref): Promise<Unit | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      return (await organization.getUnit(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    /** Units of the caller's agency, or direct sub-units of one unit. */
    listUnits(scope: RequestScope, filter: UnitListFilter, page: PageArgs): Promise<Connection<Unit>> {
      const caller = requireStaff(scope.caller);
      return organization.listUnits(caller.agencyId, filter, page);
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
