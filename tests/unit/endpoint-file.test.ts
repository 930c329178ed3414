import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointFilePath, liveEndpoint, publishEndpoint } from '../../src/local/endpoint-file';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';

describe('the endpoint a running npm start publishes under DATA_DIR', () => {
  it('is found while it answers, and gone once removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'endpoint-'));
    const remove = publishEndpoint(dir, { endpoint: dynamoEndpoint(), tableName: 't' });
    // A busy worker's DynamoDB Local may take seconds to answer: the test is about presence, not speed.
    expect(await liveEndpoint(dir, 20_000)).toBe(dynamoEndpoint());
    remove();
    expect(await liveEndpoint(dir)).toBeUndefined();
  });

  it('is ignored when stale: a dead server, an endpoint that does not answer, or not loopback', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'endpoint-'));
    const write = (info: object) => writeFile(endpointFilePath(dir), JSON.stringify(info));
    await write({ endpoint: dynamoEndpoint(), tableName: 't', pid: 2 ** 22 + 12345 });
    expect(await liveEndpoint(dir)).toBeUndefined();
    await write({ endpoint: 'http://127.0.0.1:1', tableName: 't', pid: process.pid });
    expect(await liveEndpoint(dir)).toBeUndefined();
    await write({ endpoint: 'http://10.0.0.5:8000', tableName: 't', pid: process.pid });
    expect(await liveEndpoint(dir)).toBeUndefined();
    await writeFile(endpointFilePath(dir), 'not json');
    expect(await liveEndpoint(dir)).toBeUndefined();
  });
});
