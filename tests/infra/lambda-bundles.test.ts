import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlFunction } from '../../infra/constructs/graphql-function';
import { ApiTable } from '../../infra/constructs/table';
import { APOLLO_REPORTING_PLUGINS, LAMBDA_ENTRIES } from '../../infra/lambda-bundling';
import { TRUSTED_DOCUMENTS_DIR_IN_LAMBDA } from '../../infra/trusted-documents';
import { lambdaEnv } from '../../scripts/bench/lambda-cold-start';
import { restProxyEvent, streamEvent, streamInsertRecord } from '../../scripts/bench/lambda-events';
import { invokeBundle } from '../../scripts/bench/lambda-invoke';
import {
  buildLambdas,
  DEFAULT_LAMBDA_OUT_ROOT,
  graphqlCopies,
  type LambdaBuild,
} from '../../scripts/build-lambdas';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { documentHash } from '../../src/auth/trusted-documents';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import {
  type CognitoStandIn,
  createCognitoStandIn,
  STAND_IN_CLIENT_ID,
} from '../../src/local/cognito-stand-in';
import { dynamoEndpoint } from '../helpers/dynamo-endpoint';
import { stageConfigFor } from './synth-stack';

const tableName = `bundles-${Date.now()}`;
let builds: Map<string, LambdaBuild>;
let env: Record<string, string>;
let cognito: CognitoStandIn;
/** The GraphQL function's package as `cdk synth` writes it, and its environment variables. */
let packaged: { outdir: string; dir: string; env: Record<string, string> };

const PARTNER_MANIFEST = 'examples/partner/src/gql/persisted-documents.json';
const DASHBOARD_MANIFEST = 'examples/dashboard/src/gql/persisted-documents.json';

beforeAll(async () => {
  const endpoint = dynamoEndpoint();
  const [built, standIn] = await Promise.all([
    buildLambdas(),
    createCognitoStandIn({ partnerClientIds: ['partner-usu'] }),
    ensureTable(createDynamoClients({ region: 'local', endpoint }).client, tableName),
  ]);
  builds = new Map(built.map((b) => [b.name, b]));
  cognito = standIn;
  env = lambdaEnv({ dynamoEndpoint: endpoint, tableName, cognito });
  packaged = synthGraphqlPackage();
});

afterAll(() => rmSync(packaged.outdir, { recursive: true, force: true }));

/**
 * Synthesizes the prod GraphQL function, bundled by the NodejsFunction construct, with the partner
 * `usu` and the dashboard (here the stand-in pool's staff client) held to their trusted documents.
 */
function synthGraphqlPackage(): typeof packaged {
  const outdir = mkdtempSync(join(tmpdir(), 'asn-cdk-bundle-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'BundleCheck');
  const config = stageConfigFor('prod', {
    dashboardOrigins: ['https://dashboard.example.go.id'],
    trustedDocuments: [
      { client: 'usu', manifest: PARTNER_MANIFEST },
      { client: 'dashboard', manifest: DASHBOARD_MANIFEST },
    ],
  });
  const graphql = new GraphqlFunction(stack, 'Graphql', {
    config,
    table: new ApiTable(stack, 'Data', { config }),
    userPoolId: 'ap-southeast-3_BundleCheck',
    clientIds: [STAND_IN_CLIENT_ID],
    staffClientId: STAND_IN_CLIENT_ID,
  });
  app.synth();
  const cfn = graphql.lambda.fn.node.defaultChild as CfnFunction;
  const code = stack.resolve(cfn.code) as { s3Key: string };
  const environment = stack.resolve(cfn.environment) as { variables: Record<string, string> };
  return {
    outdir,
    dir: join(outdir, `asset.${code.s3Key.replace(/\.zip$/, '')}`),
    env: environment.variables,
  };
}

/** Modules for development only: the dev issuer and secrets, demo data, the browser playground. */
const DEVELOPMENT_ONLY = /^src\/(local|demo|playground)\//;

/** One document of each example client's manifest. */
const PARTNER_DOCUMENT = Object.values(
  JSON.parse(readFileSync(PARTNER_MANIFEST, 'utf8')) as Record<string, string>,
).find((d) => d.startsWith('query PartnerEnrollments')) as string;
const DASHBOARD_DOCUMENT = Object.values(
  JSON.parse(readFileSync(DASHBOARD_MANIFEST, 'utf8')) as Record<string, string>,
).find((d) => d.startsWith('query MeasureCatalog')) as string;

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

  it("hash Apollo's queries with node:crypto, not with sha.js (pure-JS SHA-256, chosen when bundled)", () => {
    const inputs = Object.keys((builds.get('graphql') as LambdaBuild).metafile.inputs);
    expect(inputs.filter((p) => /node_modules\/(sha\.js|@apollo\/utils\.createhash)\//.test(p))).toEqual([]);
    expect(inputs).toContain('src/server/apollo-create-hash.ts');
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
    const fromCdk = readFileSync(join(packaged.dir, 'index.mjs'));
    expect(fromCdk.equals(readFileSync(bundle('graphql')))).toBe(true);
  });

  it("carry the strict clients' manifests in the GraphQL package, where TRUSTED_DOCUMENTS points", () => {
    expect(readdirSync(join(packaged.dir, 'trusted-documents')).sort()).toEqual([
      'dashboard.json',
      'partner-usu.json',
    ]);
    for (const [file, manifest] of [
      ['partner-usu.json', PARTNER_MANIFEST],
      ['dashboard.json', DASHBOARD_MANIFEST],
    ] as const)
      expect(readFileSync(join(packaged.dir, 'trusted-documents', file), 'utf8')).toBe(
        readFileSync(manifest, 'utf8'),
      );
    expect(packaged.env.TRUSTED_DOCUMENTS).toBe(
      `partner:usu=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/partner-usu.json,` +
        `client:${STAND_IN_CLIENT_ID}=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/dashboard.json`,
    );
  });

  it('hold a strict client to its manifest when run from that package: another document is a 403', async () => {
    const partner = await cognito.sign({
      client_id: 'partner-usu',
      partner_id: 'usu',
      scope: PARTNER_READ_SCOPE,
    });
    const staff = await cognito.sign({ sub: 'x', 'cognito:groups': ['ADMIN'], agency_id: 'medan' });
    const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    const ask = (path: string, token: string, body: Record<string, unknown>) =>
      restProxyEvent('POST', path, body, { authorization: `Bearer ${token}` });
    const { results } = await invokeBundle({
      bundle: join(packaged.dir, 'index.mjs'),
      env: {
        ...env,
        // The package's own manifests, where the function finds them in AWS (/var/task).
        TRUSTED_DOCUMENTS: String(packaged.env.TRUSTED_DOCUMENTS).replaceAll(
          TRUSTED_DOCUMENTS_DIR_IN_LAMBDA,
          join(packaged.dir, 'trusted-documents'),
        ),
      },
      events: [
        ask('/partner/graphql', partner, { query: '{ me { role } }' }),
        ask('/partner/graphql', partner, {
          ...byHash(documentHash(PARTNER_DOCUMENT)),
          variables: { first: 1 },
        }),
        ask('/graphql', staff, byHash('0'.repeat(64))),
        ask('/graphql', staff, byHash(documentHash(DASHBOARD_DOCUMENT))),
      ],
    });
    const [unknownPartner, partnerOwn, unknownDashboard, dashboardOwn] = results as {
      statusCode: number;
      body: string;
    }[];
    for (const refused of [unknownPartner, unknownDashboard]) {
      expect(refused?.statusCode).toBe(403);
      expect(JSON.parse(refused?.body ?? '').errors[0].extensions).toEqual({
        code: 'FORBIDDEN',
        deniedBy: 'TRUSTED_DOCUMENTS',
      });
    }
    expect(partnerOwn?.statusCode).toBe(200);
    expect(JSON.parse(partnerOwn?.body ?? '').data.partnerEnrollments.totalCount).toBe(0);
    expect(dashboardOwn?.statusCode).toBe(200);
    const dashboardBody = JSON.parse(dashboardOwn?.body ?? '');
    expect(dashboardBody.errors).toBeUndefined();
    expect(dashboardBody.data.aggregateCapabilities.measures.length).toBeGreaterThan(0);
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

  it('presign an import upload without the S3 client, and with no empty-body checksum in the URL', async () => {
    const inputs = Object.keys((builds.get('graphql') as LambdaBuild).metafile.inputs);
    expect(
      inputs.filter((p) => /node_modules\/@aws-sdk\/(client-s3|s3-request-presigner)\//.test(p)),
    ).toEqual([]);
    // The import function reads the files, so it keeps the client.
    expect(Object.keys((builds.get('import-file') as LambdaBuild).metafile.inputs)).toContainEqual(
      expect.stringContaining('node_modules/@aws-sdk/client-s3/'),
    );
    const token = await cognito.sign({ sub: 'x', 'cognito:groups': ['ADMIN'], agency_id: 'medan' });
    const { results } = await invokeBundle({
      bundle: bundle('graphql'),
      env: { ...env, IMPORT_BUCKET: 'pembinaan-asn-imports-check' },
      events: [
        restProxyEvent(
          'POST',
          '/graphql',
          {
            query:
              'mutation { createImport(input: { kind: EMPLOYEES, fileName: "pegawai.csv" }) { upload { url method } } }',
          },
          { authorization: `Bearer ${token}` },
        ),
      ],
    });
    const [response] = results as { statusCode: number; body: string }[];
    const body = JSON.parse(response?.body ?? '');
    expect(body.errors).toBeUndefined();
    const url = new URL(body.data.createImport.upload.url);
    expect(body.data.createImport.upload.method).toBe('PUT');
    expect(url.host).toBe('pembinaan-asn-imports-check.s3.local.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^local\/\d{8}\/local\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
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
