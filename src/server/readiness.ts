import type { Table } from '../data/table';
import { tableAnswers } from '../data/table-probe';

/**
 * How long `/health` waits for the table: under the 2 s within which it always answers, with
 * room for the request around it (issue "Safe to expose", item 4).
 */
export const READINESS_TIMEOUT_MS = 1500;

/** Whether the process can serve: the table answers a cheap read. */
export type ReadinessProbe = () => Promise<boolean>;

/**
 * The readiness probe of `/health`. Concurrent checks share one read, so a burst of health
 * requests (load balancers, a flood) costs the table one GetItem at a time, not one each.
 */
export function createReadinessProbe(table: Table, timeoutMs = READINESS_TIMEOUT_MS): ReadinessProbe {
  let inFlight: Promise<boolean> | undefined;
  return () => {
    inFlight ??= tableAnswers(table, timeoutMs).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
