import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DEFAULT_DYNAMO_TIMEOUTS } from './dynamo-client';

/**
 * A DynamoDB Streams client beside a table's client (its region, endpoint and credentials), with
 * call timeouts as for the table's: a stalled database must not hold a stream call forever.
 */
export function streamsClientFor(
  client: DynamoDBClient,
  timeouts: { requestMs: number; connectMs: number } = DEFAULT_DYNAMO_TIMEOUTS,
): DynamoDBStreamsClient {
  const { region, endpoint, credentials } = client.config;
  return new DynamoDBStreamsClient({
    region,
    endpoint,
    credentials,
    requestHandler: {
      requestTimeout: timeouts.requestMs,
      connectionTimeout: timeouts.connectMs,
      throwOnRequestTimeout: true,
    },
  });
}
