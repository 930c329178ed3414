import { ConflictError } from '../../errors/app-error';
import type { ItemKey } from '../item';
import { type DeleteWrite, type PutWrite, putNew, type Refusal } from '../write';

/**
 * Guard items that make a value unique within an agency (a NIP, an indicator code, an employee's
 * place in a program, an active mentor-mentee pair): written with `attribute_not_exists` in the
 * same transaction as the record that owns the value, deleted when the record gives it up.
 */
export function uniqueValueKey(agencyId: string, kind: string, value: string): ItemKey {
  return { pk: `${agencyId}#Unique#${kind}#${value}`, sk: 'Unique' };
}

/** The guard item for a value owned by a record. */
export function uniqueValueItem(agencyId: string, kind: string, value: string, ownerId: string) {
  return { ...uniqueValueKey(agencyId, kind, value), entity: 'Unique', agencyId, kind, value, ownerId };
}

/** Claims a value for its owner; `refused` says what a value already taken means. */
export function claimUniqueValue(
  agencyId: string,
  kind: string,
  value: string,
  ownerId: string,
  refused: Refusal,
): PutWrite {
  return putNew(uniqueValueItem(agencyId, kind, value, ownerId), refused);
}

/** Releases a value (the record that held it ended). */
export function releaseUniqueValue(agencyId: string, kind: string, value: string): DeleteWrite {
  return { delete: uniqueValueKey(agencyId, kind, value) };
}

/**
 * The claim of a record's short code (kode unit kerja, kode program), when it has one: a code
 * taken in the agency is a CONFLICT on `input.code`.
 */
export function claimCode(
  record: { agencyId: string; id: string; code?: string | undefined },
  kind: string,
  what: string,
): PutWrite[] {
  const { code } = record;
  if (!code) return [];
  const taken: Refusal = (_, cause) =>
    new ConflictError(`${what} code ${code} is already used`, { field: 'input.code' }, cause);
  return [claimUniqueValue(record.agencyId, kind, code, record.id, taken)];
}
