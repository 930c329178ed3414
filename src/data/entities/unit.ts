import type { Unit } from '../../domain/organization';
import { defineEntity, nameSortKey } from '../entity';

/** Kind of the guard item that keeps unit codes unique in an agency (`entities/unique-value.ts`). */
export const UNIT_CODE_GUARD = 'UnitCode';

/** Work units. gsi1: units of an agency by name; gsi2: sub-units of a unit by name. */
export const unitEntity = defineEntity<Unit>({
  type: 'Unit',
  indexes: {
    gsi1: (u) => ({ pk: `${u.agencyId}#Unit`, sk: `${nameSortKey(u.name)}#${u.id}` }),
    gsi2: (u) =>
      u.parentId
        ? { pk: `${u.agencyId}#Unit#${u.parentId}#Unit`, sk: `${nameSortKey(u.name)}#${u.id}` }
        : undefined,
  },
});
