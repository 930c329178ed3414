/**
 * Values that follow one request or job through every await without being passed along (its
 * telemetry, read budget, retry budget, audit slot), all carried by one AsyncLocalStorage.
 * Node 20 runs a hook on every promise for each store that exists (about 130 ns an `await`
 * without a store, 470 with one, 730 with four, in a micro-benchmark), so the API keeps one store
 * whose scope maps each `ScopedValue` to its value, and a `run` copies the few values around it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Scope = ReadonlyMap<object, unknown>;

const scopes = new AsyncLocalStorage<Scope>();

/** A value set for the duration of a call (and everything it awaits), as AsyncLocalStorage would. */
export interface ScopedValue<T> {
  /** Runs `fn` with this value set to `value`; the other scoped values stay as they were. */
  run<R>(value: T, fn: () => R): R;
  /** The value of the call in progress; undefined outside any `run` of this value. */
  get(): T | undefined;
}

/** A new scoped value, distinct from every other (two of them never see each other's values). */
export function scopedValue<T>(): ScopedValue<T> {
  const key = {};
  return {
    run(value, fn) {
      const outer = scopes.getStore();
      const scope = new Map(outer);
      scope.set(key, value);
      return scopes.run(scope, fn);
    },
    get: () => scopes.getStore()?.get(key) as T | undefined,
  };
}
