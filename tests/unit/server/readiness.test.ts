import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/data/table';
import { createReadinessProbe } from '../../../src/server/readiness';

/** A table whose reads wait until the test settles them, counting each read sent. */
function controlledTable() {
  const pending: { resolve: () => void; reject: (error: Error) => void; signal: AbortSignal }[] = [];
  const table = {
    name: 'probe-test',
    doc: {
      send: (_command: unknown, options: { abortSignal: AbortSignal }) =>
        new Promise<unknown>((resolve, reject) => {
          pending.push({ resolve: () => resolve({}), reject, signal: options.abortSignal });
          options.abortSignal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    },
  } as unknown as Table;
  return { table, pending };
}

describe('the readiness probe behind /health', () => {
  it('is ready when the table answers, and concurrent checks share one read', async () => {
    const { table, pending } = controlledTable();
    const ready = createReadinessProbe(table, 60_000);
    const checks = [ready(), ready(), ready()];
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    expect(await Promise.all(checks)).toEqual([true, true, true]);
    // Settled: the next check reads again.
    const next = ready();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    expect(await next).toBe(true);
  });

  it('is not ready when the read fails', async () => {
    const { table, pending } = controlledTable();
    const check = createReadinessProbe(table, 60_000)();
    pending[0]?.reject(new Error('ResourceNotFoundException'));
    expect(await check).toBe(false);
  });

  it('is not ready when the table does not answer in time, and cancels the read', async () => {
    const { table, pending } = controlledTable();
    const check = createReadinessProbe(table, 5)();
    // The read never settles by itself: only the probe's time limit ends the check.
    expect(await check).toBe(false);
    expect(pending[0]?.signal.aborted).toBe(true);
  });
});
