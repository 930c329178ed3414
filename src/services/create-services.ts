import { createAnalyticsService } from './analytics-service';
import { createAuditService } from './audit-service';
import { createCalendarService } from './calendar-service';
import { createEmployeeDevelopmentService } from './employee-development-service';
import { createEmployeeService } from './employee-service';
import { createEnrollmentService } from './enrollment-service';
import { createEvaluationService } from './evaluation-service';
import { createEvaluationThresholdService } from './evaluation-threshold-service';
import { createFeedbackRateLimit } from './feedback-rate-limit';
import { createFeedbackService } from './feedback-service';
import { createFollowUpService } from './follow-up-service';
import { createImportService } from './import-service';
import { createInvitationService } from './invitation-service';
import { createJpShortfallService } from './jp-shortfall-service';
import { createMentoringResultsService } from './mentoring-results-service';
import { createMentorshipService } from './mentorship-service';
import { createOrganizationService } from './organization-service';
import { createPartnerSyncService } from './partner-sync-service';
import { createPerformanceService } from './performance-service';
import { createPlanService } from './plan-service';
import type { ServiceDeps, ServiceSettings } from './ports';
import { createProgramSeriesService } from './program-series-service';
import { createSiasnService } from './siasn-service';
import { createStudyEligibility } from './study-eligibility';
import { createTalentService } from './talent-service';
import { createTrainingNeedsService } from './training-needs-service';
import { createTrainingService } from './training-service';
import { createWebhookDeliveryService } from './webhook-delivery-service';
import { createWebhookEndpointService } from './webhook-endpoint-service';

/** Every service, by area: what resolvers reach through `ctx.services`. */
export type Services = ReturnType<typeof createServices>;

/** Builds each service once from its ports; no I/O happens here. */
export function createServices(deps: ServiceDeps, settings: ServiceSettings) {
  const {
    feedbackLimits,
    auditRetentionDays,
    hashAddress,
    secretBox,
    webhookUrlPolicy,
    uploads,
    courseResults,
    skpResults,
    nationalCalendarEditors,
  } = settings;
  const analytics = createAnalyticsService(deps);
  return {
    employees: createEmployeeService(deps),
    analytics,
    trainingNeeds: createTrainingNeedsService(deps, analytics),
    jpShortfall: createJpShortfallService(deps),
    partnerSync: createPartnerSyncService(deps),
    organization: createOrganizationService(deps),
    training: createTrainingService(deps),
    enrollments: createEnrollmentService(deps),
    invitations: createInvitationService(deps),
    mentorships: createMentorshipService(deps),
    mentoringResults: createMentoringResultsService(deps),
    development: createEmployeeDevelopmentService(deps),
    study: createStudyEligibility(deps),
    calendars: createCalendarService(deps, nationalCalendarEditors),
    performance: createPerformanceService(deps),
    evaluations: createEvaluationService(deps),
    followUps: createFollowUpService(deps),
    programSeries: createProgramSeriesService(deps),
    evaluationThresholds: createEvaluationThresholdService(deps),
    plans: createPlanService(deps),
    // Public feedback passes this gate first: token buckets per client address and per unit.
    feedback: createFeedbackService({
      ...deps,
      gate: createFeedbackRateLimit({ ...deps, hashAddress, limits: feedbackLimits }),
    }),
    imports: createImportService({ ...deps, uploads }),
    siasn: createSiasnService({ courseResults, skpResults }),
    talent: createTalentService(deps),
    audit: createAuditService({ ...deps, hashAddress, defaultRetentionDays: auditRetentionDays }),
    webhookEndpoints: createWebhookEndpointService({ ...deps, secretBox, urlPolicy: webhookUrlPolicy }),
    webhookDeliveries: createWebhookDeliveryService(deps),
  };
}
