import type { StudyFunding } from '../../study-leave';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';
import { ENROLLMENT_STATUS_NAMES, type ImportedEnrollmentStatus, STUDY_FUNDING_NAMES } from '../value-names';

const column = (
  field: string,
  header: string,
  aliases: string[],
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ field, header, aliases, required, description, example });

/**
 * Columns of an enrollments file: participations with their completion, JP, scores and
 * certificate (a SIASN riwayat kursus row fits: NIP, Nama Kursus, Jumlah Jam, Tanggal Kursus,
 * Nomor Sertifikat). Only participations that hold a seat are imported (Terdaftar, Lulus, Tidak
 * Hadir): waitlist places and withdrawals are states of a running enrollment process, not history.
 */
export const ENROLLMENT_COLUMNS: readonly ColumnSpec[] = [
  column(
    'nip',
    'NIP',
    ['nip baru', 'nip peserta'],
    true,
    'NIP of an employee of the agency.',
    '199001012015031002',
  ),
  column(
    'programCode',
    'Kode Program',
    ['program code', 'kode kursus', 'kode diklat'],
    false,
    'Code of the program (or give Nama Kursus).',
    'PKP-2026-01',
  ),
  column(
    'programTitle',
    'Nama Kursus',
    ['nama program', 'nama diklat', 'course name', 'program title', 'program'],
    false,
    'Exact title of the program when no code is given (with Tanggal Kursus when titles repeat).',
    'Pelatihan Kepemimpinan Pengawas',
  ),
  column(
    'courseDate',
    'Tanggal Kursus',
    ['course date', 'tgl kursus', 'tanggal mulai kursus'],
    false,
    "The program's first day; picks among programs of the same title.",
    '02-03-2026',
  ),
  column(
    'status',
    'Status',
    ['enrollment status', 'status peserta', 'status kepesertaan'],
    false,
    'Lulus (completed), Terdaftar (enrolled) or Tidak Hadir (no-show); default Lulus when Tanggal Selesai is given, else Terdaftar.',
    'Lulus',
  ),
  column(
    'completedOn',
    'Tanggal Selesai',
    ['completion date', 'tanggal selesai kursus', 'tgl selesai', 'tanggal lulus'],
    false,
    'Completion date (Lulus, Tidak Hadir): from the program start, not in the future.',
    '13-03-2026',
  ),
  column(
    'jp',
    'Jumlah Jam',
    ['jp', 'jp credited', 'jam pelajaran', 'hours', 'jumlahjam'],
    false,
    "JP credited on completion, 0–2000; default the program's JP.",
    '40',
  ),
  column(
    'preTestScore',
    'Nilai Pre-test',
    ['pre test score', 'pretest', 'nilai awal'],
    false,
    '0–100.',
    '62,5',
  ),
  column(
    'postTestScore',
    'Nilai Post-test',
    ['post test score', 'posttest', 'nilai akhir'],
    false,
    '0–100.',
    '85',
  ),
  column(
    'certificateNumber',
    'Nomor Sertifikat',
    ['certificate number', 'no sertifikat', 'nomor sertipikat', 'no sertipikat'],
    false,
    'Certificate number as issued (SIASN needs it for Lulus).',
    '00042/SERT/BKPSDM-MEDAN/2026',
  ),
  column(
    'studyFunding',
    'Skema Studi',
    ['study funding', 'jenis studi', 'skema belajar', 'jenis tugas belajar'],
    false,
    'DEGREE programs only: Tugas Belajar (TB) or Izin Belajar (IB). Required for Terdaftar, where the employee must be eligible as when enrolling; kept if given for Lulus and Tidak Hadir.',
    '',
  ),
];

/** How a row names its program. */
export interface ProgramRef {
  code?: string | undefined;
  title?: string | undefined;
  startDate?: string | undefined;
}

/** A checked enrollment row; employee and program are resolved against the agency later. */
export interface EnrollmentRow {
  nip: string;
  program: ProgramRef;
  status: ImportedEnrollmentStatus;
  completedOn?: string | undefined;
  jp?: number | undefined;
  preTestScore?: number | undefined;
  postTestScore?: number | undefined;
  certificateNumber?: string | undefined;
  /** Degree study arrangement (DEGREE programs; checked against the program and employee later). */
  studyFunding?: StudyFunding | undefined;
}

/** Checks one enrollment row (cells and their agreement with each other). */
export function checkEnrollmentRow(row: FieldRow, today: string): RowResult<EnrollmentRow> {
  const check = new RowCheck(row);
  const nip = check.text('nip', { required: true, max: 40 })?.replace(/[\s.'-]/g, '');
  if (nip && !/^\d{18}$/.test(nip)) check.fail('nip', 'must be 18 digits');
  const code = check.text('programCode', { max: 40 })?.toUpperCase();
  const title = check.text('programTitle', { max: 200 });
  const courseDate = check.date('courseDate');
  if (!code && !title) check.fail('programCode', 'is required (or give Nama Kursus)');
  const completedOn = check.date('completedOn');
  const status =
    check.choice('status', ENROLLMENT_STATUS_NAMES, 'enrollment status') ??
    (completedOn ? 'COMPLETED' : 'ENROLLED');
  if (status !== 'ENROLLED' && !completedOn && !check.issues.some((i) => i.field === 'completedOn'))
    check.fail('completedOn', `is required for ${status === 'COMPLETED' ? 'Lulus' : 'Tidak Hadir'}`);
  if (status === 'ENROLLED' && completedOn)
    check.fail('completedOn', 'must be empty for Terdaftar (not yet completed)');
  if (completedOn && completedOn > today) check.fail('completedOn', 'must not be in the future');
  const jp = check.integer('jp', 0, 2000);
  const pre = check.number('preTestScore', 0, 100);
  const post = check.number('postTestScore', 0, 100);
  const certificate = check.text('certificateNumber', { max: 100 });
  const studyFunding = check.choice('studyFunding', STUDY_FUNDING_NAMES, 'study arrangement');
  if (status !== 'COMPLETED') {
    if (jp) check.fail('jp', 'is credited only for Lulus');
    if (certificate) check.fail('certificateNumber', 'is issued only for Lulus');
  }
  return check.result(() => ({
    nip: nip as string,
    program: { code, title, startDate: courseDate },
    status,
    completedOn,
    jp: status === 'COMPLETED' ? jp : undefined,
    preTestScore: pre,
    postTestScore: post,
    certificateNumber: status === 'COMPLETED' ? certificate : undefined,
    studyFunding,
  }));
}
