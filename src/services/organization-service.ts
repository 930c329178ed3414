import { idempotencyClaimOf } from '../data/idempotency';
import type { Connection, PageArgs } from '../data/paginate';
import type { UnitListFilter } from '../data/repositories/organization-repository';
import { versionConflict } from '../data/versioned-update';
import type { Agency, Unit, UnitKind } from '../domain/organization';
import { newRecord } from '../domain/record';
import { BadUserInputError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of createUnit. */
export interface CreateUnitCommand {
  /** Kode unit kerja in stored form (upper case). */
  code: string;
  name: string;
  kind: UnitKind;
  parent?: Ref | undefined;
  idempotencyKey?: string | undefined;
}

/** Validated input of updateUnit: undefined = unchanged. */
export type UpdateUnitCommand = { unit: Ref; version: number } & Partial<
  Pick<Unit, 'code' | 'name' | 'kind'>
>;

const EDITORS = ['ADMIN'] as const;

/** Agencies and work units, within the caller's agency. */
export function createOrganizationService(
  deps: Pick<ServiceDeps, 'organization' | 'idempotency' | 'clock' | 'newId'>,
) {
  const { organization, idempotency, clock, newId } = deps;
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

    /**
     * Adds a work unit (administrators) under its code, unique in the agency (CONFLICT when taken).
     * It serves its parent's region, or the agency's for a top-level unit.
     */
    async createUnit(scope: RequestScope, input: CreateUnitCommand): Promise<Unit> {
      const caller = requireStaff(scope.caller, EDITORS);
      const claim = idempotencyClaimOf(caller.agencyId, 'createUnit', input);
      return idempotency.once(
        claim,
        async () => {
          let parent: Unit | undefined;
          if (input.parent) {
            requireSameAgency(caller, input.parent.agencyId);
            parent = await organization.getUnit(scope.loader, caller.agencyId, input.parent.id);
            if (!parent) throw BadUserInputError.of('input.parentId', 'no such unit in this agency');
          }
          const agency = await organization.getAgency(scope.loader, caller.agencyId);
          if (!agency) throw new NotFoundError('Agency', caller.agencyId);
          const now = clock();
          const unit: Unit = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            code: input.code,
            name: input.name,
            kind: input.kind,
            region: parent?.region ?? agency.region,
            parentId: parent?.id,
            ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
          };
          await organization.createUnit(unit, now, claim);
          return unit;
        },
        { type: 'Unit', load: (id) => organization.getUnitLatest(caller.agencyId, id) },
      );
    },

    /** Renames, re-codes or re-kinds a unit (administrators) if `version` is current; its old code is freed. */
    async updateUnit(scope: RequestScope, input: UpdateUnitCommand): Promise<Unit> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.unit.agencyId);
      const current = await organization.getUnitLatest(input.unit.agencyId, input.unit.id);
      if (!current) throw new NotFoundError('Unit', input.unit.id);
      if (current.version !== input.version) throw versionConflict('Unit', input.version, current);
      const { unit: _ref, version: _version, ...changes } = input;
      const next: Unit = {
        ...current,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        version: current.version + 1,
        updatedAt: clock().toISOString(),
      };
      await organization.updateUnit(current, next);
      return next;
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
