import { ConflictError } from '../errors/app-error';
import type { Entity, StoredRecord } from './entity';
import { ConditionFailedError, type Item, type Table, type WriteOp } from './table';

const KEY_ATTRIBUTES = new Set(['pk', 'sk']);

/**
 * The UpdateItem of an optimistic-concurrency update: SETs every attribute the record owns
 * (including recomputed index keys), REMOVEs those that disappeared, and leaves alone the
 * attributes other writers maintain (the entity's `external` ones: counters, relation lists).
 * Applies only if the stored version is still `before.version` (and the `guard`, if given, holds:
 * a condition on attributes other writers keep, such as a counter).
 */
export function versionedUpdateOp<T extends StoredRecord>(
  table: Table,
  entity: Entity<T>,
  before: T,
  after: T,
  guard?: UpdateGuard,
): WriteOp {
  const next = entity.toItem(after);
  const previous = entity.toItem(before);
  const names: Record<string, string> = { '#version': 'version', ...guard?.names };
  const values: Record<string, unknown> = { ':expected': before.version, ...guard?.values };
  const sets: string[] = [];
  const removes: string[] = [];
  let i = 0;
  for (const [name, value] of Object.entries(next)) {
    if (value === undefined || KEY_ATTRIBUTES.has(name) || entity.external.has(name)) continue;
    names[`#a${i}`] = name;
    values[`:v${i}`] = value;
    sets.push(`#a${i} = :v${i}`);
    i += 1;
  }
  for (const name of Object.keys(previous)) {
    if (next[name] !== undefined || previous[name] === undefined) continue;
    if (KEY_ATTRIBUTES.has(name) || entity.external.has(name)) continue;
    names[`#a${i}`] = name;
    removes.push(`#a${i}`);
    i += 1;
  }
  return {
    Update: {
      TableName: table.name,
      Key: entity.key(after.agencyId, after.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: `attribute_exists(pk) AND #version = :expected${guard ? ` AND (${guard.expression})` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** An extra condition of a versioned update; its placeholders must not start with `#a`, `:v` or `:expected`. */
export interface UpdateGuard {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Applies a versioned update alone; a lost race is a CONFLICT naming the current version. */
export async function updateVersioned<T extends StoredRecord>(
  table: Table,
  entity: Entity<T>,
  before: T,
  after: T,
): Promise<void> {
  try {
    await table.transactWrite([versionedUpdateOp(table, entity, before, after)]);
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw versionConflict(entity.type, before.version, error.items[0]?.version, error);
    }
    throw error;
  }
}

/** The CONFLICT error of a stale `version`. */
export function versionConflict(
  type: string,
  sent: number,
  current: unknown,
  cause?: unknown,
): ConflictError {
  const currentVersion = typeof current === 'number' ? current : undefined;
  return new ConflictError(
    currentVersion === undefined
      ? `${type} no longer exists`
      : `${type} was changed by someone else: you sent version ${sent}, the current version is ${currentVersion}`,
    { field: 'input.version', currentVersion },
    cause,
  );
}

/** The stored item's version from a failed condition's old image, if any. */
export function storedVersion(item: Item | undefined): number | undefined {
  return typeof item?.version === 'number' ? item.version : undefined;
}
