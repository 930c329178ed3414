/**
 * Dimensions a dashboard can group and filter by. Time dimensions come from each fact's time
 * bucket; REGION is read through UNIT (the unit's region) and PARTNER through PROGRAM (the
 * program's provider). PROGRAM_CATEGORY is stored in a few enrollment cuboids (families.ts
 * `narrow`) and read through PROGRAM (the program's category) where none of them fits the
 * question; the others are stored in rollup cells.
 */
export const DIMENSIONS = [
  'REGION',
  'UNIT',
  'PROGRAM',
  'PROGRAM_CATEGORY',
  'PARTNER',
  'ENROLLMENT_STATUS',
  'GOLONGAN',
  'EMPLOYMENT_TYPE',
  'GENDER',
  'PREDIKAT',
  'FEEDBACK_CHANNEL',
  'MONTH',
  'QUARTER',
  'YEAR',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const TIME_DIMENSIONS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type TimeDimension = (typeof TIME_DIMENSIONS)[number];

/** Dimensions kept in rollup cells, in storage order: low cardinality first (fewer, larger items). */
export const STORED_DIMENSIONS = [
  'ENROLLMENT_STATUS',
  'EMPLOYMENT_TYPE',
  'GENDER',
  'FEEDBACK_CHANNEL',
  'PREDIKAT',
  // A program's category never changes (not in UpdateTrainingProgramInput, refused by the import),
  // so enrollment cells can keep it: the heatmap reads units x categories, not units x programs.
  'PROGRAM_CATEGORY',
  'UNIT',
  'GOLONGAN',
  'PROGRAM',
] as const;
export type StoredDimension = (typeof STORED_DIMENSIONS)[number];

/** Whether a dimension is a time bucket. */
export function isTimeDimension(d: Dimension): d is TimeDimension {
  return (TIME_DIMENSIONS as readonly string[]).includes(d);
}

/** Stands for "no value" of a dimension in a cell (a program that was not found has no category). */
export const NO_VALUE = '-';

/**
 * Dimensions answered by reading another one's records. PROGRAM_CATEGORY is also stored where a
 * family keeps it (`narrowDimensionsOf`); through PROGRAM is the fallback for other combinations.
 */
export const DERIVED_DIMENSIONS = {
  REGION: 'UNIT',
  PROGRAM_CATEGORY: 'PROGRAM',
  PARTNER: 'PROGRAM',
} as const;
export type DerivedDimension = keyof typeof DERIVED_DIMENSIONS;

/** The stored dimension that answers a requested one when it is not stored itself. */
export function storedFor(d: Exclude<Dimension, TimeDimension>): StoredDimension {
  return d in DERIVED_DIMENSIONS ? DERIVED_DIMENSIONS[d as DerivedDimension] : (d as StoredDimension);
}

/** Sorts stored dimensions into storage order. */
export function inStorageOrder(dims: Iterable<StoredDimension>): StoredDimension[] {
  const set = new Set(dims);
  return STORED_DIMENSIONS.filter((d) => set.has(d));
}

/** Descriptions shown by `aggregateCapabilities`. */
export const DIMENSION_DESCRIPTIONS: Record<Dimension, string> = {
  REGION: 'Region of the work unit (wilayah, Kemendagri code), e.g. a kecamatan.',
  UNIT: 'Work unit (unit kerja / perangkat daerah).',
  PROGRAM: 'Training program (program pelatihan).',
  PROGRAM_CATEGORY: 'Program category (kategori pelatihan).',
  PARTNER: 'Providing partner institution (mitra penyelenggara); INTERNAL for own programs.',
  ENROLLMENT_STATUS: 'Enrollment status (status kepesertaan).',
  GOLONGAN: 'Golongan/ruang of PNS, or PPPK grade as PPPK-<grade> (at the time of the fact).',
  EMPLOYMENT_TYPE: 'PNS or PPPK (jenis kepegawaian).',
  GENDER: 'Gender (jenis kelamin).',
  PREDIKAT: 'SKP predikat of appraisals (predikat kinerja).',
  FEEDBACK_CHANNEL: 'Feedback channel (kanal umpan balik).',
  MONTH: 'Calendar month (bulan), YYYY-MM.',
  QUARTER: 'Calendar quarter (triwulan), YYYY-Qn.',
  YEAR: 'Calendar year (tahun), YYYY.',
};
