import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../infra/constructs/lambda-function';
import { APOLLO_REPORTING_PLUGINS, LAMBDA_ENTRIES } from '../../infra/lambda-bundling';
import { lambdaEnv } from '../../scripts/bench/lambda-cold-start';
import { restProxyEvent, streamEvent, streamInsertRecord } from '../../scripts/bench/lambda-events';
import { invokeBundle } from '../../scripts/bench/lambda-invoke';
import {
  buildLambdas,
  DEFAULT_LAMBDA_OUT_ROOT,
  graphqlCopies,
  type LambdaBuild,
} from '../../scripts/build-lambdas';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { type CognitoStandIn, createCognitoStandIn } from '../../src/local/cognito-stand-in';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';
import { stageConfigFor } from './synth-stack';

const tableName = `bundles-${Date.now()}`;
let builds: Map<string, LambdaBuild>;
let env: Record<string, string>;
let cognito: CognitoStandIn;

beforeAll(async () => {
  const endpoint = dynamoEndpoint();
  const [built, standIn] = await Promise.all([
    buildLambdas(),
    createCognitoStandIn(),
    ensureTable(createDynamoClients({ region: 'local', endpoint }).client, tableName),
  ]);
  builds = new Map(built.map((b) => [b.name, b]));
  cognito = standIn;
  env = lambdaEnv({ dynamoEndpoint: endpoint, tableName, cognito });
});

/** Modules for development only: the dev issuer and secrets, demo data, the browser playground. */
const DEVELOPMENT_ONLY = /^src\/(local|demo|playground)\//;

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

  it("leave out Apollo's reporting plugins and their protobuf code, which the API never runs", () => {
    const { metafile } = builds.get('graphql') as LambdaBuild;
    const inputs = Object.keys(metafile.inputs);
    expect(
      inputs.filter((p) =>
        /usage-reporting-protobuf|protobufjs|plugin\/(usageReporting|inlineTrace|schemaReporting)\//.test(p),
      ),
    ).toEqual([]);
    // What esbuild left out stays an import() in the bundle, never reached (next test).
    const code = readFileSync(bundle('graphql'), 'utf8');
    for (const path of APOLLO_REPORTING_PLUGINS) expect(code).toContain(`import("${path}")`);
  });

  it('answer with Apollo reporting asked for by the environment (APOLLO_KEY, graph ref, schema reporting): it stays off', async () => {
    const { results } = await invokeBundle({
      bundle: bundle('graphql'),
      env: {
        ...env,
        APOLLO_KEY: 'service:bench:not-a-key',
        APOLLO_GRAPH_REF: 'bench@current',
        APOLLO_SCHEMA_REPORTING: 'true',
      },
      events: [restProxyEvent('POST', '/graphql', { query: '{ __typename }' })],
    });
    const [response] = results as { statusCode: number; body: string }[];
    expect(response?.statusCode).toBe(200);
    expect(JSON.parse(response?.body ?? '')).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(Object.keys(LAMBDA_ENTRIES))(
    'ship no development module: %s holds nothing from src/local, src/demo or src/playground',
    (name) => {
      const { metafile } = builds.get(name) as LambdaBuild;
      const sources = Object.keys(metafile.inputs).filter((path) => !path.includes('node_modules/'));
      // Paths are relative to the project root: the bundle's own entry is among them.
      expect(sources).toContain(LAMBDA_ENTRIES[name as keyof typeof LAMBDA_ENTRIES]);
      expect(sources.filter((path) => DEVELOPMENT_ONLY.test(path))).toEqual([]);
    },
  );

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

  it('answer an anonymous and a Cognito-authenticated GraphQL query in a fresh node process', async () => {
    const token = await cognito.sign({
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
