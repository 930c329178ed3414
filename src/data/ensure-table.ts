import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
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
 * What `ensureTable` and `ensureStream` learnt of the table: whether this call created the table
 * (or turned its stream on), and the stream a poller reads when it is on. Both come from the one
 * DescribeTable each makes: DynamoDB Local counts the table's items to describe it, 0.2-0.25 s on
 * the demo data, so `npm start` reads the stream's ARN from here rather than describing it again.
 */
export interface TableState {
  changed: boolean;
  /** The current stream's ARN while the stream is on (undefined while it is off). */
  streamArn: string | undefined;
}

/**
 * Creates the table if it does not exist yet and waits until it is active; `changed` says it was
 * created. `stream: false` creates it without its stream, for a loader that writes a whole data
 * set first and then turns the stream on (ensureStream): DynamoDB Local spends more than half of
 * each write on the stream record, which nobody reads for a seed (npm start skips the stream so
 * far).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<TableState> {
  const existing = await describe(client, tableName);
  if (existing) return { changed: false, streamArn: activeStreamArn(existing) };
  const input = createTableInput(tableName);
  if (options.stream === false) delete input.StreamSpecification;
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const created = await untilActive(client, tableName);
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
  return { changed: true, streamArn: activeStreamArn(created) };
}

/**
 * Turns the table's stream on (both images) unless it is on already: after a load into a table
 * created without it, and on every start, so a load that was interrupted never leaves the table
 * without the stream the rollups follow. `changed` says it turned it on; `known` is what
 * `ensureTable` just found (a stream on there needs no second look).
 */
export async function ensureStream(
  client: DynamoDBClient,
  tableName: string,
  known?: TableState,
): Promise<TableState & { streamArn: string }> {
  const found = known?.streamArn ?? activeStreamArn(await describe(client, tableName));
  if (found) return { changed: false, streamArn: found };
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
    }),
  );
  const streamArn = activeStreamArn(await untilActive(client, tableName));
  if (!streamArn) throw new Error(`Table ${tableName} has no stream after turning it on`);
  return { changed: true, streamArn };
}

/** The stream's ARN if the described table's stream is on. */
function activeStreamArn(table: TableDescription | undefined): string | undefined {
  return table?.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined;
}

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
