import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // The table disappears under a running server: every DynamoDB call now fails.
  await app.deps.dynamo.client.send(new DeleteTableCommand({ TableName: app.config.tableName }));
});
afterAll(() => app.close());

describe('a DynamoDB failure', () => {
  it('reaches the client as a masked INTERNAL_SERVER_ERROR without AWS detail', async () => {
    const res = await app.request('{ employees { totalCount } }', {}, { claims: adminOf('medan') });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toMatch(/ResourceNotFound|Requested resource|test-|stack/i);
  });
});
