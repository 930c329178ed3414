import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../infra/constructs/lambda-function';
import { lambdaEnv } from '../../scripts/bench/lambda-cold-start';
import { restProxyEvent, streamEvent, streamInsertRecord } from '../../scripts/bench/lambda-events';
import { invokeBundle } from '../../scripts/bench/lambda-invoke';
import {
  buildLambdas,
  DEFAULT_LAMBDA_OUT_ROOT,
  graphqlCopies,
  type LambdaBuild,
} from '../../scripts/build-lambdas';
import { signLocalToken } from '../../src/auth/local-issuer';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { type DevSecrets, ensureDevSecrets } from '../../src/local/dev-secrets';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';
import { stageConfigFor } from './synth-stack';

const tableName = `bundles-${Date.now()}`;
let builds: Map<string, LambdaBuild>;
let env: Record<string, string>;
let secrets: DevSecrets;

beforeAll(async () => {
  const endpoint = dynamoEndpoint();
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-bundles-'));
  const [built] = await Promise.all([
    buildLambdas(),
    ensureTable(createDynamoClients({ region: 'local', endpoint }).client, tableName),
    ensureDevSecrets(dataDir).then((s) => {
      secrets = s;
    }),
  ]);
  builds = new Map(built.map((b) => [b.name, b]));
  env = lambdaEnv({ dynamoEndpoint: endpoint, tableName, dataDir });
});

function bundle(name: string): string {
  return join(DEFAULT_LAMBDA_OUT_ROOT, name, 'index.mjs');
}

describe('the Lambda bundles (built with the NodejsFunction esbuild options)', () => {
  it('hold exactly one copy of graphql, its ESM build, and one Apollo Server', () => {
    const { metafile } = builds.get('graphql') as LambdaBuild;
    expect(graphqlCopies(metafile)).toEqual(['node_modules/graphql (.mjs)']);
    const apolloCjs = Object.keys(metafile.inputs).filter((p) => p.includes('@apollo/server/dist/cjs/'));
    expect(apolloCjs).toEqual([]);
  });

  it('are byte for byte what the NodejsFunction construct bundles at synth', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'asn-cdk-bundle-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundleCheck');
    const graphql = new LambdaFunction(stack, 'Graphql', {
      config: stageConfigFor('prod', { dashboardOrigins: ['https://dashboard.example.go.id'] }),
      name: 'graphql',
      description: 'bundle check',
    });
    app.synth();
    const code = Stack.of(graphql).resolve((graphql.fn.node.defaultChild as CfnFunction).code) as {
      s3Key: string;
    };
    const assetDir = `asset.${code.s3Key.replace(/\.zip$/, '')}`;
    const fromCdk = readFileSync(join(outdir, assetDir, 'index.mjs'));
    expect(fromCdk.equals(readFileSync(bundle('graphql')))).toBe(true);
    rmSync(outdir, { recursive: true, force: true });
  });

  it('answer an anonymous and an authenticated GraphQL query in a fresh node process', async () => {
    const token = await signLocalToken(secrets.keys, {
      sub: 'x',
      'cognito:groups': ['ADMIN'],
      agency_id: 'medan',
    });
    const { results } = await invokeBundle({
      bundle: bundle('graphql'),
      env,
      nodeFlags: ['--enable-source-maps'],
      events: [
        restProxyEvent('POST', '/graphql', { query: '{ __typename me { role } }' }),
        restProxyEvent(
          'POST',
          '/graphql',
          { query: '{ me { role } employees(first: 1) { totalCount } }' },
          { authorization: `Bearer ${token}` },
        ),
        restProxyEvent('GET', '/health'),
      ],
    });
    const [anonymous, authenticated, health] = results as { statusCode: number; body: string }[];
    expect(anonymous?.statusCode).toBe(200);
    expect(JSON.parse(anonymous?.body ?? '')).toEqual({
      data: { __typename: 'Query', me: { role: 'PUBLIC' } },
    });
    expect(authenticated?.statusCode).toBe(200);
    expect(JSON.parse(authenticated?.body ?? '')).toEqual({
      data: { me: { role: 'ADMIN' }, employees: { totalCount: 0 } },
    });
    expect(health?.statusCode).toBe(200);
  });

  it('report a malformed stream record as the only batch item failure', async () => {
    const good = streamInsertRecord('101', 'AGENCY#medan', 'EMPLOYEE#1');
    const malformed = {
      ...streamInsertRecord('102', 'x', 'y'),
      dynamodb: { SequenceNumber: '000000000000000000102' },
    };
    const { results } = await invokeBundle({
      bundle: bundle('stream-aggregator'),
      env,
      events: [streamEvent([good]), streamEvent([good, malformed])],
    });
    expect(results).toEqual([
      { batchItemFailures: [] },
      { batchItemFailures: [{ itemIdentifier: '000000000000000000102' }] },
    ]);
  });

  it('add partner_id to a client-credentials token from the bundled trigger', async () => {
    const event = {
      version: '3',
      triggerSource: 'TokenGeneration_ClientCredentials',
      region: 'ap-southeast-3',
      userPoolId: 'ap-southeast-3_test',
      userName: 'client-usu',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-usu' },
      request: { userAttributes: {}, groupConfiguration: {}, scopes: ['pembinaan-asn/enrollments.read'] },
      response: { claimsAndScopeOverrideDetails: {} },
    };
    const { results } = await invokeBundle({
      bundle: bundle('pre-token-generation'),
      env: { PARTNER_CLIENTS: JSON.stringify({ 'client-usu': 'usu' }) },
      events: [event],
    });
    expect(results[0]).toMatchObject({
      response: {
        claimsAndScopeOverrideDetails: {
          accessTokenGeneration: { claimsToAddOrOverride: { partner_id: 'usu' } },
        },
      },
    });
  });
});
