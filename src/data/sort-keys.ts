import type { QuerySpec } from './query-spec';

/**
 * Sort keys of the form `<ordering value>#<id>` (an instant, a date, a year, a name or code,
 * then the id so that ties keep a stable order), and the key conditions that select them by
 * their ordering value. Entities build their index sort keys with `ordered`; repositories select
 * with the ranges below, so the `#` layout is spelled once.
 */
export const ordered = (value: string | number, id: string) => `${value}#${id}`;

/** Sorts after every `ordered(value, id)` of that value. */
const last = (value: string | number) => `${value}#\uffff`;

/** Keys whose ordering value is exactly `value`. */
export const withValue = (value: string | number): QuerySpec['sortKey'] => ({ beginsWith: `${value}#` });

/** Keys whose ordering value lies in [from, to], both inclusive and optional (values of one format). */
export function valueRange(from: string | undefined, to: string | undefined): QuerySpec['sortKey'] {
  if (from !== undefined && to !== undefined) return { between: [from, last(to)] };
  if (from !== undefined) return { gte: from };
  return to !== undefined ? { lte: last(to) } : undefined;
}

/** The inclusive upper instant of an exclusive `to` (stored instants have millisecond precision). */
const justBefore = (to: string) => new Date(Date.parse(to) - 1).toISOString();

/** Keys of instants in [from, to): `to` exclusive, as the API's time filters are. */
export function instantRange(from: string | undefined, to: string | undefined): QuerySpec['sortKey'] {
  return valueRange(from, to === undefined ? undefined : justBefore(to));
}

/** The last instant before `to` (exclusive), for filters on an instant attribute. */
export const lastInstantBefore = justBefore;
