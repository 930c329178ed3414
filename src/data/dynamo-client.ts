import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@smithy/types';
import { attachReadBudget } from './read-budget';
import type { RetryPolicy } from './retry-policy';
import { budgetedSdkRetryStrategy } from './sdk-retry-strategy';

export interface DynamoClientOptions {
  region: string;
  /** A DynamoDB Local (or other) endpoint; unset means AWS. */
  endpoint?: string | undefined;
  /** Per call: the whole request and response (`DYNAMODB_REQUEST_TIMEOUT_MS`), and connecting. */
  timeouts?: { requestMs: number; connectMs: number } | undefined;
  /** The SDK retries only within this policy's budget; without it, up to 3 attempts of its own. */
  retries?: Pick<RetryPolicy, 'pause'> | undefined;
}

/**
 * Timeouts of clients built without a config (tools and tests over DynamoDB Local, which a busy
 * machine can slow to seconds): generous, but never unbounded. The API and its jobs take theirs
 * from `loadConfig` (`DYNAMODB_REQUEST_TIMEOUT_MS`, default 1.5 s).
 */
export const DEFAULT_DYNAMO_TIMEOUTS = { requestMs: 10_000, connectMs: 3000 };

const ignore = () => undefined;

/**
 * The SDK's default logger has an `info` method that does nothing, yet its logger middleware
 * builds a redacted copy of every request and response for it first (`logger?.info?.({...})`):
 * a full walk of each Query result. Without `info` nothing is built. Failed calls reach our code
 * as errors, which it logs (Powertools) or maps; the SDK's own copies of them are not wanted.
 */
const QUIET_SDK_LOGGER = { debug: ignore, trace: ignore, warn: ignore, error: ignore } as unknown as Logger;

/**
 * Builds the low-level and document clients once; local endpoints get dummy credentials. Every
 * call has a request timeout, and its retries share the request's budget (`retry-policy.ts`).
 */
export function createDynamoClients(options: DynamoClientOptions): {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
} {
  const timeouts = options.timeouts ?? DEFAULT_DYNAMO_TIMEOUTS;
  const client = new DynamoDBClient({
    region: options.region,
    // NodeHttpHandler's options: a stalled table answers a timeout instead of holding the request
    // (without `throwOnRequestTimeout` the request timeout only logs a warning).
    requestHandler: {
      requestTimeout: timeouts.requestMs,
      connectionTimeout: timeouts.connectMs,
      throwOnRequestTimeout: true,
    },
    ...(options.retries ? { retryStrategy: budgetedSdkRetryStrategy(options.retries) } : { maxAttempts: 3 }),
    logger: QUIET_SDK_LOGGER,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // Requests served by the API charge the items they read to their budget (read-budget.ts).
  attachReadBudget(client);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  return { client, doc };
}
