import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
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
    const created = await ensureTable(dynamo.client, table.name, { stream: false });
    expect(created).toEqual({ changed: true, streamArn: undefined });
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

    // What ensureTable found (no stream) is no reason to skip the look: the stream comes on.
    const turnedOn = await ensureStream(dynamo.client, table.name, created);
    expect(turnedOn.changed).toBe(true);
    expect(turnedOn.streamArn).toMatch(/^arn:aws:dynamodb:.*\/stream\//);
    expect(await streamEnabled(dynamo, table.name)).toBe(turnedOn.streamArn);
    expect(await ensureStream(dynamo.client, table.name)).toEqual({
      changed: false,
      streamArn: turnedOn.streamArn,
    });
  });

  it('describes the table once on a warm start: ensureStream trusts the stream ensureTable found on', async () => {
    const { dynamo, counter, table } = freshTable();
    await ensureTable(dynamo.client, table.name);
    counter.reset();
    const found = await ensureTable(dynamo.client, table.name, { stream: false });
    const stream = await ensureStream(dynamo.client, table.name, found);
    expect(counter.byCommand).toEqual({ DescribeTableCommand: 1 });
    expect(found).toEqual({ changed: false, streamArn: await streamEnabled(dynamo, table.name) });
    expect(stream).toEqual({ changed: false, streamArn: found.streamArn });
    expect(stream.streamArn).toBeTruthy();
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
