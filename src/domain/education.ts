/**
 * Highest education (pendidikan terakhir) of an ASN, and what it means for the career.
 *
 * Entry grade of a new PNS by education (PP 99/2000 on PNS promotion as amended by PP 12/2002):
 * SD I/a, SMP I/c, SMA and D-I II/a, D-II II/b, D-III II/c, S1 and D-IV III/a, S2 III/b, S3 III/c.
 * Functional posts of the expert category (jabatan fungsional kategori keahlian, "Ahli") need at
 * least S1 or D-IV (PermenPANRB 1/2023 on jabatan fungsional).
 */
import type { Golongan } from './golongan';

/** Education levels, lowest first (D-IV and S1 are the same level). */
export const EDUCATIONS = ['SD', 'SMP', 'SMA', 'D_I', 'D_II', 'D_III', 'D_IV', 'S1', 'S2', 'S3'] as const;

/** Highest completed education (pendidikan terakhir); the import column Pendidikan. */
export type Education = (typeof EDUCATIONS)[number];

/** Official names of the levels. */
export const EDUCATION_LABELS: Record<Education, string> = {
  SD: 'Sekolah Dasar (SD)',
  SMP: 'Sekolah Menengah Pertama (SMP)',
  SMA: 'Sekolah Menengah Atas (SMA/SMK/sederajat)',
  D_I: 'Diploma I (D-I)',
  D_II: 'Diploma II (D-II)',
  D_III: 'Diploma III (D-III)',
  D_IV: 'Diploma IV / Sarjana Terapan (D-IV)',
  S1: 'Sarjana (S-1)',
  S2: 'Magister (S-2)',
  S3: 'Doktor (S-3)',
};

const LEVEL: Record<Education, number> = {
  SD: 1,
  SMP: 2,
  SMA: 3,
  D_I: 4,
  D_II: 5,
  D_III: 6,
  D_IV: 7,
  S1: 7,
  S2: 8,
  S3: 9,
};

/** The level of an education; D-IV and S1 share one. */
export function educationLevel(education: Education): number {
  return LEVEL[education];
}

/** Whether `education` is at least `minimum` (D-IV counts as S1 and the other way round). */
export function isAtLeastEducation(education: Education, minimum: Education): boolean {
  return LEVEL[education] >= LEVEL[minimum];
}

const ENTRY_GRADE: Record<Education, Golongan> = {
  SD: 'I_A',
  SMP: 'I_C',
  SMA: 'II_A',
  D_I: 'II_A',
  D_II: 'II_B',
  D_III: 'II_C',
  D_IV: 'III_A',
  S1: 'III_A',
  S2: 'III_B',
  S3: 'III_C',
};

/** The golongan a new PNS with this education is appointed in (golongan awal). */
export function entryGradeOf(education: Education): Golongan {
  return ENTRY_GRADE[education];
}

/** Least education of a functional post of the expert category (jenjang Ahli). */
export const AHLI_MIN_EDUCATION: Education = 'S1';

/** Whether a position is a functional post of the expert category: "... Ahli Pertama/Muda/Madya/Utama". */
export function isAhliPost(position: { title: string; type: string }): boolean {
  return position.type === 'FUNCTIONAL' && /\bAhli\b/.test(position.title);
}
