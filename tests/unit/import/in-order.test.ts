import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../src/import/in-order';
import { deferred } from '../../helpers/deferred';

async function* items(count: number, taken: number[]) {
  for (let i = 0; i < count; i += 1) {
    taken.push(i);
    yield i;
  }
}

/** Lets every pending callback run. */
const settleDown = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
};

describe('inOrder: concurrent work, settled in order', () => {
  it('keeps at most `limit` in flight and settles each only after every earlier one is done', async () => {
    const work = Array.from({ length: 8 }, () => deferred<string>());
    const started: number[] = [];
    const finished = new Set<number>();
    const settled: number[] = [];
    let inFlight = 0;
    let most = 0;
    const run = inOrder(
      items(8, []),
      3,
      async (i) => {
        started.push(i);
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await (work[i] as ReturnType<typeof deferred<string>>).promise;
        } finally {
          inFlight -= 1;
          finished.add(i);
        }
      },
      async (i, result) => {
        // Every earlier item is done (a checkpoint here never passes unfinished work).
        for (let earlier = 0; earlier <= i; earlier += 1) expect(finished.has(earlier)).toBe(true);
        expect(result).toBe(`r${i}`);
        settled.push(i);
        return 'continue';
      },
    );
    await settleDown();
    expect(started).toEqual([0, 1, 2]);
    // Later items finish first: nothing is settled until item 0 is, and nothing more is taken
    // meanwhile (what waits to be settled is bounded too).
    work[2]?.resolve('r2');
    work[1]?.resolve('r1');
    await settleDown();
    expect(settled).toEqual([]);
    expect(started).toEqual([0, 1, 2]);
    work[0]?.resolve('r0');
    await settleDown();
    expect(settled).toEqual([0, 1, 2]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    for (const i of [7, 6, 5, 4, 3]) {
      work[i]?.resolve(`r${i}`);
      await settleDown();
    }
    expect(await run).toBe('done');
    expect(settled).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('on stop takes no further item, and settles those in flight before it returns', async () => {
    const taken: number[] = [];
    const settled: number[] = [];
    const result = await inOrder(
      items(20, taken),
      4,
      async (i) => {
        await new Promise((resolve) => setTimeout(resolve, (i % 3) * 5));
        return i;
      },
      async (i) => {
        settled.push(i);
        return i === 0 ? 'stop' : 'continue';
      },
    );
    expect(result).toBe('stopped');
    // Everything taken was written and settled, in order; nothing after: at most the limit.
    expect(settled).toEqual(taken);
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(taken.length).toBeLessThanOrEqual(4);
  });

  it('on a failure settles nothing after the failed item, waits for the rest in flight, and throws', async () => {
    const taken: number[] = [];
    const settled: number[] = [];
    const finished = new Set<number>();
    const run = inOrder(
      items(10, taken),
      4,
      async (i) => {
        await new Promise((resolve) => setTimeout(resolve, i === 2 ? 1 : 20));
        finished.add(i);
        if (i === 2) throw new Error('batch 2 failed');
        return i;
      },
      async (i) => {
        settled.push(i);
        return 'continue';
      },
    );
    await expect(run).rejects.toThrow('batch 2 failed');
    expect(settled).toEqual([0, 1]);
    // No work goes on unseen after the error leaves.
    for (const i of taken) expect(finished.has(i)).toBe(true);
    expect(taken.length).toBeLessThan(10);
  });

  it('a failing settle (the checkpoint store) stops the run the same way', async () => {
    const taken: number[] = [];
    const finished = new Set<number>();
    const run = inOrder(
      items(10, taken),
      3,
      async (i) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished.add(i);
        return i;
      },
      async (i) => {
        if (i === 1) throw new Error('disk gone');
        return 'continue';
      },
    );
    await expect(run).rejects.toThrow('disk gone');
    for (const i of taken) expect(finished.has(i)).toBe(true);
    expect(taken.length).toBeLessThan(10);
  });

  it('finishes when work ends at once, one at a time (a kind that only holds rows until its flush)', async () => {
    for (const limit of [1, 2]) {
      const settled: number[] = [];
      const result = await inOrder(
        items(5, []),
        limit,
        async () => [],
        async (i) => {
          settled.push(i);
          return 'continue';
        },
      );
      expect(result).toBe('done');
      expect(settled).toEqual([0, 1, 2, 3, 4]);
    }
  });
});
