import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { RetryPolicy } from './retry-policy';

/** Attempts of one SDK call at most (the first and two retries), within the budget in any case. */
export const SDK_MAX_ATTEMPTS = 3;

const token = (retries: number): RetryToken => ({
  getRetryCount: () => retries,
  // The strategy has already waited (through the policy's sleep): the SDK adds no delay.
  getRetryDelay: () => 0,
});

/**
 * The SDK's retries of throttled, timed-out and 5xx calls, under the same budget as every other
 * retry of the request: an attempt is retried only while the budget allows, waiting the policy's
 * backoff, so a stalled table cannot hold a request beyond it (the SDK's standard strategy would
 * retry each call on its own clock). Errors of the request itself (validation, a failed
 * condition) are never retried.
 */
export function budgetedSdkRetryStrategy(
  policy: Pick<RetryPolicy, 'pause'>,
  maxAttempts = SDK_MAX_ATTEMPTS,
): RetryStrategyV2 {
  return {
    async acquireInitialRetryToken() {
      return token(0);
    },
    async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo) {
      const retries = previous.getRetryCount();
      const retryable = info.errorType !== 'CLIENT_ERROR';
      if (!retryable || retries + 1 >= maxAttempts || !(await policy.pause(retries))) {
        throw info.error ?? new Error('DynamoDB call failed');
      }
      return token(retries + 1);
    },
    recordSuccess() {},
  };
}
