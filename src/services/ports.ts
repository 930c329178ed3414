import type { Repositories } from '../data/repositories/create-repositories';
import type { RetryPolicy } from '../data/retry-policy';
import type { UploadTargets } from '../domain/onboarding/import-ports';
import type { UrlPolicy } from '../domain/webhooks/endpoint-url';
import type { AddressHasher } from './client-address';
import type { FeedbackLimits } from './feedback-rate-limit';
import type { CourseResultsReader, SkpResultsReader } from './siasn-service';
import type { SecretSealer } from './webhook-endpoint-service';

/**
 * What every service factory receives (its ports): the repositories, the clock, the id
 * generator and the retry policy. The composition root (src/composition/create-deps.ts) provides them; tests may
 * provide their own. Services never build a client or read the environment themselves.
 */
export type ServiceDeps = Repositories & { clock: () => Date; newId: () => string; retries: RetryPolicy };

/**
 * Who keeps the national holiday calendar: administrators of the listed agencies, or of any agency
 * (`'ANY'`). It is one calendar for the whole country, so a change reaches every tenant's deadlines.
 */
export type NationalCalendarEditors = readonly string[] | 'ANY';

/** The settings and keyed helpers some services need beyond {@link ServiceDeps}. */
export interface ServiceSettings {
  /** Token buckets of public feedback (`submitFeedback`). */
  feedbackLimits: FeedbackLimits;
  /** Days an audit entry is kept when the agency has no retention policy of its own. */
  auditRetentionDays: number;
  /** Client addresses are stored only as keyed hashes (rate-limit keys, audit entries). */
  hashAddress: AddressHasher;
  /** Seals webhook signing secrets before they are stored. */
  secretBox: SecretSealer;
  /** Where webhook endpoints may point (https only in prod; private targets where allowed). */
  webhookUrlPolicy: UrlPolicy;
  /** Where createImport sends files: presigned S3 PUTs in AWS, the local server's upload route locally. */
  uploads: UploadTargets;
  /** The SIASN export's readers, for the SIASN queries. */
  courseResults: CourseResultsReader;
  skpResults: SkpResultsReader;
  /** Whose administrators may set the national holiday calendar (NATIONAL_CALENDAR_AGENCIES). */
  nationalCalendarEditors: NationalCalendarEditors;
}
