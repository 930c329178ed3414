import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { GLOBAL_INDEXES, STREAM_VIEW_TYPE, TABLE_KEYS, TTL_ATTRIBUTE } from './table-definition';

/** The CreateTable request for the single table (on-demand, stream on, every GSI). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
  };
}

/**
 * Creates the table if it does not exist yet and waits until it is active. Returns true if created.
 * `stream: false` creates it without its stream, for a loader that writes a whole data set first
 * and then turns the stream on (ensureStream): DynamoDB Local spends more than half of each
 * write on the stream record, which nobody reads for a seed (npm start skips the stream so far).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<boolean> {
  if (await tableStatus(client, tableName)) return false;
  const input = createTableInput(tableName);
  if (options.stream === false) delete input.StreamSpecification;
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await untilActive(client, tableName);
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
  return true;
}

/**
 * Turns the table's stream on (both images) unless it is on already: after a load into a table
 * created without it, and on every start, so a load that was interrupted never leaves the table
 * without the stream the rollups follow. Returns true if it turned it on.
 */
export async function ensureStream(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (out.Table?.StreamSpecification?.StreamEnabled) return false;
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
    }),
  );
  await untilActive(client, tableName);
  return true;
}

async function untilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if ((await tableStatus(client, tableName)) === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table?.TableStatus;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
