import { uniqueValueKey } from '../entities/unique-value';
import type { Entity, StoredRecord } from '../entity';
import type { Table } from '../table';
import { itemsByKey } from './transact-rows';

/**
 * Records found by a natural key kept unique with a guard item (`<a>#Unique#<kind>#<value>` ->
 * `ownerId`): NIPs of employees, codes of units and programs. Two BatchGetItem waves for a batch
 * of rows: the guards, then their owners; with `consistent`, strongly consistent Gets instead
 * (the second look after a lost race).
 */
export async function recordsByNaturalKey<T extends StoredRecord>(
  table: Table,
  entity: Entity<T>,
  agencyId: string,
  guardKind: string,
  values: readonly string[],
  consistent = false,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (!values.length) return found;
  const guardKeys = values.map((v) => uniqueValueKey(agencyId, guardKind, v));
  const guards = consistent
    ? await Promise.all(guardKeys.map((k) => table.get(k)))
    : [...(await itemsByKey(table, guardKeys)).values()];
  const owners = new Map<string, string>();
  for (const guard of guards) if (guard) owners.set(String(guard.ownerId), String(guard.value));
  const keys = [...owners.keys()].map((id) => entity.key(agencyId, id));
  const items = consistent
    ? (await Promise.all(keys.map((k) => table.get(k)))).filter((i) => i !== undefined)
    : [...(await itemsByKey(table, keys)).values()];
  for (const item of items) {
    const record = entity.fromItem(item);
    const value = owners.get(record.id);
    if (value !== undefined) found.set(value, record);
  }
  return found;
}
