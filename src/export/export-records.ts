import { createExportReads } from '../data/imports/export-reads';
import { createReferenceSets } from '../data/imports/reference-sets';
import type { Table } from '../data/table';
import { golonganLabel } from '../domain/golongan';
import { isoToDayMonthYear } from '../domain/onboarding/cell-values';
import type { ImportKind } from '../domain/onboarding/columns';
import { KIND_COLUMNS } from '../domain/onboarding/kind-columns';
import type { ImportedEnrollmentStatus } from '../domain/onboarding/value-names';
import {
  EDUCATION_NAMES,
  EMPLOYEE_STATUS_NAMES,
  ENROLLMENT_STATUS_NAMES,
  GRADE_EXCEPTION_NAMES,
  nameOf,
  POSITION_TYPE_NAMES,
  PROGRAM_CATEGORY_NAMES,
  PROGRAM_FORMAT_NAMES,
  PROGRAM_STATUS_NAMES,
  REGION_LEVEL_NAMES,
  STUDY_FUNDING_NAMES,
  UNIT_KIND_NAMES,
} from '../domain/onboarding/value-names';
import { codeOf } from '../domain/record-code';
import { flatCourseRecord } from '../domain/records/course-record';
import { siasnCourseResults } from './siasn-course-results';
import { siasnSkpResults } from './siasn-skp-results';

export type ExportKind = ImportKind | 'siasn-courses' | 'siasn-skp';
type Cell = string | number | undefined;

/** One exported record: its cells in column order, or a record SIASN would refuse with the reason. */
export type ExportRow = { cells: Cell[] } | { refused: Cell[]; reason: string };

export const SIASN_COURSE_HEADERS = [
  'nip',
  'namaKursus',
  'jenisKursus',
  'jumlahJam',
  'institusiPenyelenggara',
  'nomorSertifikat',
  'tanggalKursus',
  'tanggalSelesaiKursus',
  'tahunKursus',
  'kodeProgram',
];
export const SIASN_SKP_HEADERS = [
  'nip',
  'tahun',
  'hasilKinerja',
  'perilakuKerja',
  'kuadranKinerja',
  'penilaiNipNrp',
  'penilaiNama',
  'penilaiJabatan',
  'penilaiGolongan',
  'penilaiUnorNama',
  'statusPenilai',
];

/** The header row of an export kind (import kinds: the template's columns). */
export function headersOf(kind: ExportKind): string[] {
  if (kind === 'siasn-courses') return SIASN_COURSE_HEADERS;
  if (kind === 'siasn-skp') return SIASN_SKP_HEADERS;
  const columns = KIND_COLUMNS[kind];
  if (!columns) throw new Error(`No export of ${kind}`);
  return columns.map((c) => c.header);
}

const dmy = (iso: string | undefined) => (iso ? isoToDayMonthYear(iso.slice(0, 10)) : undefined);

/**
 * The records of an agency in an export's columns, streamed page by page. Import kinds come out in
 * their template's columns (a round trip re-imports them as they are); SIASN kinds as SIASN's
 * course and SKP records of a year, optionally of one unit, with the ones SIASN would refuse
 * given apart with the reason.
 */
export async function* exportRows(
  table: Table,
  agencyId: string,
  kind: ExportKind,
  options: { year?: number | undefined; unitId?: string | undefined } = {},
): AsyncGenerator<ExportRow> {
  const reads = createExportReads(table);
  const refs = createReferenceSets(table);
  const units = await refs.units(agencyId);
  const unitCode = new Map(units.map((u) => [u.id, codeOf(u)]));
  if (kind === 'units') {
    for (const u of units)
      yield {
        cells: [
          codeOf(u),
          u.name,
          nameOf(UNIT_KIND_NAMES, u.kind),
          u.parentId ? unitCode.get(u.parentId) : undefined,
          u.region.code,
          u.region.name,
          nameOf(REGION_LEVEL_NAMES, u.region.level),
        ],
      };
    return;
  }
  if (kind === 'employees') {
    for await (const page of reads.employees(agencyId))
      for (const e of page)
        yield {
          cells: [
            e.nip,
            e.name,
            e.employmentType,
            e.golongan ? golonganLabel(e.golongan) : e.pppkGrade,
            e.position.title,
            nameOf(POSITION_TYPE_NAMES, e.position.type),
            unitCode.get(e.unitId),
            e.education ? nameOf(EDUCATION_NAMES, e.education) : undefined,
            e.gradeException ? nameOf(GRADE_EXCEPTION_NAMES, e.gradeException.reason) : undefined,
            e.gradeException?.note,
            e.gender === 'MALE' ? 'Laki-laki' : 'Perempuan',
            dmy(e.birthDate),
            dmy(e.serviceStartDate),
            nameOf(EMPLOYEE_STATUS_NAMES, e.status),
            e.email,
            e.phone,
          ],
        };
    return;
  }
  if (kind === 'mentorships') {
    for await (const page of reads.employees(agencyId)) {
      const ids = page.flatMap((e) => e.mentorshipIdsAsMentor ?? []);
      if (!ids.length) continue;
      const mentorships = await reads.mentorshipsById(agencyId, ids);
      const mentees = await reads.employeesById(
        agencyId,
        mentorships.map((m) => m.menteeId),
      );
      const mentors = new Map(page.map((e) => [e.id, e.nip]));
      for (const m of mentorships)
        yield {
          cells: [
            mentors.get(m.mentorId),
            mentees.get(m.menteeId)?.nip,
            dmy(m.startDate),
            dmy(m.endDate),
            m.goals.join('; '),
          ],
        };
    }
    return;
  }
  if (kind === 'measurements') {
    for await (const indicators of reads.indicators(agencyId))
      for (const indicator of indicators)
        for await (const page of reads.measurements(agencyId, indicator.id))
          for (const m of page) yield { cells: [indicator.code, m.period, m.value, m.note] };
    return;
  }
  if (kind === 'siasn-skp') {
    for await (const result of siasnSkpResults(table, agencyId, options.year ?? 0, options.unitId)) {
      const record = result.record as unknown as Record<string, Cell | null>;
      const cells = SIASN_SKP_HEADERS.map((h) => record[h] ?? undefined);
      if (result.ok) yield { cells };
      else yield { refused: cells, reason: result.reason };
    }
    return;
  }
  if (kind === 'siasn-courses') {
    for await (const result of siasnCourseResults(table, agencyId, options.year ?? 0, options.unitId)) {
      const flat = flatCourseRecord({ nomorSertifikat: '', ...result.record } as Parameters<
        typeof flatCourseRecord
      >[0]);
      const cells = SIASN_COURSE_HEADERS.map(
        (h) => (flat as unknown as Record<string, Cell>)[h] || undefined,
      );
      if (result.ok) yield { cells };
      else yield { refused: cells, reason: result.reason };
    }
    return;
  }
  for await (const programs of reads.programs(agencyId)) {
    for (const p of programs) {
      if (kind === 'programs') {
        yield {
          cells: [
            codeOf(p),
            p.title,
            nameOf(PROGRAM_CATEGORY_NAMES, p.category),
            nameOf(PROGRAM_FORMAT_NAMES, p.format),
            p.jp,
            dmy(p.startDate),
            dmy(p.endDate),
            p.capacity,
            p.costPerParticipant,
            p.partnerId,
            p.organizerUnitId ? unitCode.get(p.organizerUnitId) : undefined,
            p.competencies.join('; '),
            nameOf(PROGRAM_STATUS_NAMES, p.status),
            p.cohort,
            p.location,
            p.description,
          ],
        };
        continue;
      }
      for await (const page of reads.enrollments(agencyId, p.id, ['ENROLLED', 'COMPLETED', 'NO_SHOW'])) {
        const chosen = page.filter((e) => !options.unitId || e.unitId === options.unitId);
        if (!chosen.length) continue;
        const people = await reads.employeesById(
          agencyId,
          chosen.map((e) => e.employeeId),
        );
        for (const e of chosen) {
          const nip = people.get(e.employeeId)?.nip ?? '';
          yield {
            cells: [
              nip,
              codeOf(p),
              undefined,
              undefined,
              nameOf(ENROLLMENT_STATUS_NAMES, e.status as ImportedEnrollmentStatus),
              dmy(e.completedAt),
              e.status === 'COMPLETED' ? e.jpCredited : undefined,
              e.preTestScore,
              e.postTestScore,
              e.certificateNumber,
              e.studyFunding ? nameOf(STUDY_FUNDING_NAMES, e.studyFunding) : undefined,
            ],
          };
        }
      }
    }
  }
}
