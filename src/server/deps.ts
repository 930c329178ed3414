import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { monotonicFactory } from 'ulid';
import { cachingVerifier } from '../auth/caching-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';
import { createCursorCodec } from '../data/cursor';
import { observeDynamoCalls } from '../data/dynamo-call-observer';
import { createDynamoClients } from '../data/dynamo-client';
import { createS3UploadTargets } from '../data/imports/s3-import-files';
import { createRepositories, type Repositories } from '../data/repositories/create-repositories';
import { createRetryPolicy, type RetryPolicy } from '../data/retry-policy';
import { Table } from '../data/table';
import { createSecretBox, type SecretBox } from '../domain/webhooks/secret-box';
import { siasnCourseResults } from '../export/siasn-course-results';
import { createLocalUploadTargets } from '../local/local-upload-targets';
import { createAnalyticsService } from '../services/analytics-service';
import { createAuditService } from '../services/audit-service';
import { createAddressHasher } from '../services/client-address';
import { createEmployeeDevelopmentService } from '../services/employee-development-service';
import { createEmployeeService } from '../services/employee-service';
import { createEnrollmentService } from '../services/enrollment-service';
import { createEvaluationService } from '../services/evaluation-service';
import { createFeedbackRateLimit } from '../services/feedback-rate-limit';
import { createFeedbackService } from '../services/feedback-service';
import { createImportService, type UploadTargets } from '../services/import-service';
import { createInvitationService } from '../services/invitation-service';
import { createMentorshipService } from '../services/mentorship-service';
import { createOrganizationService } from '../services/organization-service';
import { createPartnerSyncService } from '../services/partner-sync-service';
import { createPerformanceService } from '../services/performance-service';
import { createPlanService } from '../services/plan-service';
import { type CourseResultsReader, createSiasnService } from '../services/siasn-service';
import { createTalentService } from '../services/talent-service';
import { createTrainingService } from '../services/training-service';
import { createWebhookDeliveryService } from '../services/webhook-delivery-service';
import { createWebhookEndpointService, type SecretSealer } from '../services/webhook-endpoint-service';
import { KNOWN_CLIENT_DOCUMENT_HASHES } from './known-client-documents';
import {
  createRequestObserver,
  type MetricsSink,
  type RequestObserver,
  type Tracing,
} from './request-observer';
import { loadTrustedDocuments, type TrustedDocuments } from './trusted-documents';

/** Everything built once per process (Lambda cold start, `npm start`, a test file). */
export interface Deps {
  config: Config;
  dynamo: ReturnType<typeof createDynamoClients>;
  table: Table;
  /** The one retry policy: per-request budgets (`forRequest`), system jobs (`forJob`). */
  retries: RetryPolicy;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  verifier: TokenVerifier;
  /** The configured clients' trusted documents (TRUSTED_DOCUMENTS), read once at start. */
  trustedDocuments: TrustedDocuments;
  /** Reports each request (log line; metrics and traces where enabled), and the tracing for resolvers. */
  observability: { observer: RequestObserver; tracing: Tracing | undefined };
  /** Repositories, clock and ids, for system jobs (stream aggregation, sweeps) that act for no caller. */
  repositories: ServiceDeps;
  /** Seals and opens webhook signing secrets. */
  secretBox: SecretBox;
  services: Services;
}

export type Services = ReturnType<typeof createServices>;

/** What the entry point decides: how tokens are verified and which secret signs cursors. */
export interface DepsOptions {
  verifier: TokenVerifier;
  cursorSecret: string;
  clock?: () => Date;
  newId?: () => string;
  logger?: Logger;
  /** Clients built by the caller (tests count their requests); give them the same `retries`. */
  dynamo?: ReturnType<typeof createDynamoClients>;
  retries?: RetryPolicy;
  /** Metrics and traces (AWS: src/server/aws-observability.ts); none locally. */
  metrics?: MetricsSink | undefined;
  tracing?: Tracing | undefined;
  /** Documents whose operation names are metric dimensions, by sha256 hex (default: the example clients'). */
  isTrustedDocument?: (hash: string) => boolean;
  /** The key sealing webhook secrets (AWS: from Secrets Manager); else WEBHOOK_SECRET_KEY, else derived from the cursor secret. */
  webhookSecretKey?: string | undefined;
  /** Where createImport sends files; default: S3 when IMPORT_BUCKET is set, else the local server. */
  uploads?: UploadTargets;
}

/** Builds clients, repositories and services; no request-specific state. */
export function createDeps(config: Config, options: DepsOptions): Deps {
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
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? monotonicFactory();
  const logger =
    options.logger ?? new Logger({ serviceName: 'pembinaan-asn-api', logLevel: config.logLevel });
  // With LOG_LEVEL=debug, every DynamoDB call logged with its request id, without values.
  observeDynamoCalls(dynamo.client, logger, config.logLevel === 'DEBUG');
  const trustedDocuments = loadTrustedDocuments(config.trustedDocuments);
  const observer = createRequestObserver({
    logger,
    policy: {
      isTrustedDocument:
        options.isTrustedDocument ??
        ((hash) => KNOWN_CLIENT_DOCUMENT_HASHES.has(hash) || trustedDocuments.byHash(hash) !== undefined),
      allowedNames: new Set(config.observability.metricOperations),
    },
    metrics: options.metrics,
    tracing: options.tracing,
  });
  const repositories: ServiceDeps = {
    ...createRepositories(table, createCursorCodec(options.cursorSecret), clock),
    clock,
    newId,
    retries,
  };
  // Locally the sealing key derives from the dev cursor secret (HKDF with its own label); in AWS it
  // is a secret of its own, so rotating the cursor key never makes stored webhook secrets unreadable.
  const secretBox = createSecretBox(
    options.webhookSecretKey ?? config.webhooks.secretKey ?? options.cursorSecret,
  );
  return {
    config,
    dynamo,
    table,
    retries,
    clock,
    newId,
    logger,
    trustedDocuments,
    observability: { observer, tracing: options.tracing },
    // Verified tokens are remembered until they expire: a dashboard's requests skip the signature check.
    verifier: cachingVerifier(options.verifier),
    repositories,
    secretBox,
    services: createServices(repositories, {
      config,
      secretBox,
      // Client addresses are stored only as keyed hashes (rate-limit keys, audit entries).
      hashAddress: createAddressHasher(options.cursorSecret),
      uploads: options.uploads ?? uploadTargetsOf(config),
      courseResults: (agencyId, year, unitId) => siasnCourseResults(table, agencyId, year, unitId),
    }),
  };
}

/** S3 presigned PUTs in AWS, the local server's upload route otherwise. */
function uploadTargetsOf(config: Config): UploadTargets {
  const { bucket, publicUrl } = config.imports;
  return bucket
    ? createS3UploadTargets(new S3Client({ region: config.region }), bucket)
    : createLocalUploadTargets(publicUrl);
}

/** What every service factory receives: the repositories, the clock, the id generator and the retry policy. */
export type ServiceDeps = Repositories & { clock: () => Date; newId: () => string; retries: RetryPolicy };

/** Settings and helpers some services need beyond ServiceDeps. */
interface ServiceSettings {
  config: Config;
  hashAddress: (address: string) => string;
  secretBox: SecretSealer;
  uploads: UploadTargets;
  /** The SIASN export's reader, for the SIASN query. */
  courseResults: CourseResultsReader;
}

function createServices(
  deps: ServiceDeps,
  { config, hashAddress, secretBox, uploads, courseResults }: ServiceSettings,
) {
  return {
    employees: createEmployeeService(deps),
    analytics: createAnalyticsService(deps),
    partnerSync: createPartnerSyncService(deps),
    organization: createOrganizationService(deps),
    training: createTrainingService(deps),
    enrollments: createEnrollmentService(deps),
    invitations: createInvitationService(deps),
    mentorships: createMentorshipService(deps),
    development: createEmployeeDevelopmentService(deps),
    performance: createPerformanceService(deps),
    evaluations: createEvaluationService(deps),
    plans: createPlanService(deps),
    // Public feedback passes this gate first: token buckets per client address and per unit.
    feedback: createFeedbackService({
      ...deps,
      gate: createFeedbackRateLimit({ ...deps, hashAddress, limits: config.feedbackLimits }),
    }),
    imports: createImportService({ ...deps, uploads }),
    siasn: createSiasnService({ courseResults }),
    talent: createTalentService(deps),
    audit: createAuditService({ ...deps, hashAddress, defaultRetentionDays: config.auditRetentionDays }),
    webhookEndpoints: createWebhookEndpointService({
      ...deps,
      secretBox,
      urlPolicy: config.webhooks.urlPolicy,
    }),
    webhookDeliveries: createWebhookDeliveryService(deps),
  };
}
