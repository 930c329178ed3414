import type { ItemKey } from '../table';

/**
 * Guard items that make a value unique within an agency (e.g. a NIP): written with
 * `attribute_not_exists` in the same transaction as the record that owns the value.
 */
export function uniqueValueKey(agencyId: string, kind: string, value: string): ItemKey {
  return { pk: `${agencyId}#Unique#${kind}#${value}`, sk: 'Unique' };
}

/** The guard item for a value owned by a record. */
export function uniqueValueItem(agencyId: string, kind: string, value: string, ownerId: string) {
  return { ...uniqueValueKey(agencyId, kind, value), entity: 'Unique', agencyId, kind, value, ownerId };
}
