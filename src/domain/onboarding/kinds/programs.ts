import { parseRecordCode } from '../../record-code';
import type { ProgramStatus } from '../../training';
import type { ProgramCategory, ProgramFormat } from '../../training-formats';
import { parseList } from '../cell-values';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';
import { PROGRAM_CATEGORY_NAMES, PROGRAM_FORMAT_NAMES, PROGRAM_STATUS_NAMES } from '../value-names';

const column = (
  field: string,
  header: string,
  aliases: string[],
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ field, header, aliases, required, description, example });

/** Columns of a programs file (program pelatihan / kursus). */
export const PROGRAM_COLUMNS: readonly ColumnSpec[] = [
  column(
    'code',
    'Kode Program',
    ['kode', 'kode kursus', 'kode diklat', 'program code', 'code'],
    true,
    'Code of the program, unique in the agency; the natural key.',
    'PKP-2026-01',
  ),
  column(
    'title',
    'Nama Program',
    ['title', 'judul', 'nama kursus', 'nama diklat', 'nama pelatihan'],
    true,
    'Title, 3–200 characters (SIASN namaKursus).',
    'Pelatihan Kepemimpinan Pengawas',
  ),
  column(
    'category',
    'Kategori',
    ['category', 'rumpun', 'jenis kompetensi'],
    true,
    'Teknis, Manajerial, Sosial Kultural, Teknologi Informasi, Pelayanan Publik, Keuangan, Etika, Kesehatan, Pengembangan Diri or Gelar.',
    'Manajerial',
  ),
  column(
    'format',
    'Bentuk',
    ['format', 'jenis kursus', 'jenis diklat', 'metode'],
    true,
    'Klasikal, Seminar, Workshop, Kursus, Coaching, Mentoring, E-Learning, Magang, Gelar...',
    'Klasikal',
  ),
  column(
    'jp',
    'Jumlah Jam',
    ['jp', 'jam pelajaran', 'hours', 'jumlahjam'],
    true,
    'Lesson hours (JP, 1 JP = 45 minutes), 1–2000.',
    '40',
  ),
  column(
    'startDate',
    'Tanggal Mulai',
    ['start date', 'tanggal kursus', 'tgl mulai', 'mulai'],
    true,
    'First day.',
    '02-03-2026',
  ),
  column(
    'endDate',
    'Tanggal Selesai',
    ['end date', 'tanggal selesai kursus', 'tgl selesai', 'selesai'],
    true,
    'Last day, not before the first.',
    '13-03-2026',
  ),
  column(
    'capacity',
    'Kapasitas',
    ['capacity', 'kuota', 'jumlah peserta'],
    true,
    'Seats, 1–10000 (imported participations take seats).',
    '30',
  ),
  column(
    'costPerParticipant',
    'Biaya per Peserta',
    ['cost per participant', 'biaya'],
    false,
    'Rupiah per participant (1.500.000 or 1500000); default 0.',
    '1.500.000',
  ),
  column(
    'partner',
    'Kode Mitra',
    ['partner code', 'partner', 'mitra', 'institusi penyelenggara', 'penyelenggara'],
    false,
    'Code or exact name of the partner institution; empty for an internal program.',
    'usu',
  ),
  column(
    'organizerUnit',
    'Unit Penyelenggara',
    ['organizer unit', 'organizer'],
    false,
    'Code or exact name of the organizing unit.',
    'BKPSDM',
  ),
  column(
    'competencies',
    'Kompetensi',
    ['competencies'],
    false,
    'Competencies developed, separated by ;',
    'Kepemimpinan; Manajemen kinerja',
  ),
  column(
    'status',
    'Status',
    ['program status', 'status program'],
    false,
    'Draf, Dibuka, Berjalan, Selesai or Dibatalkan; default from the dates (ended: Selesai, started: Berjalan, else Dibuka).',
    'Selesai',
  ),
  column('cohort', 'Angkatan', ['cohort', 'batch', 'gelombang'], false, 'Cohort number.', '1'),
  column(
    'location',
    'Lokasi',
    ['location', 'tempat', 'venue'],
    false,
    'Venue or platform.',
    'BPSDM Provinsi Sumatera Utara',
  ),
  column('description', 'Deskripsi', ['description', 'keterangan'], false, 'Description.', ''),
];

/** A checked program row; partner and organizer are still the cells' text. */
export interface ProgramRow {
  code: string;
  title: string;
  category: ProgramCategory;
  format: ProgramFormat;
  jp: number;
  startDate: string;
  endDate: string;
  capacity: number;
  costPerParticipant: number;
  partnerRef?: string | undefined;
  organizerRef?: string | undefined;
  competencies: string[];
  status: ProgramStatus;
  cohort?: number | undefined;
  location?: string | undefined;
  description?: string | undefined;
}

/** The status of a program by its dates, when the file gives none. */
export function statusByDates(startDate: string, endDate: string, today: string): ProgramStatus {
  if (endDate < today) return 'COMPLETED';
  return startDate <= today ? 'RUNNING' : 'OPEN';
}

/** Checks one program row. */
export function checkProgramRow(row: FieldRow, today: string): RowResult<ProgramRow> {
  const check = new RowCheck(row);
  const code = check.parsed('code', (v) => parseRecordCode(String(v)), true);
  const title = check.text('title', { required: true, min: 3, max: 200 });
  const category = check.choice('category', PROGRAM_CATEGORY_NAMES, 'program category', true);
  const format = check.choice('format', PROGRAM_FORMAT_NAMES, 'program format', true);
  const jp = check.integer('jp', 1, 2000, true);
  const startDate = check.date('startDate', true);
  const endDate = check.date('endDate', true);
  if (startDate && endDate && endDate < startDate) check.fail('endDate', 'must not be before Tanggal Mulai');
  const capacity = check.integer('capacity', 1, 10_000, true);
  const cost = check.integer('costPerParticipant', 0, 10_000_000_000) ?? 0;
  const partnerRef = check.text('partner', { max: 200 });
  const organizerRef = check.text('organizerUnit', { max: 200 });
  const competencies = parseList(row.competencies);
  if (competencies.length > 20) check.fail('competencies', 'must list at most 20 competencies');
  if (competencies.some((c) => c.length > 100))
    check.fail('competencies', 'each must have at most 100 characters');
  const status = check.choice('status', PROGRAM_STATUS_NAMES, 'program status');
  const cohort = check.integer('cohort', 1, 999);
  const location = check.text('location', { max: 200 });
  const description = check.text('description', { max: 2000 });
  return check.result(() => ({
    code: code as string,
    title: title as string,
    category: category as ProgramCategory,
    format: format as ProgramFormat,
    jp: jp as number,
    startDate: startDate as string,
    endDate: endDate as string,
    capacity: capacity as number,
    costPerParticipant: cost,
    partnerRef,
    organizerRef,
    competencies,
    status: status ?? statusByDates(startDate as string, endDate as string, today),
    cohort,
    location,
    description,
  }));
}
