/**
 * The shape every domain validation returns: a value, or which field is wrong and why.
 * Validations never throw; resolvers turn a failure into BAD_USER_INPUT with `field` and `reason`.
 */

/** A validation failure: the offending field (when there is one) and a human reason. */
export interface Invalid {
  ok: false;
  field?: string;
  reason: string;
}

/** A successful validation carrying the validated value. */
export interface Valid<T> {
  ok: true;
  value: T;
}

/** Outcome of a validation: `{ ok: true, value }` or `{ ok: false, field?, reason }`. */
export type ValidationResult<T> = Valid<T> | Invalid;

/** Wraps a validated value. */
export function valid<T>(value: T): Valid<T> {
  return { ok: true, value };
}

/** Builds a failure, naming the field when the caller knows it. */
export function invalid(reason: string, field?: string): Invalid {
  return field === undefined ? { ok: false, reason } : { ok: false, field, reason };
}
