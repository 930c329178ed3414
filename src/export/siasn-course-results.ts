import { createExportReads } from '../data/imports/export-reads';
import { createReferenceSets } from '../data/imports/reference-sets';
import type { Table } from '../data/table';
import { type CourseRecordResult, courseRecordOf, organiserOf } from '../domain/records/course-record';

/** A course record SIASN would take or refuse (never "none": only completed enrollments come here). */
export type SiasnCourseResult = NonNullable<CourseRecordResult>;

/**
 * The SIASN course records (riwayat kursus) of an agency's trainings completed in `year`,
 * optionally of one unit, streamed program by program through the one mapper
 * (`courseRecordOf`): the export and the ADMIN query both read them here.
 */
export async function* siasnCourseResults(
  table: Table,
  agencyId: string,
  year: number,
  unitId?: string,
): AsyncGenerator<SiasnCourseResult> {
  const reads = createExportReads(table);
  const refs = createReferenceSets(table);
  const agency = await refs.agency(agencyId);
  const partners = new Map((await refs.partners(agencyId)).map((p) => [p.id, p.name]));
  for await (const programs of reads.programs(agencyId, `${year}-12-31`)) {
    for (const p of programs) {
      const organiser = organiserOf(
        p.partnerId ? partners.get(p.partnerId) : undefined,
        agency?.name ?? agencyId,
      );
      for await (const page of reads.enrollments(agencyId, p.id, ['COMPLETED'])) {
        const chosen = page.filter(
          (e) => (!unitId || e.unitId === unitId) && e.completedAt?.startsWith(String(year)),
        );
        if (!chosen.length) continue;
        const people = await reads.employeesById(
          agencyId,
          chosen.map((e) => e.employeeId),
        );
        for (const e of chosen) {
          const result = courseRecordOf(e, p, { nip: people.get(e.employeeId)?.nip ?? '' }, organiser);
          if (result) yield result;
        }
      }
    }
  }
}
