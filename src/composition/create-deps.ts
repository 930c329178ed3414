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
import { createProcessDeps, type EntryPoint, type ProcessDeps, type ProcessOptions } from './process-deps';
import type { RequestAuth } from './request-auth';

/** DynamoDB's low-level and document clients. */
export type DynamoClients = ReturnType<typeof createDynamoClients>;

/** Everything an entry point runs on, built once per process (Lambda cold start, `npm start`, a test file). */
export interface Deps extends ProcessDeps {
  dynamo: DynamoClients;
  table: Table;
  /** The services' ports (repositories, clock, ids), for system jobs that act for no caller. */
  repositories: ServiceDeps;
  services: Services;
  /** Bearer tokens to callers; verified tokens are remembered until they expire. */
  verifier: TokenVerifier;
}

/** What the entry point brings beyond the configuration. */
export interface DepsOptions extends ProcessOptions {
  entryPoint: EntryPoint;
  /**
   * For entry points that serve requests: the verifier and cursor secret, resolved by
   * deployedRequestAuth (AWS) or localRequestAuth (`npm start`, scripts, tests). System jobs leave
   * it out and hold no secret at all (see keyless).
   */
  requestAuth?: RequestAuth | undefined;
  dynamo?: DynamoClients;
}

/**
 * The composition root, used by every entry point that touches data (Lambda handlers, `npm start`,
 * scripts, tests): builds clients, repositories and services once; no request state, no I/O.
 */
export function createDeps(config: Config, options: DepsOptions): Deps {
  const base = createProcessDeps(config, options.entryPoint, options);
  const { clock, newId } = base;
  const dynamo =
    options.dynamo ?? createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
  const table = new Table(dynamo.doc, config.tableName);
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
  return { ...base, dynamo, table, repositories, services, verifier };
}
