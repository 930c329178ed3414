import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { enabledStream, streamsClientFor } from './streams-client';
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
  if (await tableAnswers(client, tableName)) return false;
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
 * without the stream the rollups follow. `changed` says it turned it on; `streamArn` is the
 * stream a poller reads.
 */
export async function ensureStream(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ changed: boolean; streamArn: string }> {
  const streams = streamsClientFor(client);
  const enabled = await enabledStream(streams, tableName).finally(() => streams.destroy());
  if (enabled) return { changed: false, streamArn: enabled };
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
    }),
  );
  const table = await untilActive(client, tableName);
  const streamArn = table?.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined;
  if (!streamArn) throw new Error(`Table ${tableName} has no stream after turning it on`);
  return { changed: true, streamArn };
}

/**
 * Whether the table exists: a GetItem of a key no item has (ResourceNotFoundException if not).
 * Not DescribeTable: DynamoDB Local counts the table's items (and each index's) to answer it,
 * 0.2-0.4 s on the demo data, where a GetItem answers in milliseconds.
 */
async function tableAnswers(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { [TABLE_KEYS.partitionKey]: { S: PROBE_KEY }, [TABLE_KEYS.sortKey]: { S: PROBE_KEY } },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** A key no item has. */
const PROBE_KEY = 'System#TableProbe';

/** The table's description once it is ACTIVE (waiting up to 30 s), or the last one seen. */
async function untilActive(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  let table: TableDescription | undefined;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    table = await describe(client, tableName);
    if (table?.TableStatus === 'ACTIVE') return table;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return table;
}

/** The table's description, or undefined when there is no such table. */
async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
