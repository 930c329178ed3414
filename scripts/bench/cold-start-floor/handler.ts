/**
 * The floor of the GraphQL Lambda's cold start (issue 17): the least any Lambda serving this
 * schema from DynamoDB must do. graphql-js `buildSchema` of the same SDL at init, then per event
 * one `graphql()` call whose `employees.totalCount` sends one DynamoDB Query, through a client
 * configured as the API's (src/data/dynamo-client.ts: timeouts, 3 attempts, quiet logger, local
 * credentials). No auth, no Apollo, no observability: those are what the ratio prices.
 *
 * Built with the production esbuild options (cold-start-floor.ts) and run as the real bundle is.
 */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { buildSchema, graphql } from 'graphql';
import { typeDefs } from '../../../src/generated/type-defs';

const ignore = () => undefined;
const schema = buildSchema(typeDefs);
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'ap-southeast-3',
  requestHandler: { requestTimeout: 1500, connectionTimeout: 1000, throwOnRequestTimeout: true },
  maxAttempts: 3,
  logger: { debug: ignore, info: ignore, warn: ignore, error: ignore },
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});
const tableName = process.env.TABLE_NAME;

/** Root values: `me` answers from the event, `employees` counts one agency's employees (gsi1). */
const rootValue = {
  me: () => ({ role: 'ADMIN' }),
  employees: async () => {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'medan#Employee' } },
        Select: 'COUNT',
      }),
    );
    return { totalCount: page.Count ?? 0 };
  },
};

/** One GraphQL request per event, answered as API Gateway's proxy integration expects. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { query, variables } = JSON.parse(event.body ?? '{}') as {
    query: string;
    variables?: Record<string, unknown>;
  };
  const result = await graphql({ schema, source: query, rootValue, variableValues: variables ?? null });
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(result),
  };
}
