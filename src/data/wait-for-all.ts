/**
 * Waits for every one of `work` (already started), even when one fails, then throws the first
 * failure (in the given order) or returns the results in order. Unlike `Promise.all`, nothing is
 * still writing once the error leaves: a caller that gives up (an import batch, a job) does not
 * leave sibling writes going on unseen, to land after it reported what it wrote. Every fan-out
 * of writes waits this way (bulk puts, import batches, a stream change's rollup writes); reads
 * side by side keep `Promise.all`, having nothing to leave behind.
 */
export async function waitForAll<T>(work: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<T>).value);
}
