import type { Agency, Unit, UnitKind } from '../../domain/organization';
import type { CursorCodec } from '../cursor';
import { AGENCIES_PARTITION, agencyEntity, agencyWrites } from '../entities/agency';
import { unitEntity, unitPartitions, unitWrites } from '../entities/unit';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import type { QuerySpec, Table } from '../table';

export interface UnitListFilter {
  kinds?: UnitKind[] | undefined;
  parentId?: string | undefined;
}

/** Agencies (tenants) and their work units. */
export function createOrganizationRepository(table: Table, codec: CursorCodec) {
  return {
    /** One agency by its code. */
    async getAgency(loader: ItemLoader, agencyId: string): Promise<Agency | undefined> {
      const item = await loader.load(agencyEntity.key(agencyId, agencyId));
      return item ? agencyEntity.fromItem(item) : undefined;
    },

    /** One agency read strongly consistent (the base of a settings change). */
    async getAgencyLatest(agencyId: string): Promise<Agency | undefined> {
      const item = await table.get(agencyEntity.key(agencyId, agencyId));
      return item ? agencyEntity.fromItem(item) : undefined;
    },

    /** A versioned change of the agency's settings; CONFLICT when it changed since read. */
    updateAgency(before: Agency, after: Agency): Promise<void> {
      return table.transact(agencyWrites.update(before, after));
    },

    /** One unit, through the request's batching loader. */
    async getUnit(loader: ItemLoader, agencyId: string, id: string): Promise<Unit | undefined> {
      const item = await loader.load(unitEntity.key(agencyId, id));
      return item ? unitEntity.fromItem(item) : undefined;
    },

    /** One unit read strongly consistent (the base of an update). */
    async getUnitLatest(agencyId: string, id: string): Promise<Unit | undefined> {
      const item = await table.get(unitEntity.key(agencyId, id));
      return item ? unitEntity.fromItem(item) : undefined;
    },

    /** Every agency (tenant), for system jobs. */
    async allAgencies(): Promise<Agency[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: AGENCIES_PARTITION });
      return items.map((item) => agencyEntity.fromItem(item));
    },

    /** Every unit of an agency (bounded: an agency has tens to a few hundred units). */
    async allUnits(agencyId: string): Promise<Unit[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: unitPartitions.agency(agencyId) });
      return items.map((item) => unitEntity.fromItem(item));
    },

    /** A page of units of an agency, or of the direct sub-units of one unit, by name. */
    listUnits(agencyId: string, filter: UnitListFilter, page: PageArgs): Promise<Connection<Unit>> {
      const spec: QuerySpec = filter.parentId
        ? { index: 'gsi2', partition: unitPartitions.children(agencyId, filter.parentId) }
        : { index: 'gsi1', partition: unitPartitions.agency(agencyId) };
      if (filter.kinds?.length) spec.filters = [{ attribute: 'kind', in: filter.kinds }];
      return queryConnection(table, codec, spec, page, (item) => unitEntity.fromItem(item));
    },

    /** Writes a new unit with its code guard; CONFLICT if the code is taken in the agency. */
    createUnit(unit: Unit, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(unitWrites.create(unit), claim, unit.id, now));
    },

    /** A versioned unit update moving its code guard with it; CONFLICT on a stale version or a taken code. */
    updateUnit(before: Unit, after: Unit): Promise<void> {
      return table.transact(unitWrites.update(before, after));
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
