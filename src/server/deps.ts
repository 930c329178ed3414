import { Logger } from '@aws-lambda-powertools/logger';
import { monotonicFactory } from 'ulid';
import { cachingVerifier } from '../auth/caching-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';
import { createCursorCodec } from '../data/cursor';
import { createDynamoClients } from '../data/dynamo-client';
import { createRepositories, type Repositories } from '../data/repositories/create-repositories';
import { createRetryPolicy, type RetryPolicy } from '../data/retry-policy';
import { Table } from '../data/table';
import { createAnalyticsService } from '../services/analytics-service';
import { createAuditService } from '../services/audit-service';
import { createAddressHasher } from '../services/client-address';
import { createEmployeeDevelopmentService } from '../services/employee-development-service';
import { createEmployeeService } from '../services/employee-service';
import { createEnrollmentService } from '../services/enrollment-service';
import { createEvaluationService } from '../services/evaluation-service';
import { createFeedbackRateLimit } from '../services/feedback-rate-limit';
import { createFeedbackService } from '../services/feedback-service';
import { createMentorshipService } from '../services/mentorship-service';
import { createOrganizationService } from '../services/organization-service';
import { createPartnerSyncService } from '../services/partner-sync-service';
import { createPerformanceService } from '../services/performance-service';
import { createPlanService } from '../services/plan-service';
import { createTrainingService } from '../services/training-service';

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
  /** Repositories, clock and ids, for system jobs (stream aggregation, sweeps) that act for no caller. */
  repositories: ServiceDeps;
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
  const repositories: ServiceDeps = {
    ...createRepositories(table, createCursorCodec(options.cursorSecret), clock),
    clock,
    newId,
    retries,
  };
  return {
    config,
    dynamo,
    table,
    retries,
    clock,
    newId,
    logger,
    // Verified tokens are remembered until they expire: a dashboard's requests skip the signature check.
    verifier: cachingVerifier(options.verifier),
    repositories,
    services: createServices(repositories, {
      config,
      // Client addresses are stored only as keyed hashes (rate-limit keys, audit entries).
      hashAddress: createAddressHasher(options.cursorSecret),
    }),
  };
}

/** What every service factory receives: the repositories, the clock, the id generator and the retry policy. */
export type ServiceDeps = Repositories & { clock: () => Date; newId: () => string; retries: RetryPolicy };

/** Settings and helpers some services need beyond ServiceDeps. */
interface ServiceSettings {
  config: Config;
  hashAddress: (address: string) => string;
}

function createServices(deps: ServiceDeps, { config, hashAddress }: ServiceSettings) {
  return {
    employees: createEmployeeService(deps),
    analytics: createAnalyticsService(deps),
    partnerSync: createPartnerSyncService(deps),
    organization: createOrganizationService(deps),
    training: createTrainingService(deps),
    enrollments: createEnrollmentService(deps),
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
    audit: createAuditService({ ...deps, hashAddress, defaultRetentionDays: config.auditRetentionDays }),
  };
}
