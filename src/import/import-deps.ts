import type { Logger } from '@aws-lambda-powertools/logger';
import type { Deps } from '../composition/create-deps';
import type { Table } from '../data/table';
import type { MentorshipService } from '../services/mentorship-service';
import type { StudyEligibilityService } from '../services/study-eligibility';

/**
 * What importers need: the table (through the data layer's builders), a clock and ids, and the
 * services whose rules a row must pass exactly as an API call would (mentorships are started
 * through the mentorship service, degree seats checked by the study eligibility service). Built from the composition root's deps by {@link importDepsOf}.
 */
export interface ImportDeps {
  table: Table;
  clock: () => Date;
  newId: () => string;
  mentorships: Pick<MentorshipService, 'start'>;
  /** Degree study eligibility of imported seats in DEGREE programs, as enrolling checks it. */
  study: Pick<StudyEligibilityService, 'refusals'>;
  logger: Logger;
}

/** The importers' deps from the process's deps (`npm start`, the CLI, the import Lambda, tests). */
export function importDepsOf(deps: Deps): ImportDeps {
  const { table, clock, newId, logger, services } = deps;
  return { table, clock, newId, mentorships: services.mentorships, study: services.study, logger };
}
