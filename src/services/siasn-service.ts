import type { SiasnSkpRecord } from '../domain/evaluation';
import type { CourseRecord } from '../domain/records/course-record';
import type { SiasnCourseResult } from '../export/siasn-course-results';
import type { SiasnSkpResult } from '../export/siasn-skp-results';
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

/** The SIASN SKP records of a year: those SIASN takes, those it would refuse (with why), and whether more exist. */
export interface SiasnSkpRecords {
  records: SiasnSkpRecord[];
  refused: (SiasnSkpRecord & { reason: string })[];
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

/** The SIASN SKP results of an agency's year (optionally one unit), as the export reads them. */
export type SkpResultsReader = (
  agencyId: string,
  year: number,
  unitId?: string,
) => AsyncIterable<SiasnSkpResult>;

/** Up to MAX_SIASN_RECORDS results split into taken and refused; `truncated` when more exist. */
async function collect<R, T>(
  results: AsyncIterable<{ ok: true; record: R } | { ok: false; record: T; reason: string }>,
): Promise<{ records: R[]; refused: (T & { reason: string })[]; truncated: boolean }> {
  const answer = { records: [] as R[], refused: [] as (T & { reason: string })[], truncated: false };
  for await (const result of results) {
    if (answer.records.length + answer.refused.length >= MAX_SIASN_RECORDS) {
      answer.truncated = true;
      break;
    }
    if (result.ok) answer.records.push(result.record);
    else answer.refused.push({ ...result.record, reason: result.reason });
  }
  return answer;
}

/**
 * SIASN-ready records through the API (administrators), read by the same mapper as the export.
 * The composition root gives it the export's reader (services never see the table).
 */
export function createSiasnService(deps: {
  courseResults: CourseResultsReader;
  skpResults: SkpResultsReader;
}) {
  /** The caller's agency, an administrator's, and the unit checked to be in it. */
  const scoped = (scope: RequestScope, unit: Ref | undefined) => {
    const caller = requireStaff(scope.caller, ['ADMIN']);
    if (unit) requireSameAgency(caller, unit.agencyId);
    return caller.agencyId;
  };
  return {
    /** Trainings of the caller's agency completed in `year` (optionally in one unit) as SIASN course records. */
    courseRecords(
      scope: RequestScope,
      input: { year: number; unit?: Ref | undefined },
    ): Promise<SiasnCourseRecords> {
      const agencyId = scoped(scope, input.unit);
      return collect(deps.courseResults(agencyId, input.year, input.unit?.id));
    },

    /** Annual appraisals of `year` in the caller's agency (optionally of one unit) as SIASN SKP records. */
    skpRecords(
      scope: RequestScope,
      input: { year: number; unit?: Ref | undefined },
    ): Promise<SiasnSkpRecords> {
      const agencyId = scoped(scope, input.unit);
      return collect(deps.skpResults(agencyId, input.year, input.unit?.id));
    },
  };
}
