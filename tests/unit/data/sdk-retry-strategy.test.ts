import type { RetryErrorInfo } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { createRetryPolicy } from '../../../src/data/retry-policy';
import { budgetedSdkRetryStrategy } from '../../../src/data/sdk-retry-strategy';
import { isUnavailable } from '../../../src/data/unavailable';

function fakePolicy(requestMs: number) {
  let clock = 0;
  const slept: number[] = [];
  const policy = createRetryPolicy({
    budgets: { requestMs, jobMs: requestMs },
    now: () => clock,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
  });
  return { policy, slept };
}

const throttled = (): RetryErrorInfo => ({
  errorType: 'THROTTLING',
  error: Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} }) as never,
});

/** Asks the strategy for retries until it refuses; returns how many it granted. */
async function grantedRetries(strategy: ReturnType<typeof budgetedSdkRetryStrategy>, info: RetryErrorInfo) {
  let token = await strategy.acquireInitialRetryToken('dynamodb');
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, info);
    } catch (error) {
      expect(error).toBe(info.error);
      return token.getRetryCount();
    }
  }
}

describe("the SDK's retry strategy", () => {
  it('retries a throttled call at most twice, after the policy backoff, with no delay of its own', async () => {
    const { policy, slept } = fakePolicy(1000);
    const strategy = budgetedSdkRetryStrategy(policy);
    expect(await policy.forRequest(() => grantedRetries(strategy, throttled()))).toBe(2);
    expect(slept).toEqual([7.5, 15]);
    const token = await strategy.acquireInitialRetryToken('dynamodb');
    expect(token.getRetryDelay()).toBe(0);
  });

  it('retries no further once the request budget is spent', async () => {
    const { policy } = fakePolicy(10);
    const strategy = budgetedSdkRetryStrategy(policy);
    // One wait of 7.5 ms fits a 10 ms budget, the next of 15 ms does not.
    expect(await policy.forRequest(() => grantedRetries(strategy, throttled()))).toBe(1);
  });

  it('never retries a fault of the request itself', async () => {
    const { policy, slept } = fakePolicy(1000);
    const info: RetryErrorInfo = {
      errorType: 'CLIENT_ERROR',
      error: new Error('ValidationException') as never,
    };
    expect(await policy.forRequest(() => grantedRetries(budgetedSdkRetryStrategy(policy), info))).toBe(0);
    expect(slept).toEqual([]);
  });
});

describe('unavailability of the database', () => {
  it.each([
    ['a request timeout', Object.assign(new Error('t'), { name: 'TimeoutError' })],
    ['throttling', Object.assign(new Error('t'), { name: 'ProvisionedThroughputExceededException' })],
    ['a refused connection', Object.assign(new Error('t'), { code: 'ECONNREFUSED' })],
    ['a 5xx answer', Object.assign(new Error('t'), { $metadata: { httpStatusCode: 503 } })],
  ])('is recognised in %s', (_, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a validation error', Object.assign(new Error('t'), { name: 'ValidationException' })],
    ['a missing table', Object.assign(new Error('t'), { name: 'ResourceNotFoundException' })],
    ['a failed condition', Object.assign(new Error('t'), { $metadata: { httpStatusCode: 400 } })],
    ['something that is no error', 'boom'],
  ])('is not claimed for %s', (_, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
