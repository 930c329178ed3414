import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

/** A key no record is ever written under (data-layer README, access pattern 94). */
const PROBE_KEY = { pk: 'System#HealthProbe', sk: 'HealthProbe' };

/**
 * Whether the table answers a cheap read within `timeoutMs`: one eventually consistent GetItem of
 * a key that never exists (half a read unit), cancelled when the time is up. Never throws.
 */
export async function tableAnswers(table: Table, timeoutMs: number): Promise<boolean> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve(false);
    }, timeoutMs);
  });
  const answered = table.doc
    .send(new GetCommand({ TableName: table.name, Key: PROBE_KEY }), { abortSignal: abort.signal })
    .then(
      () => true,
      () => false,
    );
  try {
    // The race, not the SDK, bounds the time: retries or a stalled socket cannot stretch it.
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
