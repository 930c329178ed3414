/** What settling one finished piece of work says: go on, or take no more work. */
export type SettleAnswer = 'continue' | 'stop';

interface Entry<I, R> {
  item: I;
  promise: Promise<void>;
  outcome?: { ok: true; value: R } | { ok: false; error: unknown };
}

/**
 * Runs `work` on the items of `source`, up to `limit` at once, and hands each result to `settle`
 * strictly in the order the items came: an item is settled only once it and every item before it
 * are done. A checkpoint taken in `settle` therefore never passes an item still being written.
 *
 * When `settle` answers `stop`, no further item is taken; those in flight finish and are settled
 * (their answers no longer matter), and the run says `stopped`. When `work` or `settle` fails, no
 * further item is taken, every item in flight is waited for (no write goes on unseen after the
 * error leaves), nothing after the failed item is settled, and the first error is thrown.
 */
export async function inOrder<I, R>(
  source: AsyncIterable<I>,
  limit: number,
  work: (item: I) => Promise<R>,
  settle: (item: I, result: R) => Promise<SettleAnswer>,
): Promise<'done' | 'stopped'> {
  const queue: Entry<I, R>[] = [];
  let stopped = false;
  const settleReady = async () => {
    for (let head = queue[0]; head?.outcome; head = queue[0]) {
      queue.shift();
      if (!head.outcome.ok) throw head.outcome.error;
      if ((await settle(head.item, head.outcome.value)) === 'stop') stopped = true;
    }
  };
  try {
    for await (const item of source) {
      const entry: Entry<I, R> = { item, promise: Promise.resolve() };
      entry.promise = work(item).then(
        (value) => {
          entry.outcome = { ok: true, value };
        },
        (error: unknown) => {
          entry.outcome = { ok: false, error };
        },
      );
      queue.push(entry);
      // At most `limit` items taken and not yet settled (a slow item holds the later ones back):
      // what is held stays bounded, and a stop leaves at most `limit - 1` more to finish.
      await settleReady();
      while (!stopped && queue.length >= Math.max(1, limit)) {
        // Work may have finished since the last look: wait only when some is still running.
        const running = queue.filter((e) => !e.outcome);
        if (running.length) await Promise.race(running.map((e) => e.promise));
        await settleReady();
      }
      if (stopped) break;
    }
    for (let head = queue[0]; head; head = queue[0]) {
      await head.promise;
      await settleReady();
    }
  } finally {
    await Promise.allSettled(queue.map((e) => e.promise));
  }
  return stopped ? 'stopped' : 'done';
}
