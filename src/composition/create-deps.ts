import { cachingVerifier } from '../auth/caching-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import { loadTrustedDocuments, type TrustedDocuments } from '../auth/trusted-documents';
import type { Config } from '../config/load-config';
import { createCursorCodec } from '../data/cursor';
import { observeDynamoCalls } from '../data/dynamo-call-observer';
import { createDynamoClients } from '../data/dynamo-client';
import { createS3UploadTargets } from '../data/imports/s3-upload-targets';
import { createRepositories } from '../data/repositories/create-repositories';
import { createRetryPolicy, type RetryPolicy } from '../data/retry-policy';
import { Table } from '../data/table';
import type { UploadTargets } from '../domain/onboarding/import-ports';
import { createSecretBox, type SecretBox } from '../domain/webhooks/secret-box';
import { siasnCourseResults } from '../export/siasn-course-results';
import { siasnSkpResults } from '../export/siasn-skp-results';
import { KNOWN_CLIENT_DOCUMENT_HASHES } from '../observability/known-client-documents';
import {
  createRequestObserver,
  type MetricsSink,
  type RequestObserver,
  type Tracing,
} from '../observability/request-observer';
import { createAddressHasher } from '../services/client-address';
import { createServices, type Services } from '../services/create-services';
import type { ServiceDeps } from '../services/ports';
import { keyless } from './keyless';
import { createProcessDeps, type EntryPoint, type ProcessDeps, type ProcessOptions } from './process-deps';
import type { DeploymentSecrets, RequestAuth } from './request-auth';
import { STARTED, type StartupStatus } from './startup-status';

/** DynamoDB's low-level and document clients. */
export type DynamoClients = ReturnType<typeof createDynamoClients>;

/** Everything an entry point runs on, built once per process (Lambda cold start, `npm start`, a test file). */
export interface Deps extends ProcessDeps {
  dynamo: DynamoClients;
  table: Table;
  /** The one retry policy: per-request budgets (`forRequest`), system jobs (`forJob`). */
  retries: RetryPolicy;
  /** The services' ports (repositories, clock, ids), for system jobs that act for no caller. */
  repositories: ServiceDeps;
  services: Services;
  /** Seals and opens webhook signing secrets. */
  secretBox: SecretBox;
  /** Bearer tokens to callers; verified tokens are remembered until they expire. */
  verifier: TokenVerifier;
  /** The configured clients' trusted documents (TRUSTED_DOCUMENTS), read once at start. */
  trustedDocuments: TrustedDocuments;
  /** Reports each request (log line; metrics and traces where enabled), and the tracing for resolvers. */
  observability: { observer: RequestObserver; tracing: Tracing | undefined };
  /** Whether the process still loads what it serves (`npm start`'s first seed); never in AWS. */
  startup: StartupStatus;
}

/** What the entry point brings beyond the configuration. */
export interface DepsOptions extends ProcessOptions {
  entryPoint: EntryPoint;
  /**
   * The deployment's secrets, with a token verifier where the entry point serves requests: from
   * deployedRequestAuth or deployedSecrets (AWS), localRequestAuth (`npm start`, scripts, tests).
   * A job that neither pages, hashes addresses nor opens webhook secrets has none (see keyless).
   */
  secrets?: DeploymentSecrets | RequestAuth | undefined;
  /** Clients built by the caller (tests count their requests); give them the same `retries`. */
  dynamo?: DynamoClients;
  retries?: RetryPolicy;
  /** Metrics and traces (AWS: src/server/aws-observability.ts, from the GraphQL handler); none locally. */
  metrics?: MetricsSink | undefined;
  tracing?: Tracing | undefined;
  /** Documents whose operation names are metric dimensions, by sha256 hex (default: the example clients'). */
  isTrustedDocument?: (hash: string) => boolean;
  /**
   * Where createImport sends files: S3 presigned PUTs when IMPORT_BUCKET is set; locally the
   * local server's upload route (src/local/local-upload-targets.ts), which the local entry points
   * pass in. Without either, createImport is refused (see noUploadTargets).
   */
  uploads?: UploadTargets | undefined;
  /** `npm start` serves while its demo data loads (src/server/startup-status.ts); default: started. */
  startup?: StartupStatus;
}

/**
 * The composition root, used by every entry point that touches data (Lambda handlers, `npm start`,
 * scripts, tests): builds clients, repositories and services once; no request state, no I/O.
 */
export function createDeps(config: Config, options: DepsOptions): Deps {
  const base = createProcessDeps(config, options.entryPoint, options);
  const { clock, newId } = base;
  const retries = options.retries ?? createRetryPolicy({ budgets: config.retryBudgets });
  const dynamo =
    options.dynamo ??
    createDynamoClients({
      region: config.region,
      endpoint: config.dynamoEndpoint,
      timeouts: config.dynamoTimeouts,
      retries,
    });
  const table = new Table(dynamo.doc, config.tableName, retries);
  // With LOG_LEVEL=debug, every DynamoDB call logged with its request id, without values.
  observeDynamoCalls(dynamo.client, base.logger, config.logLevel === 'DEBUG');
  const trustedDocuments = loadTrustedDocuments(config.trustedDocuments);
  const observer = createRequestObserver({
    logger: base.logger,
    policy: {
      isTrustedDocument:
        options.isTrustedDocument ??
        ((hash) => KNOWN_CLIENT_DOCUMENT_HASHES.has(hash) || trustedDocuments.byHash(hash) !== undefined),
      allowedNames: new Set(config.observability.metricOperations),
    },
    metrics: options.metrics,
    tracing: options.tracing,
  });
  const { secrets } = options;
  const keys = secrets
    ? {
        verifier: 'verifier' in secrets ? secrets.verifier : keyless(options.entryPoint).verifier,
        cursors: createCursorCodec(secrets.cursorSecret),
        hashAddress: createAddressHasher(secrets.cursorSecret),
        // Locally the sealing key derives from the cursor secret (HKDF, its own label); in AWS it is
        // a secret of its own, so rotating the cursor key never makes stored webhook secrets unreadable.
        secretBox: createSecretBox(secrets.webhookSecretKey ?? secrets.cursorSecret),
      }
    : keyless(options.entryPoint);
  const repositories: ServiceDeps = {
    ...createRepositories(table, keys.cursors, clock),
    clock,
    newId,
    retries,
  };
  const services = createServices(repositories, {
    feedbackLimits: config.feedbackLimits,
    auditRetentionDays: config.auditRetentionDays,
    hashAddress: keys.hashAddress,
    secretBox: keys.secretBox,
    webhookUrlPolicy: config.webhooks.urlPolicy,
    uploads: options.uploads ?? uploadTargetsOf(config, options.entryPoint),
    courseResults: (agencyId, year, unitId) => siasnCourseResults(table, agencyId, year, unitId),
    skpResults: (agencyId, year, unitId) => siasnSkpResults(table, agencyId, year, unitId),
    nationalCalendarEditors: config.nationalCalendarEditors,
  });
  // Verified tokens are remembered until they expire: a dashboard's requests skip the signature check.
  const verifier = secrets && 'verifier' in secrets ? cachingVerifier(keys.verifier) : keys.verifier;
  return {
    ...base,
    dynamo,
    table,
    retries,
    repositories,
    services,
    verifier,
    secretBox: keys.secretBox,
    trustedDocuments,
    observability: { observer, tracing: options.tracing },
    startup: options.startup ?? STARTED,
  };
}

/** S3 presigned PUTs where IMPORT_BUCKET is set (AWS); elsewhere none unless the entry point gives some. */
function uploadTargetsOf(config: Config, entryPoint: string): UploadTargets {
  const { bucket } = config.imports;
  if (bucket) return createS3UploadTargets(config.region, bucket);
  return {
    targetFor: async () => {
      throw new Error(`${entryPoint} has no upload targets: set IMPORT_BUCKET, or pass local ones`);
    },
  };
}
