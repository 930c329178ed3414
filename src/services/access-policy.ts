import type { Caller } from '../auth/caller';

/** A caller's role, the public included. */
export type Role = 'ADMIN' | 'UNIT_HEAD' | 'EMPLOYEE' | 'PARTNER' | 'PUBLIC';
export const ROLES: readonly Role[] = ['ADMIN', 'UNIT_HEAD', 'EMPLOYEE', 'PARTNER', 'PUBLIC'];

/** The role a caller acts in. */
export function roleOf(caller: Caller): Role {
  if (caller.kind === 'public') return 'PUBLIC';
  return caller.kind === 'partner' ? 'PARTNER' : caller.role;
}

/** Who may call a root field, and within which scope (services enforce the scope on every record). */
type Rule = Partial<Record<Role, string>>;

const AGENCY = 'own agency';
const REACH = 'own unit and its sub-units';
const SELF = 'own records';
const STAFF_READ: Rule = { ADMIN: AGENCY, UNIT_HEAD: AGENCY, EMPLOYEE: AGENCY };
const ADMIN_ONLY: Rule = { ADMIN: AGENCY };
/** Webhook endpoints: partners with the webhooks scope, and agency admins for the endpoints they registered. */
const WEBHOOKS: Rule = {
  ADMIN: 'endpoints own agency registered',
  PARTNER: 'own, and those agencies registered for it',
};
const WEBHOOKS_MANAGE: Rule = { ADMIN: 'endpoints own agency registered', PARTNER: 'own endpoints' };
const ANYONE: Rule = { ADMIN: 'yes', UNIT_HEAD: 'yes', EMPLOYEE: 'yes', PARTNER: 'yes', PUBLIC: 'yes' };

/**
 * The access policy of every root field and mutation, checked before anything else runs (and
 * again, record by record, in the services). docs/access-matrix.md is generated from it.
 */
export const ACCESS_POLICY: Record<string, Rule> = {
  'Query.me': ANYONE,
  'Query.node': {
    ADMIN: AGENCY,
    UNIT_HEAD: `as the type's own field`,
    EMPLOYEE: `as the type's own field`,
    PARTNER: 'enrollments and programs of own programs',
  },
  'Query.aggregate': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Query.aggregateCapabilities': { ADMIN: 'yes', UNIT_HEAD: 'yes' },
  'Query.employee': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'self' },
  'Query.employeeByNip': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'self' },
  'Query.employees': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Query.unit': STAFF_READ,
  'Query.units': STAFF_READ,
  'Query.evaluation': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: SELF },
  'Query.evaluations': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: SELF },
  'Query.feedbackEntry': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'own unit' },
  'Query.feedback': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'own unit' },
  'Query.mentorship': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'as mentor or mentee' },
  'Query.mentorships': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'as mentor or mentee' },
  'Query.performanceIndicator': { ADMIN: AGENCY, UNIT_HEAD: AGENCY, EMPLOYEE: 'own unit and self' },
  'Query.performanceIndicators': { ADMIN: AGENCY, UNIT_HEAD: AGENCY, EMPLOYEE: 'own unit and self' },
  'Query.developmentPlan': { ADMIN: AGENCY, UNIT_HEAD: 'agency-wide and own unit plans' },
  'Query.developmentPlans': { ADMIN: AGENCY, UNIT_HEAD: 'agency-wide and own unit plans' },
  'Query.trainingProgram': STAFF_READ,
  'Query.trainingPrograms': STAFF_READ,
  'Query.enrollment': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: SELF, PARTNER: 'own programs' },
  'Query.partner': STAFF_READ,
  'Query.partners': STAFF_READ,
  'Query.partnerEnrollments': { PARTNER: 'own programs, all agencies it serves' },
  'Query.auditLog': ADMIN_ONLY,
  'Query.talentDistribution': { ADMIN: AGENCY, UNIT_HEAD: 'own unit only' },
  'Query.mentoringResults': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Query.trainingNeeds': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Query.employeesShortOfJp': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Query.studyEligibility': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'self' },
  'Query.holidayCalendar': STAFF_READ,
  'Query.webhookEndpoints': WEBHOOKS,
  'Query.webhookDeliveries': WEBHOOKS,
  'Mutation.createEmployee': ADMIN_ONLY,
  'Mutation.updateEmployee': ADMIN_ONLY,
  'Mutation.createUnit': ADMIN_ONLY,
  'Mutation.createImport': ADMIN_ONLY,
  'Query.importJob': ADMIN_ONLY,
  'Query.siasnCourseRecords': ADMIN_ONLY,
  'Query.siasnSkpRecords': ADMIN_ONLY,
  'Mutation.updateUnit': ADMIN_ONLY,
  'Mutation.recordAppraisal': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Mutation.evaluateProgram': ADMIN_ONLY,
  'Mutation.addFollowUpAction': ADMIN_ONLY,
  'Mutation.updateFollowUpAction': {
    ADMIN: AGENCY,
    UNIT_HEAD: 'status and note of actions they own',
    EMPLOYEE: 'status and note of actions they own',
  },
  'Mutation.createNextCohort': ADMIN_ONLY,
  'Mutation.setEvaluationThresholds': ADMIN_ONLY,
  'Mutation.submitFeedback': ANYONE,
  'Mutation.respondToComplaint': { ADMIN: AGENCY, UNIT_HEAD: 'own unit' },
  'Mutation.resolveComplaint': { ADMIN: AGENCY, UNIT_HEAD: 'own unit' },
  'Mutation.moderateFeedback': ADMIN_ONLY,
  'Mutation.setHolidayCalendar': {
    ADMIN: 'own agency additions; the national calendar if listed in NATIONAL_CALENDAR_AGENCIES',
  },
  'Mutation.startMentorship': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Mutation.logMentoringSession': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'as mentor or mentee' },
  'Mutation.endMentorship': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Mutation.recordGoalOutcome': { ADMIN: AGENCY, UNIT_HEAD: 'as mentor', EMPLOYEE: 'as mentor' },
  'Mutation.rateMentorship': { ADMIN: 'as mentee', UNIT_HEAD: 'as mentee', EMPLOYEE: 'as mentee' },
  'Mutation.createPerformanceIndicator': ADMIN_ONLY,
  'Mutation.updatePerformanceIndicator': ADMIN_ONLY,
  'Mutation.recordMeasurement': { ADMIN: AGENCY, UNIT_HEAD: 'own unit' },
  'Mutation.createDevelopmentPlan': ADMIN_ONLY,
  'Mutation.updateDevelopmentPlan': ADMIN_ONLY,
  'Mutation.addProgramToPlan': ADMIN_ONLY,
  'Mutation.removeProgramFromPlan': ADMIN_ONLY,
  'Mutation.recordPlanSpending': ADMIN_ONLY,
  'Mutation.createTrainingProgram': ADMIN_ONLY,
  'Mutation.updateTrainingProgram': ADMIN_ONLY,
  'Mutation.createPartner': ADMIN_ONLY,
  'Mutation.enrollEmployee': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'self' },
  'Mutation.completeEnrollment': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Mutation.dropEnrollment': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'self' },
  'Mutation.inviteToProgram': { ADMIN: AGENCY, UNIT_HEAD: REACH },
  'Mutation.respondToInvitation': { ADMIN: AGENCY, UNIT_HEAD: REACH, EMPLOYEE: 'own invitations' },
  'Mutation.createWebhookEndpoint': { ADMIN: 'for a partner serving own agency', PARTNER: 'own' },
  'Mutation.updateWebhookEndpoint': WEBHOOKS_MANAGE,
  'Mutation.rotateWebhookSecret': WEBHOOKS_MANAGE,
  'Mutation.deleteWebhookEndpoint': WEBHOOKS_MANAGE,
  'Mutation.redeliverWebhook': WEBHOOKS_MANAGE,
  'Mutation.replayWebhooks': WEBHOOKS_MANAGE,
};

/** The scope a role has on a root field, or undefined when it may not call it. */
export function accessOf(field: string, role: Role): string | undefined {
  return ACCESS_POLICY[field]?.[role];
}
