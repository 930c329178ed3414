/**
 * Ties GraphQL types to the models resolvers receive as parents (graphql-codegen mappers):
 * codegen.ts maps every `export type X` here to the GraphQL type X. Object types not listed
 * map to their generated shapes.
 */
import type { Caller } from '../src/auth/caller';
import type { Connection } from '../src/data/paginate';
import type { Dimension as DimensionName } from '../src/domain/analytics/dimensions';
import type { Measure as MeasureName } from '../src/domain/analytics/measures';
import type { AuditEntry as AuditEntryRecord } from '../src/domain/audit-entry';
import type {
  DevelopmentPlan as DevelopmentPlanRecord,
  PlanCommitment as PlanCommitmentRecord,
  PlanSpending as PlanSpendingRecord,
} from '../src/domain/development-plan';
import type { Employee as EmployeeRecord } from '../src/domain/employee';
import type {
  Evaluation as EvaluationRecord,
  ProgramEvaluation as ProgramEvaluationRecord,
  ResultsEvidence as ResultsEvidenceRecord,
  TalentBox as TalentBoxRecord,
} from '../src/domain/evaluation';
import type { Feedback as FeedbackRecord } from '../src/domain/feedback';
import type { Golongan } from '../src/domain/golongan';
import type { FollowUpAction as FollowUpActionRecord } from '../src/domain/leadership/follow-up';
import type {
  MentoringSession as MentoringSessionRecord,
  Mentorship as MentorshipRecord,
} from '../src/domain/mentorship';
import type { ImportReport as ImportReportRecord } from '../src/domain/onboarding/import-report';
import type { Agency as AgencyRecord, Unit as UnitRecord } from '../src/domain/organization';
import type { EnrollmentChange as EnrollmentChangeRecord } from '../src/domain/partner-feed';
import type {
  Measurement as MeasurementRecord,
  PerformanceIndicator as PerformanceIndicatorRecord,
} from '../src/domain/performance-indicator';
import type {
  Enrollment as EnrollmentRecord,
  Partner as PartnerRecord,
  TrainingProgram as TrainingProgramRecord,
} from '../src/domain/training';
import type { EndpointHealth } from '../src/domain/webhooks/circuit';
import type {
  DeliveryAttempt,
  WebhookDelivery as WebhookDeliveryRecord,
  WebhookReplay as WebhookReplayRecord,
} from '../src/domain/webhooks/webhook-delivery';
import type { AggregateAnswer } from '../src/services/analytics-service';
import type { CalendarYear } from '../src/services/calendar-service';
import type { TrainingHours as TrainingHoursModel } from '../src/services/employee-development-service';
import type { ThresholdSetting } from '../src/services/evaluation-threshold-service';
import type { ImportJobWithUpload } from '../src/services/import-service';
import type {
  JpShortfallConnection as JpShortfallConnectionModel,
  JpShortfall as JpShortfallModel,
} from '../src/services/jp-shortfall-service';
import type { ProgramCohort as ProgramCohortModel } from '../src/services/program-series-service';
import type {
  StudyArrangement as StudyArrangementModel,
  StudyEligibility as StudyEligibilityModel,
} from '../src/services/study-eligibility';
import type { RevealedEndpoint } from '../src/services/webhook-endpoint-service';
import type { HolidayList as HolidayListModel } from '../src/services/work-calendar';

export type Agency = AgencyRecord;
export type Unit = UnitRecord;
export type ImportJob = ImportJobWithUpload;
export type ImportReport = ImportReportRecord;
export type Employee = EmployeeRecord;
export type Viewer = Caller;
export type Rank = Golongan;
export type UnitConnection = Connection<UnitRecord>;
export type EmployeeConnection = Connection<EmployeeRecord>;
export type PerformanceIndicator = PerformanceIndicatorRecord;
export type Measurement = MeasurementRecord;
export type PerformanceIndicatorConnection = Connection<PerformanceIndicatorRecord>;
export type MeasurementConnection = Connection<MeasurementRecord>;
export type Feedback = FeedbackRecord;
export type FeedbackConnection = Connection<FeedbackRecord>;
export type Partner = PartnerRecord;
export type PartnerConnection = Connection<PartnerRecord>;
export type TrainingProgram = TrainingProgramRecord;
export type TrainingProgramConnection = Connection<TrainingProgramRecord>;
export type Enrollment = EnrollmentRecord;
export type EnrollmentConnection = Connection<EnrollmentRecord>;
export type TrainingHours = TrainingHoursModel;
export type Mentorship = MentorshipRecord;
export type MentorshipConnection = Connection<MentorshipRecord>;
export type MentoringSession = MentoringSessionRecord;
export type MentoringSessionConnection = Connection<MentoringSessionRecord>;
export type Evaluation = EvaluationRecord;
export type EvaluationConnection = Connection<EvaluationRecord>;
export type TalentBox = TalentBoxRecord;
export type KirkpatrickLevels = ProgramEvaluationRecord;
export type ResultsEvidence = ResultsEvidenceRecord & { agencyId: string };
export type DevelopmentPlan = DevelopmentPlanRecord;
export type DevelopmentPlanConnection = Connection<DevelopmentPlanRecord>;
export type PlanBudget = DevelopmentPlanRecord;
export type PlanCommitment = PlanCommitmentRecord;
export type PlanSpending = PlanSpendingRecord;
export type PlanSpendingConnection = Connection<PlanSpendingRecord>;
export type AggregateResult = AggregateAnswer;
/** `valueCount` is resolved per caller; the rest comes from the capabilities. */
export type DimensionCapability = { dimension: DimensionName; description: string; measures: MeasureName[] };
export type AuditEntry = AuditEntryRecord;
export type AuditActor = AuditEntryRecord;
export type AuditEntryConnection = Connection<AuditEntryRecord>;
export type EnrollmentChange = EnrollmentChangeRecord;
export type EnrollmentChangeConnection = Connection<EnrollmentChangeRecord>;
export type StudyEligibility = StudyEligibilityModel;
export type StudyArrangement = StudyArrangementModel;
export type HolidayCalendar = CalendarYear;
export type HolidayList = HolidayListModel;
export type WebhookEndpoint = RevealedEndpoint;
export type WebhookEndpointHealth = EndpointHealth;
export type WebhookDelivery = WebhookDeliveryRecord;
export type WebhookDeliveryConnection = Connection<WebhookDeliveryRecord>;
export type WebhookReplay = WebhookReplayRecord;
export type WebhookAttempt = DeliveryAttempt;
export type FollowUpAction = FollowUpActionRecord;
export type ProgramSeries = { number: number; cohorts: ProgramCohortModel[] };
export type ProgramCohort = ProgramCohortModel;
export type EvaluationThresholds = ThresholdSetting;
export type JpShortfall = JpShortfallModel;
export type JpShortfallConnection = JpShortfallConnectionModel;
