/**
 * The one mapping of a completed training to BKN SIASN's course record (riwayat kursus, DOMAIN
 * rule 10): the GraphQL field, the SIASN export and the partners' flat records all use it.
 */
import type { Employee } from '../employee';
import { isoToDayMonthYear } from '../onboarding/cell-values';
import type { Enrollment, TrainingProgram } from '../training';
import { PROGRAM_FORMAT_LABELS } from '../training-formats';

/** A SIASN course record; dates ISO (`YYYY-MM-DD`). */
export interface CourseRecord {
  nip: string;
  namaKursus: string;
  /** Kind of course (jenis kursus): the program's format in Indonesian. */
  jenisKursus: string;
  jumlahJam: number;
  institusiPenyelenggara: string;
  nomorSertifikat: string;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
  tahunKursus: number;
  /** The agency's program code, so a partner or SIASN upload can match it back. */
  kodeProgram: string;
}

/** A record SIASN would take, one it would refuse (with the reason), or none (not completed). */
export type CourseRecordResult =
  | { ok: true; record: CourseRecord }
  | { ok: false; record: Partial<CourseRecord> & { nip: string; namaKursus: string }; reason: string }
  | null;

/** The organiser SIASN records: the partner institution, or the agency's BKPSDM for internal programs. */
export function organiserOf(partnerName: string | undefined, agencyName: string): string {
  return partnerName ?? `BKPSDM ${agencyName}`;
}

/**
 * The course record of an enrollment: only COMPLETED ones have one; SIASN refuses a record
 * without a certificate number or without JP, so those come back refused with the reason.
 */
export function courseRecordOf(
  enrollment: Pick<Enrollment, 'status' | 'completedAt' | 'jpCredited' | 'certificateNumber'>,
  program: Pick<TrainingProgram, 'title' | 'format' | 'startDate' | 'code' | 'id'>,
  employee: Pick<Employee, 'nip'>,
  organiser: string,
): CourseRecordResult {
  if (enrollment.status !== 'COMPLETED' || !enrollment.completedAt) return null;
  const completed = enrollment.completedAt.slice(0, 10);
  const record = {
    nip: employee.nip,
    namaKursus: program.title,
    jenisKursus: PROGRAM_FORMAT_LABELS[program.format],
    jumlahJam: enrollment.jpCredited,
    institusiPenyelenggara: organiser,
    tanggalKursus: program.startDate,
    tanggalSelesaiKursus: completed,
    tahunKursus: Number(completed.slice(0, 4)),
    kodeProgram: program.code ?? program.id.toUpperCase(),
  };
  if (!enrollment.certificateNumber)
    return { ok: false, record, reason: 'no certificate number (nomor sertifikat)' };
  if (!(enrollment.jpCredited > 0)) return { ok: false, record, reason: 'no JP credited (jumlah jam)' };
  return { ok: true, record: { ...record, nomorSertifikat: enrollment.certificateNumber } };
}

/** The flat record partners and university systems take: keyed by NIP, dates as `dd-mm-yyyy`. */
export function flatCourseRecord(record: CourseRecord) {
  return {
    ...record,
    tanggalKursus: isoToDayMonthYear(record.tanggalKursus),
    tanggalSelesaiKursus: isoToDayMonthYear(record.tanggalSelesaiKursus),
  };
}
