import type { Unit } from '../../domain/organization';
import { defineEntity, nameSortKey } from '../entity';
import { ordered } from '../sort-keys';
import { versionedUpdate } from '../versioned-update';
import { putNew, type Write } from '../write';
import { codeGuardWrites } from './unique-value';

/** Index partitions of units, shared by the declaration below and the repository's queries. */
export const unitPartitions = {
  agency: (agencyId: string) => `${agencyId}#Unit`,
  children: (agencyId: string, parentId: string) => `${agencyId}#Unit#${parentId}#Unit`,
};

/** Kind of the guard item that keeps unit codes unique in an agency (`entities/unique-value.ts`). */
export const UNIT_CODE_GUARD = 'UnitCode';

/** Work units. gsi1: units of an agency by name; gsi2: sub-units of a unit by name. */
export const unitEntity = defineEntity<Unit>({
  type: 'Unit',
  indexes: {
    gsi1: (u) => ({ pk: unitPartitions.agency(u.agencyId), sk: ordered(nameSortKey(u.name), u.id) }),
    gsi2: (u) =>
      u.parentId
        ? { pk: unitPartitions.children(u.agencyId, u.parentId), sk: ordered(nameSortKey(u.name), u.id) }
        : undefined,
  },
});

/** The writes of units (created and changed through the API and by imports; the demo seeds them the same way). */
export const unitWrites = {
  /** A new unit and, when it has a code, the guard of its code: CONFLICT when the code is taken. */
  create(unit: Unit): Write[] {
    return [...codeGuardWrites(UNIT_CODE_GUARD, 'Unit', undefined, unit), putNew(unitEntity.toItem(unit))];
  },

  /** A versioned unit update moving its code guard with it; CONFLICT on a stale version or a taken code. */
  update(before: Unit, after: Unit): Write[] {
    return [
      versionedUpdate(unitEntity, before, after),
      ...codeGuardWrites(UNIT_CODE_GUARD, 'Unit', before, after),
    ];
  },
};
