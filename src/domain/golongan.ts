/**
 * Golongan/ruang (rank grades) of PNS and the PPPK grades.
 *
 * Source: PP 99/2000 as amended by PP 12/2002 (golongan and pangkat names);
 * Perpres 98/2020 (PPPK grades I–XVII). Seniority compares these orders first.
 */

/** The 17 PNS golongan/ruang, lowest first. */
export const GOLONGAN = [
  'I_A',
  'I_B',
  'I_C',
  'I_D',
  'II_A',
  'II_B',
  'II_C',
  'II_D',
  'III_A',
  'III_B',
  'III_C',
  'III_D',
  'IV_A',
  'IV_B',
  'IV_C',
  'IV_D',
  'IV_E',
] as const;

export type Golongan = (typeof GOLONGAN)[number];

const PANGKAT: Record<Golongan, string> = {
  I_A: 'Juru Muda',
  I_B: 'Juru Muda Tingkat I',
  I_C: 'Juru',
  I_D: 'Juru Tingkat I',
  II_A: 'Pengatur Muda',
  II_B: 'Pengatur Muda Tingkat I',
  II_C: 'Pengatur',
  II_D: 'Pengatur Tingkat I',
  III_A: 'Penata Muda',
  III_B: 'Penata Muda Tingkat I',
  III_C: 'Penata',
  III_D: 'Penata Tingkat I',
  IV_A: 'Pembina',
  IV_B: 'Pembina Tingkat I',
  IV_C: 'Pembina Utama Muda',
  IV_D: 'Pembina Utama Madya',
  IV_E: 'Pembina Utama',
};

/** The 17 PPPK grades, lowest first (Perpres 98/2020). */
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export type PppkGrade = (typeof PPPK_GRADES)[number];

/** Position of a golongan in the ladder: I/a is 1, IV/e is 17. */
export function golonganOrder(golongan: Golongan): number {
  return GOLONGAN.indexOf(golongan) + 1;
}

/** Position of a PPPK grade: I is 1, XVII is 17. */
export function pppkGradeOrder(grade: PppkGrade): number {
  return PPPK_GRADES.indexOf(grade) + 1;
}

/** The pangkat (rank title) of a golongan, e.g. III_A -> "Penata Muda". */
export function pangkatOf(golongan: Golongan): string {
  return PANGKAT[golongan];
}

/** The printed form of a golongan, e.g. III_A -> "III/a". */
export function golonganLabel(golongan: Golongan): string {
  const [roman, letter] = golongan.split('_');
  return `${roman}/${letter?.toLowerCase()}`;
}

/** The roman-numeral group (I to IV) of a golongan. */
export function golonganGroup(golongan: Golongan): 'I' | 'II' | 'III' | 'IV' {
  return golongan.split('_')[0] as 'I' | 'II' | 'III' | 'IV';
}
