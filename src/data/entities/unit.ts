import type { Unit } from '../../domain/organization';
import { defineEntity, nameSortKey } from '../entity';
import { ordered } from '../sort-keys';

/** Index partitions of units, shared by the declaration below and the repository's queries. */
export const unitPartitions = {
  agency: (agencyId: string) => `${agencyId}#Unit`,
  children: (agencyId: string, parentId: string) => `${agencyId}#Unit#${parentId}#Unit`,
};

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
