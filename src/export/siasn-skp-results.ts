import { createExportReads } from '../data/imports/export-reads';
import type { Table } from '../data/table';
import { type SkpRecordResult, skpRecordOf } from '../domain/records/skp-record';

/** An SKP record SIASN would take or refuse (never "none": only yearly appraisals come here). */
export type SiasnSkpResult = NonNullable<SkpRecordResult>;

/**
 * The SIASN SKP records (riwayat SKP) of an agency's appraisals of `year`, optionally of one unit
 * (the unit the employee was in when appraised), streamed page by page through the one mapper:
 * the export and the ADMIN query both read them here.
 */
export async function* siasnSkpResults(
  table: Table,
  agencyId: string,
  year: number,
  unitId?: string,
): AsyncGenerator<SiasnSkpResult> {
  const reads = createExportReads(table);
  for await (const page of reads.appraisals(agencyId, String(year))) {
    const chosen = page.filter((a) => !unitId || a.unitId === unitId);
    if (!chosen.length) continue;
    const people = await reads.employeesById(
      agencyId,
      chosen.map((a) => a.employeeId),
    );
    for (const a of chosen) {
      const result = skpRecordOf(a, people.get(a.employeeId)?.nip ?? '');
      if (result) yield result;
    }
  }
}
