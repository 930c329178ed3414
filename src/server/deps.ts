import { Logger } from '@aws-lambda-powertools/logger';
import { monotonicFactory } from 'ulid';
import { cachingVerifier } from '../auth/caching-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';
import { createCursorCodec } from '../data/cursor';
import { createDynamoClients } from '../data/dynamo-client';
import { createRepositories } from '../data/repositories/create-repositories';
import { Table } from '../data/table';
import { createAddressHasher } from '../services/client-address';
import { createServices, type Services } from '../services/create-services';
import type { ServiceDeps } from '../services/ports';

/** Everything built once per process (Lambda cold start, `npm start`, a test file). */
export interface Deps {
  config: Config;
  dynamo: ReturnType<typeof createDynamoClients>;
  table: Table;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  verifier: TokenVerifier;
  /** Repositories, clock and ids, for system jobs (stream aggregation, sweeps) that act for no caller. */
  repositories: ServiceDeps;
  services: Services;
}

export type { Services };

/** What the entry point decides: how tokens are verified and which secret signs cursors. */
export interface DepsOptions {
  verifier: TokenVerifier;
  cursorSecret: string;
  clock?: () => Date;
  newId?: () => string;
  logger?: Logger;
  dynamo?: ReturnType<typeof createDynamoClients>;
}

/** Builds clients, repositories and services; no request-specific state. */
export function createDeps(config: Config, options: DepsOptions): Deps {
  const dynamo =
    options.dynamo ?? createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
  const table = new Table(dynamo.doc, config.tableName);
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? monotonicFactory();
  const logger =
    options.logger ?? new Logger({ serviceName: 'pembinaan-asn-api', logLevel: config.logLevel });
  const repositories: ServiceDeps = {
    ...createRepositories(table, createCursorCodec(options.cursorSecret)),
    clock,
    newId,
  };
  return {
    config,
    dynamo,
    table,
    clock,
    newId,
    logger,
    // Verified tokens are remembered until they expire: a dashboard's requests skip the signature check.
    verifier: cachingVerifier(options.verifier),
    repositories,
    services: createServices(repositories, {
      feedbackLimits: config.feedbackLimits,
      auditRetentionDays: config.auditRetentionDays,
      hashAddress: createAddressHasher(options.cursorSecret),
    }),
  };
}

export type { ServiceDeps };
