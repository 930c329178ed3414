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

export async function scratchTable(prefix: string): Promise<ScratchTable> {
  const dynamo = createDynamoClients({ region: 'local', endpoint: dynamoEndpoint() });
  const table = new Table(dynamo.doc, `${prefix}-${randomUUID()}`);
  await ensureTable(dynamo.client, table.name);
  return {
    dynamo,
    table,
    async drop() {
      await dynamo.client.send(new DeleteTableCommand({ TableName: table.name })).catch(() => undefined);
      dynamo.client.destroy();
    },
  };
}
