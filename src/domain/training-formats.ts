/**
 * Training program formats, learning forms and categories.
 *
 * Forms of competency development per PP 11/2017 (as amended by PP 17/2020) and Peraturan
 * LAN 10/2018: classroom (klasikal) and non-classroom (nonklasikal) training, and degree
 * education (pendidikan) taken as tugas belajar or izin belajar.
 */

/** Program formats. */
export const PROGRAM_FORMATS = [
  'CLASSROOM',
  'SEMINAR',
  'WORKSHOP',
  'COURSE',
  'COACHING',
  'MENTORING',
  'E_LEARNING',
  'DISTANCE_LEARNING',
  'INTERNSHIP',
  'BENCHMARKING',
  'SECONDMENT',
  'SELF_STUDY',
  'TEAM_BUILDING',
  'DEGREE',
] as const;

/** How a program is delivered. */
export type ProgramFormat = (typeof PROGRAM_FORMATS)[number];

/** Learning forms (bentuk pengembangan kompetensi). */
export const LEARNING_FORMS = ['KLASIKAL', 'NONKLASIKAL', 'DEGREE'] as const;

/** Classroom, non-classroom or degree education. */
export type LearningForm = (typeof LEARNING_FORMS)[number];

const FORM_OF: Record<ProgramFormat, LearningForm> = {
  CLASSROOM: 'KLASIKAL',
  SEMINAR: 'KLASIKAL',
  WORKSHOP: 'KLASIKAL',
  COURSE: 'KLASIKAL',
  COACHING: 'NONKLASIKAL',
  MENTORING: 'NONKLASIKAL',
  E_LEARNING: 'NONKLASIKAL',
  DISTANCE_LEARNING: 'NONKLASIKAL',
  INTERNSHIP: 'NONKLASIKAL',
  BENCHMARKING: 'NONKLASIKAL',
  SECONDMENT: 'NONKLASIKAL',
  SELF_STUDY: 'NONKLASIKAL',
  TEAM_BUILDING: 'NONKLASIKAL',
  DEGREE: 'DEGREE',
};

/** The learning form of a program format. */
export function learningFormOf(format: ProgramFormat): LearningForm {
  return FORM_OF[format];
}

/** Indonesian labels of the formats. */
export const PROGRAM_FORMAT_LABELS: Record<ProgramFormat, string> = {
  CLASSROOM: 'Pelatihan Klasikal',
  SEMINAR: 'Seminar/Konferensi/Sarasehan',
  WORKSHOP: 'Lokakarya (Workshop)',
  COURSE: 'Kursus',
  COACHING: 'Coaching',
  MENTORING: 'Mentoring',
  E_LEARNING: 'E-Learning',
  DISTANCE_LEARNING: 'Pelatihan Jarak Jauh',
  INTERNSHIP: 'Magang/Praktik Kerja',
  BENCHMARKING: 'Patok Banding (Benchmarking)',
  SECONDMENT: 'Detasering (Secondment)',
  SELF_STUDY: 'Belajar Mandiri',
  TEAM_BUILDING: 'Pembelajaran Alam Terbuka (Team Building)',
  DEGREE: 'Pendidikan Formal (Gelar)',
};

/** Indonesian labels of the learning forms. */
export const LEARNING_FORM_LABELS: Record<LearningForm, string> = {
  KLASIKAL: 'Klasikal',
  NONKLASIKAL: 'Nonklasikal',
  DEGREE: 'Pendidikan Formal',
};

/** Program categories. */
export const PROGRAM_CATEGORIES = [
  'TECHNICAL',
  'MANAGERIAL',
  'SOCIOCULTURAL',
  'IT',
  'PUBLIC_SERVICE',
  'FINANCE',
  'ETHICS',
  'HEALTH',
  'SOFT_SKILLS',
  'DEGREE',
] as const;

/** What a program develops. */
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

/** Indonesian labels of the categories. */
export const PROGRAM_CATEGORY_LABELS: Record<ProgramCategory, string> = {
  TECHNICAL: 'Teknis',
  MANAGERIAL: 'Manajerial',
  SOCIOCULTURAL: 'Sosial Kultural',
  IT: 'Teknologi Informasi',
  PUBLIC_SERVICE: 'Pelayanan Publik',
  FINANCE: 'Keuangan dan Anggaran',
  ETHICS: 'Etika dan Integritas',
  HEALTH: 'Kesehatan',
  SOFT_SKILLS: 'Pengembangan Diri',
  DEGREE: 'Pendidikan Gelar',
};
