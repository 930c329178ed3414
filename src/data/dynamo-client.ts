import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@smithy/types';
import { attachReadBudget } from './read-budget';

export interface DynamoClientOptions {
  region: string;
  /** A DynamoDB Local (or other) endpoint; unset means AWS. */
  endpoint?: string | undefined;
}

const ignore = () => undefined;

/**
 * The SDK's default logger has an `info` method that does nothing, yet its logger middleware
 * builds a redacted copy of every request and response for it first (`logger?.info?.({...})`):
 * a full walk of each Query result. Without `info` nothing is built. Failed calls reach our code
 * as errors, which it logs (Powertools) or maps; the SDK's own copies of them are not wanted.
 */
const QUIET_SDK_LOGGER = { debug: ignore, trace: ignore, warn: ignore, error: ignore } as unknown as Logger;

/** Builds the low-level and document clients once; local endpoints get dummy credentials. */
export function createDynamoClients(options: DynamoClientOptions): {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
} {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 4,
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
