/**
 * SKP appraisal outcome (predikat kinerja pegawai).
 *
 * PermenPANRB 6/2022 (pengelolaan kinerja ASN): work result (hasil kerja) and work behaviour
 * (perilaku kerja) are each rated against expectation; the pair gives the predikat through
 * a 3x3 matrix (DOMAIN rule 4).
 */

/** A rating against expectation: above, as expected, below. */
export const RATINGS = ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const;

/** Rating of work result or work behaviour against expectation (ekspektasi). */
export type Rating = (typeof RATINGS)[number];

/** Indonesian labels of the ratings. */
export const RATING_LABELS: Record<Rating, string> = {
  ABOVE: 'Di Atas Ekspektasi',
  AS_EXPECTED: 'Sesuai Ekspektasi',
  BELOW: 'Di Bawah Ekspektasi',
};

/** The five predikat, best first. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

/** Performance predikat of an SKP appraisal. */
export type Predikat = (typeof PREDIKATS)[number];

/** Indonesian labels of the predikat. */
export const PREDIKAT_LABELS: Record<Predikat, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

// Rows: work result; columns: work behaviour. KURANG in the BELOW-behaviour column is misconduct.
const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  ABOVE: { ABOVE: 'SANGAT_BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG' },
  AS_EXPECTED: { ABOVE: 'BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG' },
  BELOW: { ABOVE: 'BUTUH_PERBAIKAN', AS_EXPECTED: 'BUTUH_PERBAIKAN', BELOW: 'SANGAT_KURANG' },
};

/** The predikat of a work-result rating and a work-behaviour rating. */
export function predikatOf(result: Rating, behaviour: Rating): Predikat {
  return MATRIX[result][behaviour];
}

/** Rank of a predikat for ordering: SANGAT_KURANG 1 … SANGAT_BAIK 5. */
export function predikatRank(predikat: Predikat): number {
  return PREDIKATS.length - PREDIKATS.indexOf(predikat);
}

/** True when the predikat is the given one or better (e.g. isAtLeast(p, 'BAIK')). */
export function isAtLeast(predikat: Predikat, minimum: Predikat): boolean {
  return predikatRank(predikat) >= predikatRank(minimum);
}

/** The seven BerAKHLAK core values on which work behaviour is rated. */
export const BERAKHLAK_VALUES = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
] as const;

/** One BerAKHLAK core value (SE MenPANRB 20/2021 on the ASN core values). */
export type CoreValue = (typeof BERAKHLAK_VALUES)[number];

/** Indonesian names of the BerAKHLAK core values. */
export const BERAKHLAK_LABELS: Record<CoreValue, string> = {
  BERORIENTASI_PELAYANAN: 'Berorientasi Pelayanan',
  AKUNTABEL: 'Akuntabel',
  KOMPETEN: 'Kompeten',
  HARMONIS: 'Harmonis',
  LOYAL: 'Loyal',
  ADAPTIF: 'Adaptif',
  KOLABORATIF: 'Kolaboratif',
};
