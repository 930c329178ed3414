/**
 * Talent 9-box (kotak manajemen talenta).
 *
 * PermenPANRB 3/2020 (manajemen talenta ASN): performance from the latest SKP predikat
 * crossed with assessed potential places an employee in boxes 1–9 (DOMAIN rule 6), each
 * with its development recommendation.
 */
import type { Predikat, Rating } from './skp-predikat';

/** Performance axis of the 9-box (kinerja), on the SKP rating scale. */
export type Performance = Rating;

/** Potential levels, lowest first. */
export const POTENTIALS = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** Assessed potential (potensial). */
export type Potential = (typeof POTENTIALS)[number];

/** Indonesian labels of the potential levels. */
export const POTENTIAL_LABELS: Record<Potential, string> = {
  LOW: 'Rendah',
  MEDIUM: 'Menengah',
  HIGH: 'Tinggi',
};

/** The nine boxes. */
export const NINE_BOXES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** A 9-box position, 1 (low/low) to 9 (above expectation, high potential). */
export type NineBox = (typeof NINE_BOXES)[number];

/** The 9-box performance level of a predikat: SANGAT_BAIK above, BAIK as expected, lower below. */
export function performanceFromPredikat(predikat: Predikat): Performance {
  if (predikat === 'SANGAT_BAIK') return 'ABOVE';
  if (predikat === 'BAIK') return 'AS_EXPECTED';
  return 'BELOW';
}

const BOXES: Record<Performance, Record<Potential, NineBox>> = {
  ABOVE: { LOW: 4, MEDIUM: 7, HIGH: 9 },
  AS_EXPECTED: { LOW: 2, MEDIUM: 5, HIGH: 8 },
  BELOW: { LOW: 1, MEDIUM: 3, HIGH: 6 },
};

/** The box of a performance level and a potential level. */
export function nineBoxOf(performance: Performance, potential: Potential): NineBox {
  return BOXES[performance][potential];
}

/** Development recommendation of a box, in Indonesian and in short English. */
export interface NineBoxGuidance {
  box: NineBox;
  id: string;
  en: string;
  /** True for box 1: handled under the disciplinary rules. */
  disciplinary: boolean;
}

const PLACEMENT_ID = 'Penempatan sesuai kompetensi, coaching, dan pengembangan kompetensi';
const PLACEMENT_EN = 'Placement, coaching and competency development';
const COUNSELLING_ID = 'Konseling kinerja dan pengembangan kompetensi';
const COUNSELLING_EN = 'Performance counselling and development';
const POOL_ID =
  'Dipertahankan, masuk kelompok rencana suksesi, rotasi/pengayaan jabatan, pengembangan kompetensi';
const POOL_EN = 'Keep, succession pool, rotation/enrichment, development';

const GUIDANCE: Record<NineBox, Omit<NineBoxGuidance, 'box'>> = {
  9: {
    id: 'Dipromosikan dan dipertahankan; kandidat utama suksesi jabatan',
    en: 'Promotion and succession candidate',
    disciplinary: false,
  },
  8: { id: POOL_ID, en: POOL_EN, disciplinary: false },
  7: {
    id: `${POOL_ID}, termasuk tugas belajar`,
    en: `${POOL_EN}, including study leave`,
    disciplinary: false,
  },
  6: { id: PLACEMENT_ID, en: PLACEMENT_EN, disciplinary: false },
  5: { id: PLACEMENT_ID, en: PLACEMENT_EN, disciplinary: false },
  4: { id: PLACEMENT_ID, en: PLACEMENT_EN, disciplinary: false },
  3: { id: COUNSELLING_ID, en: COUNSELLING_EN, disciplinary: false },
  2: { id: COUNSELLING_ID, en: COUNSELLING_EN, disciplinary: false },
  1: {
    id: `${COUNSELLING_ID}; diproses sesuai ketentuan disiplin PNS`,
    en: `${COUNSELLING_EN}; handled under the disciplinary rules`,
    disciplinary: true,
  },
};

/** The development recommendation for a box. */
export function nineBoxGuidance(box: NineBox): NineBoxGuidance {
  return { box, ...GUIDANCE[box] };
}
