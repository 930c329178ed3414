import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { restProxyEvent } from '../../scripts/bench/lambda-events';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { Table } from '../../src/data/table';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { type CognitoStandIn, createCognitoStandIn } from '../../src/local/cognito-stand-in';
import { setEnvironment } from '../../src/local/set-environment';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';
import { freshHandlerModule } from '../helpers/lambda-module';
import { BUSY_MACHINE_ENV } from '../helpers/test-app';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const ENV = {
  METRICS: 'on',
  TRACING: 'on',
  LOG_LEVEL: 'INFO',
  STAGE: 'dev',
  AWS_REGION: 'local',
  CURSOR_SECRET: 'lambda-obs-cursor-secret-0123456789abcdef',
  ...BUSY_MACHINE_ENV,
};
let handler: Handler;
let cognito: CognitoStandIn;
let restoreEnvironment: () => void;

/** The JSON lines the invocation writes to stdout (the log line and the EMF record, as in CloudWatch Logs). */
async function invoke(event: APIGatewayProxyEvent, requestId: string) {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const result = await handler(event, { awsRequestId: requestId, functionName: 'graphql' } as Context);
    const lines = written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    return { result, lines };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  const endpoint = dynamoEndpoint();
  const tableName = `lambda-obs-${Date.now()}`;
  // As in AWS: Cognito tokens (a stand-in pool whose keys are given, not fetched).
  cognito = await createCognitoStandIn();
  const { client, doc } = createDynamoClients({ region: 'local', endpoint });
  // The handler never reads the stream: without it the seed is several times faster.
  await ensureTable(client, tableName, { stream: false });
  await seedDemoData(new Table(doc, tableName), new Date(), 'organization');
  restoreEnvironment = setEnvironment({
    ...ENV,
    ...cognito.env,
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
  });
  ({ handler } = (await freshHandlerModule(() => import('../../src/handlers/graphql'))) as unknown as {
    handler: Handler;
  });
});

afterAll(() => restoreEnvironment());

describe('the GraphQL Lambda with metrics and tracing on', () => {
  it('logs the request and publishes its EMF metrics, counting its DynamoDB calls', async () => {
    const token = await cognito.sign({
      sub: 'a',
      'cognito:groups': ['ADMIN'],
      agency_id: 'binjai',
    });
    const { result, lines } = await invoke(
      restProxyEvent(
        'POST',
        '/graphql',
        { query: 'query Staff { employees(first: 2) { totalCount } }' },
        {
          Authorization: `Bearer ${token}`,
        },
      ),
      'aws-req-metrics',
    );
    expect(result.statusCode).toBe(200);
    const request = lines.find((l) => l.message === 'GraphQL request');
    const emf = lines.find((l) => l._aws);
    expect(request).toMatchObject({
      requestId: 'aws-req-metrics',
      operation: 'Staff',
      outcome: 'ok',
      status: 200,
    });
    expect(request.dynamoCalls).toBeGreaterThan(0);
    expect(emf).toMatchObject({
      stage: 'dev',
      service: 'graphql',
      operation: 'other',
      outcome: 'ok',
      Requests: 1,
      DynamoDBCalls: request.dynamoCalls,
    });
    expect(lines).toHaveLength(2);
  });

  it('reports a refused token as a client error', async () => {
    const { result, lines } = await invoke(
      restProxyEvent('POST', '/graphql', { query: '{ me { role } }' }, { Authorization: 'Bearer nope' }),
      'aws-req-refused',
    );
    expect(result.statusCode).toBe(401);
    expect(lines.find((l) => l._aws)).toMatchObject({
      outcome: 'client_error',
      Requests: 1,
      DynamoDBCalls: 0,
    });
  });

  it('does not count the health check or the playground files as GraphQL requests', async () => {
    const { result, lines } = await invoke(restProxyEvent('GET', '/health'), 'aws-req-health');
    expect(result.statusCode).toBe(200);
    expect(lines).toEqual([]);
  });
});
