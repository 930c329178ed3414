import { describe, expect, it } from 'vitest';
import { createRetryPolicy } from '../../../src/data/retry-policy';

class Busy extends Error {}
class Broken extends Error {}

/** A policy on a fake clock: sleeping moves the clock and is recorded, nothing waits. */
function fakePolicy(budgets = { requestMs: 1000, jobMs: 5000 }) {
  let clock = 0;
  const slept: number[] = [];
  const policy = createRetryPolicy({
    budgets,
    now: () => clock,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
  });
  return { policy, slept, elapsed: () => clock };
}

const whenBusy = { retryable: (e: unknown) => e instanceof Busy, exhausted: () => new Error('gave up') };

/** An attempt that fails with Busy `failures` times, then returns its attempt number. */
function failing(failures: number) {
  let calls = 0;
  return {
    attempt: async (n: number) => {
      calls += 1;
      if (calls <= failures) throw new Busy();
      return n;
    },
    calls: () => calls,
  };
}

describe('the retry policy', () => {
  it('retries a retryable failure after a growing jittered backoff until it succeeds', async () => {
    const { policy, slept } = fakePolicy();
    const op = failing(3);
    await expect(policy.retry(op.attempt, whenBusy)).resolves.toBe(3);
    // Equal jitter at 0.5: three quarters of 10, 20, 40 ms.
    expect(slept).toEqual([7.5, 15, 30]);
  });

  it('passes a non-retryable error through at once, without waiting', async () => {
    const { policy, slept } = fakePolicy();
    const broken = new Broken('bad request');
    await expect(
      policy.retry(async () => {
        throw broken;
      }, whenBusy),
    ).rejects.toBe(broken);
    expect(slept).toEqual([]);
  });

  it('stops before a wait would pass the request budget and throws the exhausted error', async () => {
    const { policy, slept, elapsed } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    const op = failing(Number.POSITIVE_INFINITY);
    await expect(policy.forRequest(() => policy.retry(op.attempt, whenBusy))).rejects.toThrow('gave up');
    expect(elapsed()).toBeLessThanOrEqual(1000);
    expect(slept.length).toBeGreaterThan(3);
    expect(op.calls()).toBe(slept.length + 1);
  });

  it('gives a system job its own, larger budget', async () => {
    const { policy, elapsed } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    await expect(
      policy.forJob(() => policy.retry(failing(Number.POSITIVE_INFINITY).attempt, whenBusy)),
    ).rejects.toThrow('gave up');
    expect(elapsed()).toBeGreaterThan(1000);
    expect(elapsed()).toBeLessThanOrEqual(5000);
  });

  it('does not multiply nested retries: three nested failing loops retry as often as one', async () => {
    const single = fakePolicy();
    await expect(single.policy.retry(failing(Number.POSITIVE_INFINITY).attempt, whenBusy)).rejects.toThrow();

    const nested = fakePolicy();
    let attempts = 0;
    const innermost = async () => {
      attempts += 1;
      throw new Busy();
    };
    const level = (inner: () => Promise<unknown>) => () => nested.policy.retry(inner, whenBusy);
    const busyExhausted = { retryable: whenBusy.retryable, exhausted: () => new Busy() };
    const middle = () => nested.policy.retry(innermost, busyExhausted);
    await expect(
      nested.policy.forRequest(level(() => nested.policy.retry(middle, busyExhausted))),
    ).rejects.toThrow();

    expect(nested.slept).toEqual(single.slept);
    expect(nested.elapsed()).toBeLessThanOrEqual(1000);
    // Each loop above the innermost adds at most its one attempt that found the budget spent.
    expect(attempts).toBe(single.slept.length + 1);
  });

  it('gives each request a budget of its own, and a nested request keeps the outer one', async () => {
    const { policy, elapsed } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    const exhaust = () =>
      policy.retry(failing(Number.POSITIVE_INFINITY).attempt, whenBusy).catch(() => 'spent');
    await expect(policy.forRequest(exhaust)).resolves.toBe('spent');
    const afterFirst = elapsed();
    // A new request may retry again.
    await expect(policy.forRequest(() => policy.retry(failing(1).attempt, whenBusy))).resolves.toBe(1);
    expect(elapsed()).toBeGreaterThan(afterFirst);
    // Inside a spent request, a nested forRequest gets no fresh budget.
    const nested = policy.forRequest(async () => {
      await exhaust();
      return policy.forRequest(() => policy.retry(failing(1).attempt, whenBusy));
    });
    await expect(nested).rejects.toThrow('gave up');
  });

  it('gives a loop started outside any request a request-sized budget of its own', async () => {
    const { policy, elapsed } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    await expect(policy.retry(failing(Number.POSITIVE_INFINITY).attempt, whenBusy)).rejects.toThrow(
      'gave up',
    );
    expect(elapsed()).toBeGreaterThan(500);
    expect(elapsed()).toBeLessThanOrEqual(1000);
  });

  it('retries nothing when the budget is zero', async () => {
    const { policy, slept } = fakePolicy({ requestMs: 0, jobMs: 0 });
    const op = failing(1);
    await expect(policy.forRequest(() => policy.retry(op.attempt, whenBusy))).rejects.toThrow('gave up');
    expect(op.calls()).toBe(1);
    expect(slept).toEqual([]);
  });
});
