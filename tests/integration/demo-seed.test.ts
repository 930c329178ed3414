import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureStream, ensureTable } from '../../src/data/ensure-table';
import { attachRequestCounter } from '../../src/data/request-counter';
import { Table } from '../../src/data/table';
import { demoSeed, seedDemoData } from '../../src/demo/seed-demo-data';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';
import { expectedRollups, expectSame, scan, storedRollups } from '../helpers/rollup-fixtures';

const NOW = new Date('2026-11-01T03:00:00.000Z');

function freshTable() {
  const dynamo = createDynamoClients({ region: 'local', endpoint: dynamoEndpoint() });
  const counter = attachRequestCounter(dynamo.client);
  return { dynamo, counter, table: new Table(dynamo.doc, `seed-${randomUUID()}`) };
}

/** The stream's ARN while it is on, as DescribeTable tells it. */
async function streamEnabled(dynamo: ReturnType<typeof createDynamoClients>, name: string) {
  const out = await dynamo.client.send(new DescribeTableCommand({ TableName: name }));
  return out.Table?.StreamSpecification?.StreamEnabled === true ? out.Table.LatestStreamArn : undefined;
}

describe('the demo seed of npm start (a table created without its stream, then turned on)', () => {
  it('writes every item and exact rollups in transactions of 100, then the stream comes on once', async () => {
    const { dynamo, counter, table } = freshTable();
    expect(await ensureTable(dynamo.client, table.name, { stream: false })).toBe(true);
    expect(await streamEnabled(dynamo, table.name)).toBeUndefined();
    const prepared = demoSeed(NOW, 'all', { rollups: true, agencies: ['binjai'] });
    counter.reset();
    const seeded = await seedDemoData(table, NOW, 'all', { rollups: true, prepared });
    expect(seeded).toEqual({ items: prepared.items.length, rollups: prepared.rollups.length });
    const written = prepared.items.length + prepared.rollups.length;
    // One transaction per 100 items (none of them is large); the marker's read and write aside.
    expect(counter.byCommand.TransactWriteItemsCommand).toBe(Math.ceil(written / 100));
    expect(counter.byCommand.BatchWriteItemCommand).toBeUndefined();
    const items = await scan(table);
    expect(items).toHaveLength(written + 1);
    expectSame(storedRollups(items), expectedRollups(items));

    const turnedOn = await ensureStream(dynamo.client, table.name);
    expect(turnedOn.changed).toBe(true);
    expect(turnedOn.streamArn).toMatch(/^arn:aws:dynamodb:.*\/stream\//);
    expect(await streamEnabled(dynamo, table.name)).toBe(turnedOn.streamArn);
    expect(await ensureStream(dynamo.client, table.name)).toEqual({
      changed: false,
      streamArn: turnedOn.streamArn,
    });
  });

  it('never describes an existing table (DynamoDB Local counts its items to): a warm start probes it', async () => {
    const { dynamo, counter, table } = freshTable();
    expect(await ensureTable(dynamo.client, table.name)).toBe(true);
    counter.reset();
    expect(await ensureTable(dynamo.client, table.name, { stream: false })).toBe(false);
    const stream = await ensureStream(dynamo.client, table.name);
    expect(counter.byCommand).toEqual({ GetItemCommand: 1 });
    expect(stream).toEqual({ changed: false, streamArn: await streamEnabled(dynamo, table.name) });
    expect(stream.streamArn).toBeTruthy();
  });

  it('turns a stream that was turned off on again, and names the new one', async () => {
    const { dynamo, table } = freshTable();
    await ensureTable(dynamo.client, table.name);
    const first = await ensureStream(dynamo.client, table.name);
    await dynamo.client.send(
      new UpdateTableCommand({ TableName: table.name, StreamSpecification: { StreamEnabled: false } }),
    );
    expect(await streamEnabled(dynamo, table.name)).toBeUndefined();
    const again = await ensureStream(dynamo.client, table.name);
    expect(again.changed).toBe(true);
    expect(again.streamArn).not.toBe(first.streamArn);
    expect(await streamEnabled(dynamo, table.name)).toBe(again.streamArn);
  });

  it('writes nothing again once seeded, and leaves a table made with its stream as it was', async () => {
    const { dynamo, counter, table } = freshTable();
    await ensureTable(dynamo.client, table.name);
    expect((await ensureStream(dynamo.client, table.name)).changed).toBe(false);
    await seedDemoData(table, NOW, 'organization', { agencies: ['binjai'] });
    counter.reset();
    expect(await seedDemoData(table, NOW, 'organization')).toEqual({ items: 0, rollups: 0 });
    expect(counter.requests).toBe(1);
    // A seed into a table with its stream, beside other workers: room beyond the default minute.
  }, 180_000);
});
