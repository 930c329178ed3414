import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createRetryPolicy, RetryBudgetSpentError } from '../../../src/data/retry-policy';
import { SDK_MAX_ATTEMPTS } from '../../../src/data/sdk-retry-strategy';
import { Table } from '../../../src/data/table';
import { ServiceUnavailableError } from '../../../src/errors/app-error';

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

  it('refuses every wait once a request gave up on the database, until the next request', async () => {
    const { policy, slept } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    await policy.forRequest(async () => {
      expect(await policy.pause()).toBe(true);
      policy.giveUp();
      expect(policy.spent()).toBe(true);
      expect(await policy.pause()).toBe(false);
      await expect(policy.retry(failing(1).attempt, whenBusy)).rejects.toThrow('gave up');
      expect(slept).toHaveLength(1);
    });
    await policy.forRequest(async () => expect(policy.spent()).toBe(false));
  });

  it('does not give up the database when a loop only ran out of time (an index behind, a race)', async () => {
    const { policy } = fakePolicy({ requestMs: 1000, jobMs: 5000 });
    await policy.forRequest(async () => {
      await expect(policy.retry(failing(Number.POSITIVE_INFINITY).attempt, whenBusy)).rejects.toThrow();
      expect(policy.spent()).toBe(false);
    });
  });
});

describe('a request against a stalled table', () => {
  const TIMEOUT_MS = 200;
  it('sends nothing once the budget is spent: each further call is SERVICE_UNAVAILABLE at once', async () => {
    let now = 0;
    let attempts = 0;
    const policy = createRetryPolicy({
      budgets: { requestMs: 1000, jobMs: 5000 },
      now: () => now,
      random: () => 0.5,
      sleep: async (ms) => {
        now += ms;
      },
    });
    // A DynamoDB that never answers: each attempt takes the request timeout (on the fake clock) and
    // fails, retried as the SDK's budgeted strategy does (sdk-retry-strategy.ts): up to its
    // attempt cap, while the request budget allows.
    const send = async () => {
      for (let retries = 0; ; retries += 1) {
        attempts += 1;
        now += TIMEOUT_MS;
        if (retries + 1 >= SDK_MAX_ATTEMPTS || !(await policy.pause(retries)))
          throw Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
      }
    };
    const table = new Table({ send } as unknown as DynamoDBDocumentClient, 'stalled', policy);

    // Twenty sequential reads, each failing, as a resolver looping over a list would make them.
    const perCall: number[] = [];
    const errors: unknown[] = [];
    await policy.forRequest(async () => {
      for (let i = 0; i < 20; i += 1) {
        const before = attempts;
        errors.push(await table.get({ pk: 'p', sk: `s${i}` }).catch((error: unknown) => error));
        perCall.push(attempts - before);
      }
    });

    const spentAt = perCall.indexOf(0);
    expect(spentAt).toBeGreaterThan(0);
    // Calls were attempted until the budget was spent, and none after.
    expect(perCall.slice(0, spentAt).every((n) => n > 0)).toBe(true);
    expect(perCall.slice(spentAt)).toEqual(Array(20 - spentAt).fill(0));
    expect(attempts).toBe(perCall.reduce((a, b) => a + b, 0));
    // The request ended within its budget and the one attempt in flight when it was spent.
    expect(now).toBeLessThanOrEqual(1000 + TIMEOUT_MS);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as ServiceUnavailableError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    }
    expect((errors.at(-1) as ServiceUnavailableError).originalError).toBeInstanceOf(RetryBudgetSpentError);

    // The next request has a budget of its own: it sends again.
    const before = attempts;
    await policy.forRequest(() => table.get({ pk: 'p', sk: 'again' })).catch(() => undefined);
    expect(attempts).toBeGreaterThan(before);
  });
});
