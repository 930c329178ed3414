import { ConflictError } from '../errors/app-error';
import { ConditionFailedError, type Item, type Table } from './table';

/**
 * Optimistic concurrency: writes the item only if the stored one still has `expectedVersion`.
 * A lost race is a CONFLICT naming the current version; nothing is overwritten.
 */
export async function putVersioned(
  table: Table,
  type: string,
  item: Item,
  expectedVersion: number,
): Promise<void> {
  try {
    await table.put(item, {
      expression: 'attribute_exists(pk) AND #version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': expectedVersion },
    });
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw versionConflict(type, expectedVersion, error.items[0]?.version, error);
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
