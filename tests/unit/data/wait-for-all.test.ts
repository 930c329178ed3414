import { describe, expect, it } from 'vitest';
import { waitForAll } from '../../../src/data/wait-for-all';
import { deferred } from '../../helpers/deferred';

describe('waitForAll', () => {
  it('returns every result in the order given', async () => {
    const [a, b] = [deferred<string>(), deferred<string>()];
    const all = waitForAll([a.promise, b.promise]);
    b.resolve('second');
    a.resolve('first');
    expect(await all).toEqual(['first', 'second']);
  });

  it('throws a failure only once every sibling has finished (no write left going on unseen)', async () => {
    const [failing, slow] = [deferred<number>(), deferred<number>()];
    let slowFinished = false;
    const sibling = slow.promise.then((n) => {
      slowFinished = true;
      return n;
    });
    const all = waitForAll([failing.promise, sibling]);
    let failedAfterSibling: boolean | undefined;
    const watched = all.catch((error: unknown) => {
      failedAfterSibling = slowFinished;
      return error;
    });
    failing.reject(new Error('table down'));
    // A turn of the event loop: Promise.all would have rejected by now.
    await new Promise((r) => setImmediate(r));
    expect(failedAfterSibling).toBeUndefined();
    slow.resolve(2);
    expect(await watched).toEqual(new Error('table down'));
    expect(failedAfterSibling).toBe(true);
  });

  it('throws the first failure in the order given, not the first to happen', async () => {
    const [first, second] = [deferred<void>(), deferred<void>()];
    const all = waitForAll([first.promise, second.promise]);
    second.reject(new Error('second'));
    first.reject(new Error('first'));
    await expect(all).rejects.toThrow('first');
  });
});
