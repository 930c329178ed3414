import type { RetryPolicy } from './retry-policy';

/**
 * A conditional write lost to a concurrent writer in a way a fresh read may resolve (the
 * enrollment changed, someone took the next feed number, a bucket moved): the read-decide-write
 * cycle is run again, within the request's retry budget.
 */
export class RaceLostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RaceLostError';
  }
}

/**
 * Runs a read-decide-write cycle until it no longer loses a race, or the budget is spent: then
 * `exhausted` (with the last race as its cause) is what the caller sees.
 */
export function retryRaces<T>(
  retries: RetryPolicy,
  cycle: (attempt: number) => Promise<T>,
  exhausted: (last: RaceLostError) => Error,
): Promise<T> {
  return retries.retry(cycle, {
    retryable: (error) => error instanceof RaceLostError,
    exhausted: (last) => exhausted(last as RaceLostError),
  });
}

/** True when the conditioned write went through, false when another writer moved the record first. */
export async function wonRace(write: Promise<void>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof RaceLostError) return false;
    throw error;
  }
}
