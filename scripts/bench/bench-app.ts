import { type ApolloServer, HeaderMap } from '@apollo/server';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { GraphQLContext } from '../../resolvers/context';
import type { ApiClaims } from '../../src/auth/token-claims';
import { createDeps, type Deps } from '../../src/composition/create-deps';
import { loadConfig } from '../../src/config/load-config';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { attachRequestCounter, type RequestCounter } from '../../src/data/request-counter';
import type { DevSecrets } from '../../src/local/dev-secrets';
import { signLocalToken } from '../../src/local/local-issuer';
import { localRequestAuth } from '../../src/local/local-request-auth';
import { createServer } from '../../src/server/create-server';
import { executeInProcess } from '../../src/server/in-process-request';

/** Where a bench app runs. */
export interface BenchAppOptions {
  dynamoEndpoint: string;
  tableName: string;
  /** Holds the dev issuer's keys and the cursor secret (as DATA_DIR does for `npm start`). */
  dataDir: string;
  /** Create the table when missing (default true). */
  createTable?: boolean;
  /**
   * Create it with its stream (default true, as `npm start` runs). A figure that never follows
   * the stream leaves it off: DynamoDB Local spends most of each write on a stream record.
   */
  stream?: boolean;
  /** More settings, as environment variables (e.g. the limits: RESPONSE_MAX_BYTES...). */
  env?: Record<string, string>;
}

/** A response as the HTTP server would send it. */
export interface BenchResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface BenchApp {
  deps: Deps;
  server: ApolloServer<GraphQLContext>;
  counter: RequestCounter;
  /** The server's DynamoDB client (to watch what it sends). */
  client: DynamoDBClient;
  secrets: DevSecrets;
  /** A bearer token signed by the local issuer (as `npm run token` prints). */
  token(claims: ApiClaims): Promise<string>;
  /** Headers of a JSON POST carrying the token. */
  headers(token: string | undefined): HeaderMap;
  /** One operation through the whole server: context (token verified), parse, validate, execute, format. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> | undefined,
    headers: HeaderMap,
  ): Promise<BenchResponse<T>>;
  /** Stops the server; `dropTable` deletes the table too (for an external DynamoDB). */
  close(options?: { dropTable?: boolean }): Promise<void>;
}

/** Claims of an agency administrator. */
export const adminClaims = (agencyId: string): ApiClaims => ({
  sub: `bench-admin-${agencyId}`,
  'cognito:groups': ['ADMIN'],
  agency_id: agencyId,
});

/** Builds and starts the server on `tableName` (created when missing). */
export async function createBenchApp(options: BenchAppOptions): Promise<BenchApp> {
  const config = loadConfig({
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    TABLE_NAME: options.tableName,
    DATA_DIR: options.dataDir,
    AWS_REGION: 'local',
    LOG_LEVEL: 'SILENT',
    ...options.env,
  });
  const requestAuth = await localRequestAuth(config);
  const secrets = requestAuth.devSecrets;
  if (!secrets) throw new Error('The bench signs its own dev tokens: run it with AUTH_MODE=local');
  const dynamo = createDynamoClients({ region: config.region, endpoint: options.dynamoEndpoint });
  const counter = attachRequestCounter(dynamo.client);
  if (options.createTable ?? true)
    await ensureTable(dynamo.client, config.tableName, { stream: options.stream ?? true });
  const deps = createDeps(config, { entryPoint: 'api', secrets: requestAuth, dynamo });
  const server = createServer(deps);
  await server.start();
  return {
    deps,
    server,
    counter,
    client: dynamo.client,
    secrets,
    token: (claims) => signLocalToken(secrets.keys, claims),
    headers(token) {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return headers;
    },
    execute(query, variables, headers) {
      return executeInProcess(server, deps, { query, variables, headers });
    },
    async close({ dropTable = false } = {}) {
      await server.stop();
      if (dropTable)
        await dynamo.client
          .send(new DeleteTableCommand({ TableName: config.tableName }))
          .catch(() => undefined);
      dynamo.client.destroy();
    },
  };
}
