import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restProxyEvent } from '../../scripts/bench/lambda-events';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { documentHash } from '../../src/auth/trusted-documents';
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

let handler: Handler;
let cognito: CognitoStandIn;
let restoreEnvironment: () => void;
const tableName = `lambda-${Date.now()}`;

/** The partner `unsri` is held to the example partner's manifest (as infra/trusted-documents.ts configures a strict client). */
const STRICT_MANIFEST = 'examples/partner/src/gql/persisted-documents.json';

const lambdaContext = { awsRequestId: 'aws-req-1', functionName: 'graphql' } as Context;

beforeAll(async () => {
  const endpoint = dynamoEndpoint();
  // As in AWS: Cognito tokens (a stand-in pool whose keys are given, not fetched).
  cognito = await createCognitoStandIn({ partnerClientIds: ['partner-usu', 'partner-unsri'] });
  const { client, doc } = createDynamoClients({ region: 'local', endpoint });
  // The handler never reads the stream: without it the seed is several times faster.
  await ensureTable(client, tableName, { stream: false });
  await seedDemoData(new Table(doc, tableName), new Date(), 'organization');
  restoreEnvironment = setEnvironment({
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    ...cognito.env,
    CURSOR_SECRET: 'lambda-test-cursor-secret-0123456789abcdef',
    LOG_LEVEL: 'SILENT',
    STAGE: 'dev',
    CORS_ORIGINS: 'https://dashboard.example.go.id',
    TRUSTED_DOCUMENTS: `partner:unsri=${STRICT_MANIFEST}`,
    ...BUSY_MACHINE_ENV,
  });
  ({ handler } = (await freshHandlerModule(() => import('../../src/handlers/graphql'))) as unknown as {
    handler: Handler;
  });
});

afterAll(() => restoreEnvironment());

describe('the GraphQL Lambda handler (API Gateway REST API event)', () => {
  it('answers an anonymous query as the public', async () => {
    const result = await handler(
      restProxyEvent('POST', '/graphql', { query: '{ __typename me { role } }' }),
      lambdaContext,
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ data: { __typename: 'Query', me: { role: 'PUBLIC' } } });
  });

  it('answers an authenticated query within the token agency', async () => {
    const token = await cognito.sign({
      sub: 'a',
      'cognito:groups': ['ADMIN'],
      agency_id: 'binjai',
    });
    const result = await handler(
      restProxyEvent(
        'POST',
        '/graphql',
        { query: '{ me { role agency { name } } employees(first: 1) { totalCount } }' },
        { Authorization: `Bearer ${token}` },
      ),
      lambdaContext,
    );
    const body = JSON.parse(result.body);
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toEqual({ role: 'ADMIN', agency: { name: 'Pemerintah Kota Binjai' } });
    expect(body.data.employees.totalCount).toBeGreaterThan(10);
  });

  it('refuses an expired token with HTTP 401 and UNAUTHENTICATED', async () => {
    const token = await cognito.sign(
      { sub: 'a', 'cognito:groups': ['ADMIN'], agency_id: 'binjai' },
      { now: new Date(Date.now() - 86_400_000), lifetimeSeconds: 3600 },
    );
    const result = await handler(
      restProxyEvent('POST', '/graphql', { query: '{ me { role } }' }, { authorization: `Bearer ${token}` }),
      lambdaContext,
    );
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('takes partner tokens on /partner/graphql only, and only partner tokens there', async () => {
    const partner = await cognito.sign({
      client_id: 'partner-usu',
      partner_id: 'usu',
      scope: PARTNER_READ_SCOPE,
    });
    const admin = await cognito.sign({
      sub: 'a',
      'cognito:groups': ['ADMIN'],
      agency_id: 'binjai',
    });
    const ask = (path: string, token: string) =>
      handler(
        restProxyEvent('POST', path, { query: '{ me { role } }' }, { Authorization: `Bearer ${token}` }),
        lambdaContext,
      );

    const onPartnerRoute = await ask('/partner/graphql', partner);
    expect(JSON.parse(onPartnerRoute.body)).toEqual({ data: { me: { role: 'PARTNER' } } });
    const partnerOnStaffRoute = await ask('/graphql', partner);
    expect(partnerOnStaffRoute.statusCode).toBe(403);
    expect(JSON.parse(partnerOnStaffRoute.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const staffOnPartnerRoute = await ask('/partner/graphql', admin);
    expect(staffOnPartnerRoute.statusCode).toBe(401);
    expect(JSON.parse(staffOnPartnerRoute.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('holds a strict partner to its trusted documents: another document is a typed 403, its own runs', async () => {
    const strict = await cognito.sign({
      client_id: 'partner-unsri',
      partner_id: 'unsri',
      scope: PARTNER_READ_SCOPE,
    });
    const [own] = Object.values(JSON.parse(readFileSync(STRICT_MANIFEST, 'utf8')) as Record<string, string>);
    const ask = (body: Record<string, unknown>) =>
      handler(
        restProxyEvent('POST', '/partner/graphql', body, { Authorization: `Bearer ${strict}` }),
        lambdaContext,
      );
    const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

    for (const body of [{ query: '{ me { role } }' }, byHash('f'.repeat(64))]) {
      const refused = await ask(body);
      expect(refused.statusCode).toBe(403);
      expect(JSON.parse(refused.body).errors[0].extensions).toEqual({
        code: 'FORBIDDEN',
        deniedBy: 'TRUSTED_DOCUMENTS',
      });
    }
    const trusted = await ask({ ...byHash(documentHash(own as string)), variables: { first: 1 } });
    expect(trusted.statusCode).toBe(200);
    const body = JSON.parse(trusted.body);
    expect(body.errors).toBeUndefined();
    expect(body.data.partnerEnrollments.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('answers GET /health (the table answers) and /health/live without touching GraphQL', async () => {
    const ready = await handler(restProxyEvent('GET', '/health'), lambdaContext);
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ok', stage: 'dev' });
    const live = await handler(restProxyEvent('GET', '/health/live'), lambdaContext);
    expect(live.statusCode).toBe(200);
  });

  it('serves the schema download in the dev stage, where introspection is on', async () => {
    const result = await handler(restProxyEvent('GET', '/graphql/schema.graphql'), lambdaContext);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('type Mutation {');
  });

  it('lets an allowed dashboard origin read the response, and no other', async () => {
    const query = { query: '{ __typename }' };
    const allowed = await handler(
      restProxyEvent('POST', '/graphql', query, { origin: 'https://dashboard.example.go.id' }),
      lambdaContext,
    );
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'https://dashboard.example.go.id',
      vary: 'Origin',
    });
    const other = await handler(
      restProxyEvent('POST', '/graphql', query, { origin: 'https://evil.example.com' }),
      lambdaContext,
    );
    expect(other.headers?.['access-control-allow-origin']).toBeUndefined();
  });
});
