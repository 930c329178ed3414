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
import { keyless } from './keyless';
import type { RequestAuth } from './request-auth';

/** The entry points, by the name they log under (`pembinaan-asn-<name>`). */
export type EntryPoint = 'api' | 'aggregator' | 'complaint-sweeper' | 'pre-token-generation' | 'script';

/** DynamoDB's low-level and document clients. */
export type DynamoClients = ReturnType<typeof createDynamoClients>;

/** Everything an entry point runs on, built once per process (Lambda cold start, `npm start`, a test file). */
export interface Deps {
  config: Config;
  logger: Logger;
  clock: () => Date;
  newId: () => string;
  dynamo: DynamoClients;
  table: Table;
  /** The services' ports (repositories, clock, ids), for system jobs that act for no caller. */
  repositories: ServiceDeps;
  services: Services;
  /** Bearer tokens to callers; verified tokens are remembered until they expire. */
  verifier: TokenVerifier;
}

/** What the entry point brings beyond the configuration. */
export interface DepsOptions {
  entryPoint: EntryPoint;
  /**
   * For entry points that serve requests: the verifier and cursor secret, resolved by
   * deployedRequestAuth (AWS) or localRequestAuth (`npm start`, scripts, tests). System jobs leave
   * it out and hold no secret at all (see keyless).
   */
  requestAuth?: RequestAuth | undefined;
  /** Tests and scripts replace these; entry points keep the defaults. */
  clock?: () => Date;
  newId?: () => string;
  logger?: Logger;
  dynamo?: DynamoClients;
}

/**
 * The composition root, used by every entry point (Lambda handlers, `npm start`, scripts, tests):
 * builds clients, repositories and services once; no request-specific state, no I/O.
 */
export function createDeps(config: Config, options: DepsOptions): Deps {
  const dynamo =
    options.dynamo ?? createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
  const table = new Table(dynamo.doc, config.tableName);
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? monotonicFactory();
  const logger =
    options.logger ??
    new Logger({ serviceName: `pembinaan-asn-${options.entryPoint}`, logLevel: config.logLevel });
  const { requestAuth } = options;
  const keys = requestAuth
    ? {
        verifier: requestAuth.verifier,
        cursors: createCursorCodec(requestAuth.cursorSecret),
        hashAddress: createAddressHasher(requestAuth.cursorSecret),
      }
    : keyless(options.entryPoint);
  const repositories: ServiceDeps = { ...createRepositories(table, keys.cursors), clock, newId };
  const services = createServices(repositories, {
    feedbackLimits: config.feedbackLimits,
    auditRetentionDays: config.auditRetentionDays,
    hashAddress: keys.hashAddress,
  });
  // Verified tokens are remembered until they expire: a dashboard's requests skip the signature check.
  const verifier = requestAuth ? cachingVerifier(keys.verifier) : keys.verifier;
  return { config, logger, clock, newId, dynamo, table, repositories, services, verifier };
}
