import type { CursorCodec } from '../cursor';
import { createIdempotency } from '../idempotency';
import { createImportJobStore } from '../imports/import-job-store';
import { createPartnerFeedReader } from '../partner-feed';
import { createRollupRepository } from '../rollups/rollup-reader';
import type { Table } from '../table';
import { createAuditRepository } from './audit-repository';
import { createCalendarRepository } from './calendar-repository';
import { createEmployeeRepository } from './employee-repository';
import { createEnrollmentRepository } from './enrollment-repository';
import { createEvaluationRepository } from './evaluation-repository';
import { createFeedbackRepository } from './feedback-repository';
import { createFollowUpRepository } from './follow-up-repository';
import { createMentorshipRepository } from './mentorship-repository';
import { createOrganizationRepository } from './organization-repository';
import { createPerformanceRepository } from './performance-repository';
import { createPlanRepository } from './plan-repository';
import { createRateLimitRepository } from './rate-limit-repository';
import { createTrainingRepository } from './training-repository';
import { createWebhookDeliveryRepository } from './webhook-delivery-repository';
import { createWebhookEndpointRepository } from './webhook-endpoint-repository';

/**
 * Every repository over the one table; services receive these, never the table itself. `clock`
 * tells the idempotency protocol when a claim has expired.
 */
export function createRepositories(table: Table, cursors: CursorCodec, clock: () => Date = () => new Date()) {
  return {
    cursors,
    idempotency: createIdempotency(table, clock),
    rollups: createRollupRepository(table),
    employees: createEmployeeRepository(table, cursors),
    organization: createOrganizationRepository(table, cursors),
    training: createTrainingRepository(table, cursors),
    enrollments: createEnrollmentRepository(table, cursors),
    partnerFeed: createPartnerFeedReader(table),
    mentorships: createMentorshipRepository(table, cursors),
    performance: createPerformanceRepository(table, cursors),
    feedback: createFeedbackRepository(table, cursors),
    evaluations: createEvaluationRepository(table, cursors),
    plans: createPlanRepository(table, cursors),
    followUps: createFollowUpRepository(table),
    rateLimits: createRateLimitRepository(table),
    audit: createAuditRepository(table, cursors),
    calendars: createCalendarRepository(table),
    webhookEndpoints: createWebhookEndpointRepository(table),
    webhookDeliveries: createWebhookDeliveryRepository(table, cursors),
    importJobs: createImportJobStore(table),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
