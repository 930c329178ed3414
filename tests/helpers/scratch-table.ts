import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { Table } from '../../src/data/table';
import { dynamoEndpoint } from './dynamo-endpoint';

/** A fresh table of the real layout on this worker's DynamoDB Local, and how to drop it again. */
export interface ScratchTable {
  dynamo: ReturnType<typeof createDynamoClients>;
  table: Table;
  /** Deletes the table and closes the clients: a worker's DynamoDB Local slows as tables pile up. */
  drop(): Promise<void>;
}

/**
 * Without `stream: true` the table has no stream, as the test apps' tables (tests/helpers/test-app.ts):
 * DynamoDB Local spends most of each write on a stream record. The rollup property test follows it.
 */
export async function scratchTable(
  prefix: string,
  options: { stream?: boolean } = {},
): Promise<ScratchTable> {
  const dynamo = createDynamoClients({ region: 'local', endpoint: dynamoEndpoint() });
  const table = new Table(dynamo.doc, `${prefix}-${randomUUID()}`);
  await ensureTable(dynamo.client, table.name, { stream: options.stream ?? false });
  return {
    dynamo,
    table,
    async drop() {
      await dynamo.client.send(new DeleteTableCommand({ TableName: table.name })).catch(() => undefined);
      dynamo.client.destroy();
    },
  };
}
