import { ConflictError } from '../errors/app-error';
import type { Entity, StoredRecord } from './entity';
import type { Item } from './item';
import { allOf, type Refusal, type UpdateWrite, type WriteCondition } from './write';

const KEY_ATTRIBUTES = new Set(['pk', 'sk']);

/** More of a versioned update: a condition on attributes other writers keep, counters it moves. */
export interface VersionedUpdateOptions {
  /** A further condition (placeholders other than `#version`, `:expected` and the `#w`/`:w` ones). */
  guard?: WriteCondition | undefined;
  /** Counters moved in the same UpdateItem (e.g. the remaining budget of a plan). */
  add?: Record<string, number> | undefined;
  /** What a failed condition means; by default a CONFLICT on the version. */
  refused?: Refusal | undefined;
}

/**
 * The write of an optimistic-concurrency update: SETs every attribute the record owns (index
 * keys included), REMOVEs those that disappeared, leaves alone the attributes other writers
 * maintain (the entity's `external` ones: counters, relation lists). Applies only if the stored
 * version is still `before.version` (and the guard holds).
 */
export function versionedUpdate<T extends StoredRecord>(
  entity: Entity<T>,
  before: T,
  after: T,
  options: VersionedUpdateOptions = {},
): UpdateWrite {
  const next = entity.toItem(after);
  const previous = entity.toItem(before);
  const owned = (name: string) => !KEY_ATTRIBUTES.has(name) && !entity.external.has(name);
  const set = Object.fromEntries(Object.entries(next).filter(([name, v]) => v !== undefined && owned(name)));
  const remove = Object.keys(previous).filter(
    (name) => owned(name) && previous[name] !== undefined && next[name] === undefined,
  );
  const version: WriteCondition = {
    expression: 'attribute_exists(pk) AND #version = :expected',
    names: { '#version': 'version' },
    values: { ':expected': before.version },
  };
  return {
    update: entity.key(after.agencyId, after.id),
    set,
    ...(options.add ? { add: options.add } : {}),
    ...(remove.length ? { remove } : {}),
    condition: allOf(version, options.guard),
    refused:
      options.refused ?? ((stored, cause) => versionConflict(entity.type, before.version, stored, cause)),
  };
}

/**
 * The CONFLICT of a write based on a version that is no longer current. `stored` is the record
 * as the write found it: present, it changed since the caller read it (and its version is
 * named); absent, it is gone.
 */
export function versionConflict(
  type: string,
  sent: number,
  stored: { version?: unknown } | Item | undefined,
  cause?: unknown,
): ConflictError {
  if (!stored) return new ConflictError(`${type} no longer exists`, { field: 'input.version' }, cause);
  const currentVersion = typeof stored.version === 'number' ? stored.version : undefined;
  return new ConflictError(
    `${type} changed since you read it: you sent version ${sent}${
      currentVersion === undefined ? '' : `, the current version is ${currentVersion}`
    }`,
    { field: 'input.version', currentVersion },
    cause,
  );
}
