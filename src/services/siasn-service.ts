import type { CourseRecord } from '../domain/records/course-record';
import type { SiasnCourseResult } from '../export/siasn-course-results';
import { requireSameAgency, requireStaff } from './access';
import type { Ref, RequestScope } from './request-scope';

/** A record SIASN would refuse, with why. */
export type RefusedCourseRecord = Partial<CourseRecord> & { nip: string; namaKursus: string; reason: string };

/** The SIASN course records of a year: those SIASN takes, those it would refuse, and whether more exist. */
export interface SiasnCourseRecords {
  records: CourseRecord[];
  refused: RefusedCourseRecord[];
  truncated: boolean;
}

/** Most records (taken and refused together) one answer holds; the export has no limit. */
export const MAX_SIASN_RECORDS = 2000;

/** The SIASN course results of an agency's year (optionally one unit), as the export reads them. */
export type CourseResultsReader = (
  agencyId: string,
  year: number,
  unitId?: string,
) => AsyncIterable<SiasnCourseResult>;

/**
 * SIASN-ready records through the API (administrators), read by the same mapper as the export.
 * The composition root gives it the export's reader (services never see the table).
 */
export function createSiasnService(deps: { courseResults: CourseResultsReader }) {
  return {
    /** Trainings of the caller's agency completed in `year` (optionally in one unit) as SIASN course records. */
    async courseRecords(
      scope: RequestScope,
      input: { year: number; unit?: Ref | undefined },
    ): Promise<SiasnCourseRecords> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      if (input.unit) requireSameAgency(caller, input.unit.agencyId);
      const answer: SiasnCourseRecords = { records: [], refused: [], truncated: false };
      for await (const result of deps.courseResults(caller.agencyId, input.year, input.unit?.id)) {
        if (answer.records.length + answer.refused.length >= MAX_SIASN_RECORDS) {
          answer.truncated = true;
          break;
        }
        if (result.ok) answer.records.push(result.record);
        else answer.refused.push({ ...result.record, reason: result.reason });
      }
      return answer;
    },
  };
}
