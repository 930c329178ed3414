import { ConflictError } from '../../errors/app-error';
import type { ItemKey } from '../item';
import { type DeleteWrite, type PutWrite, putNew, type Refusal, type Write } from '../write';

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
 * The guard writes of a record's short code (kode unit kerja, kode program), for the same
 * transaction as the record's own write: the new code claimed (a code taken in the agency is a
 * CONFLICT on `input.code`) and the old one released, only while it is still this record's.
 * Nothing when the code stays.
 */
export function codeGuardWrites(
  kind: string,
  label: string,
  before: { agencyId: string; id: string; code?: string | undefined } | undefined,
  after: { agencyId: string; id: string; code?: string | undefined },
): Write[] {
  if (before?.code === after.code) return [];
  const writes: Write[] = [];
  const { code } = after;
  if (code) {
    const taken: Refusal = (_, cause) =>
      new ConflictError(
        `${label} code ${code} is already used in this agency`,
        { field: 'input.code' },
        cause,
      );
    writes.push(claimUniqueValue(after.agencyId, kind, code, after.id, taken));
  }
  if (before?.code)
    writes.push({
      delete: uniqueValueKey(before.agencyId, kind, before.code),
      condition: {
        expression: 'attribute_not_exists(pk) OR #owner = :owner',
        names: { '#owner': 'ownerId' },
        values: { ':owner': before.id },
      },
    });
  return writes;
}
