/**
 * The names people write for coded values in agency spreadsheets and SIASN downloads, per code
 * (the first name is the one templates and exports print). Matching ignores case and punctuation.
 */
import type { GradeExceptionReason } from '../career-rules';
import { EDUCATIONS, type Education } from '../education';
import type { EmployeeStatus, PositionType } from '../employee';
import type { Gender } from '../gender';
import type { MentorshipStatus } from '../mentorship';
import type { EmploymentType } from '../nip';
import type { RegionLevel, UnitKind } from '../organization';
import type { StudyFunding } from '../study-leave';
import type { ProgramStatus } from '../training';
import {
  PROGRAM_CATEGORY_LABELS,
  PROGRAM_FORMAT_LABELS,
  type ProgramCategory,
  type ProgramFormat,
} from '../training-formats';

type Names<T extends string> = Record<T, readonly string[]>;

export const UNIT_KIND_NAMES: Names<UnitKind> = {
  SECRETARIAT: ['Sekretariat', 'Sekretariat Daerah', 'Setda', 'Sekretariat DPRD', 'Secretariat'],
  DINAS: ['Dinas', 'Agency Office'],
  BADAN: ['Badan', 'Board'],
  INSPECTORATE: ['Inspektorat', 'Inspectorate'],
  KECAMATAN: ['Kecamatan', 'District'],
  KELURAHAN: ['Kelurahan', 'Desa', 'Village'],
  PUSKESMAS: ['Puskesmas', 'Health Centre', 'Health Center'],
  HOSPITAL: ['Rumah Sakit', 'RSUD', 'Hospital'],
  SCHOOL: ['Sekolah', 'School'],
  DIVISION: ['Bagian', 'Bidang', 'Seksi', 'Subbagian', 'UPT', 'Division'],
};

export const REGION_LEVEL_NAMES: Names<RegionLevel> = {
  PROVINCE: ['Provinsi', 'Province'],
  CITY: ['Kota', 'City'],
  REGENCY: ['Kabupaten', 'Regency'],
  DISTRICT: ['Kecamatan', 'District'],
  VILLAGE: ['Kelurahan', 'Desa', 'Village'],
};

export const POSITION_TYPE_NAMES: Names<PositionType> = {
  STRUCTURAL: ['Struktural', 'Jabatan Struktural', 'JPT', 'Administrator', 'Pengawas', 'Structural'],
  FUNCTIONAL: ['Fungsional', 'Jabatan Fungsional', 'JF', 'Fungsional Tertentu', 'Functional'],
  EXECUTOR: ['Pelaksana', 'Jabatan Pelaksana', 'JFU', 'Fungsional Umum', 'Executor'],
};

export const GENDER_NAMES: Names<Gender> = {
  MALE: ['Laki-laki', 'L', 'Pria', 'Male', 'M'],
  FEMALE: ['Perempuan', 'P', 'Wanita', 'Female', 'F'],
};

export const EMPLOYMENT_TYPE_NAMES: Names<EmploymentType> = {
  PNS: ['PNS', 'CPNS', 'Pegawai Negeri Sipil'],
  PPPK: ['PPPK', 'P3K', 'Pegawai Pemerintah dengan Perjanjian Kerja'],
};

export const EMPLOYEE_STATUS_NAMES: Names<EmployeeStatus> = {
  ACTIVE: ['Aktif', 'Active'],
  ON_LEAVE: ['Cuti', 'On leave'],
  STUDY_LEAVE: ['Tugas Belajar', 'Study leave'],
  TRANSFERRED_OUT: ['Pindah', 'Mutasi Keluar', 'Transferred out'],
  RETIRED: ['Pensiun', 'Retired'],
  INACTIVE: ['Tidak Aktif', 'Nonaktif', 'Inactive'],
};

/** Education levels (jenjang pendidikan): the domain's, which set the entry golongan (PP 99/2000). */
export const EDUCATION_LEVELS = EDUCATIONS;
export type EducationLevel = Education;

export const EDUCATION_NAMES: Names<EducationLevel> = {
  SD: ['SD', 'Sekolah Dasar'],
  SMP: ['SMP', 'SLTP', 'MTs'],
  SMA: ['SMA', 'SLTA', 'SMK', 'MA'],
  D_I: ['D-I', 'D1', 'Diploma I'],
  D_II: ['D-II', 'D2', 'Diploma II'],
  D_III: ['D-III', 'D3', 'Diploma III'],
  D_IV: ['D-IV', 'D4', 'Diploma IV', 'Sarjana Terapan'],
  S1: ['S-1', 'Sarjana', 'Bachelor'],
  S2: ['S-2', 'Magister', 'Master'],
  S3: ['S-3', 'Doktor', 'Doctorate'],
};

/** Grounds of a golongan beyond the regular path (jenis kenaikan pangkat, PP 99/2000). */
export const GRADE_EXCEPTION_NAMES: Names<GradeExceptionReason> = {
  OUTSTANDING_ACHIEVEMENT: ['Istimewa', 'Prestasi Luar Biasa', 'Outstanding achievement'],
  NEW_INVENTION: ['Penemuan Baru', 'New invention'],
  POSITION: ['Pilihan', 'Jabatan', 'Position'],
  DEGREE_ADJUSTMENT: ['Penyesuaian Ijazah', 'Degree adjustment'],
  PRIOR_SERVICE: ['Masa Kerja Sebelumnya', 'Pindahan Instansi', 'Prior service'],
  DEDICATION: ['Pengabdian', 'Dedication'],
  OTHER: ['Lainnya', 'Other'],
};

export const PROGRAM_CATEGORY_NAMES = Object.fromEntries(
  Object.entries(PROGRAM_CATEGORY_LABELS).map(([code, label]) => [code, [label, ...categoryExtra(code)]]),
) as unknown as Names<ProgramCategory>;

function categoryExtra(code: string): string[] {
  const extra: Record<string, string[]> = {
    IT: ['TI', 'IT'],
    FINANCE: ['Keuangan', 'Anggaran'],
    ETHICS: ['Etika', 'Integritas'],
    DEGREE: ['Gelar'],
  };
  return extra[code] ?? [];
}

export const PROGRAM_FORMAT_NAMES = Object.fromEntries(
  Object.entries(PROGRAM_FORMAT_LABELS).map(([code, label]) => [code, [label, ...formatExtra(code)]]),
) as unknown as Names<ProgramFormat>;

function formatExtra(code: string): string[] {
  const extra: Record<string, string[]> = {
    CLASSROOM: ['Klasikal', 'Pelatihan', 'Diklat'],
    SEMINAR: ['Seminar', 'Konferensi'],
    WORKSHOP: ['Workshop', 'Lokakarya'],
    E_LEARNING: ['E-Learning', 'Daring', 'Online'],
    DISTANCE_LEARNING: ['PJJ', 'Jarak Jauh'],
    INTERNSHIP: ['Magang'],
    BENCHMARKING: ['Benchmarking', 'Patok Banding'],
    SECONDMENT: ['Detasering'],
    SELF_STUDY: ['Belajar Mandiri'],
    TEAM_BUILDING: ['Team Building', 'Outbound'],
    DEGREE: ['Gelar', 'Tugas Belajar', 'Izin Belajar'],
  };
  return extra[code] ?? [];
}

export const PROGRAM_STATUS_NAMES: Names<ProgramStatus> = {
  DRAFT: ['Draf', 'Draft'],
  OPEN: ['Dibuka', 'Buka', 'Open'],
  RUNNING: ['Berjalan', 'Running'],
  COMPLETED: ['Selesai', 'Completed'],
  CANCELLED: ['Dibatalkan', 'Batal', 'Cancelled'],
};

/** Enrollment statuses an import may carry: participations that hold a seat (see DECISIONS in import-columns). */
export type ImportedEnrollmentStatus = 'ENROLLED' | 'COMPLETED' | 'NO_SHOW';
export const ENROLLMENT_STATUS_NAMES: Names<ImportedEnrollmentStatus> = {
  COMPLETED: ['Lulus', 'Selesai', 'Completed'],
  ENROLLED: ['Terdaftar', 'Peserta', 'Enrolled'],
  NO_SHOW: ['Tidak Hadir', 'No show'],
};

/** Degree study arrangements (tugas belajar, izin belajar) as people type them. */
export const STUDY_FUNDING_NAMES: Names<StudyFunding> = {
  TUGAS_BELAJAR: ['Tugas Belajar', 'TB', 'Tubel', 'Study assignment'],
  IZIN_BELAJAR: ['Izin Belajar', 'IB', 'Ijin Belajar', 'Study permit'],
};

export const MENTORSHIP_STATUS_NAMES: Names<MentorshipStatus> = {
  ACTIVE: ['Aktif', 'Berjalan', 'Active'],
  COMPLETED: ['Selesai', 'Completed'],
  CANCELLED: ['Dibatalkan', 'Batal', 'Cancelled'],
};

/** The printed name of a code (the first of its names). */
export function nameOf<T extends string>(names: Names<T>, code: T): string {
  return names[code][0] ?? code;
}
