import type { Item, ItemKey } from './item';

/**
 * A condition of a write in DynamoDB's expression language, with its own placeholders. Those of
 * the write itself start with `#w` and `:w`; a condition must not use these prefixes.
 */
export interface WriteCondition {
  expression: string;
  names?: Record<string, string> | undefined;
  values?: Record<string, unknown> | undefined;
}

/**
 * What a failed condition means: the domain error (a CONFLICT, a refusal, or a `RaceLostError`
 * that asks for a fresh read), built from the item as it is stored (undefined when absent), with
 * the failure kept as its cause.
 */
export type Refusal = (stored: Item | undefined, cause: unknown) => Error;

interface Conditioned {
  condition?: WriteCondition | undefined;
  refused?: Refusal | undefined;
}

/** Stores a whole item. */
export interface PutWrite extends Conditioned {
  put: Item;
}

/** Changes some attributes of an item (creating it when missing and unconditioned). */
export interface UpdateWrite extends Conditioned {
  update: ItemKey;
  /** Attributes set to a value (undefined values are skipped). */
  set?: Record<string, unknown> | undefined;
  /** Numbers added to (counters; a missing one counts from 0). */
  add?: Record<string, number> | undefined;
  /** Values appended to lists (a missing list starts empty). */
  append?: Record<string, readonly unknown[]> | undefined;
  /** Attributes removed, or one list element as `name[index]`. */
  remove?: readonly string[] | undefined;
}

/** Deletes an item. */
export interface DeleteWrite extends Conditioned {
  delete: ItemKey;
}

/** Writes nothing: the transaction holds only while the condition on this item holds. */
export interface CheckWrite {
  check: ItemKey;
  condition: WriteCondition;
  refused?: Refusal | undefined;
}

/**
 * One operation of a write, declared by an entity's write builder: what to store and on which
 * condition, and what a failed condition means. Services run a list of them as one transaction
 * (`Table.transact`); the demo seeder and the bench loader fold the same lists into items in
 * memory (`write-fold.ts`) and batch-write those. In a list, the operations are in the order
 * their refusals take precedence: when several conditions fail, the first one's refusal is thrown.
 */
export type Write = PutWrite | UpdateWrite | DeleteWrite | CheckWrite;

/** The condition of a new item (a fresh record, a uniqueness guard, a ledger entry). */
export const MUST_NOT_EXIST: WriteCondition = { expression: 'attribute_not_exists(pk)' };

/** The condition of a change to an item that must be there. */
export const MUST_EXIST: WriteCondition = { expression: 'attribute_exists(pk)' };

/** A put of an item that must not exist yet; `refused` says what an existing one means. */
export function putNew(item: Item, refused?: Refusal): PutWrite {
  return { put: item, condition: MUST_NOT_EXIST, refused };
}

/** ANDs conditions (undefined ones left out); their placeholders must not clash. */
export function allOf(...conditions: (WriteCondition | undefined)[]): WriteCondition | undefined {
  const present = conditions.filter((c): c is WriteCondition => c !== undefined);
  if (present.length <= 1) return present[0];
  return {
    expression: present.map((c) => `(${c.expression})`).join(' AND '),
    names: Object.assign({}, ...present.map((c) => c.names ?? {})),
    values: Object.assign({}, ...present.map((c) => c.values ?? {})),
  };
}

/** The key of the item a write touches. */
export function keyOfWrite(write: Write): ItemKey {
  if ('put' in write) return { pk: String(write.put.pk), sk: String(write.put.sk) };
  if ('update' in write) return write.update;
  if ('delete' in write) return write.delete;
  return write.check;
}
