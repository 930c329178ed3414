/**
 * Community satisfaction index (Indeks Kepuasan Masyarakat, IKM) of a public service.
 *
 * PermenPANRB 14/2017 (pedoman survei kepuasan masyarakat): nine elements answered 1–4;
 * per element the mean (NRR); IKM = sum(NRR x 1/9); converted score = IKM x 25, banded A–D.
 * The regulation prints the weight as 0.111; the exact 1/9 is used because the rounded
 * weight moves results across band edges (DOMAIN rule 5).
 */
import { roundHalfUp } from './round-half-up';
import { invalid, type ValidationResult, valid } from './validation-result';

/** The nine survey elements (unsur), in the order answers are given. */
export const IKM_ELEMENTS = [
  { code: 'U1', key: 'REQUIREMENTS', name: 'Persyaratan' },
  { code: 'U2', key: 'PROCEDURE', name: 'Sistem, Mekanisme, dan Prosedur' },
  { code: 'U3', key: 'COMPLETION_TIME', name: 'Waktu Penyelesaian' },
  { code: 'U4', key: 'COST', name: 'Biaya/Tarif' },
  { code: 'U5', key: 'PRODUCT_SPECIFICATION', name: 'Produk Spesifikasi Jenis Pelayanan' },
  { code: 'U6', key: 'STAFF_COMPETENCE', name: 'Kompetensi Pelaksana' },
  { code: 'U7', key: 'STAFF_BEHAVIOUR', name: 'Perilaku Pelaksana' },
  { code: 'U8', key: 'COMPLAINT_HANDLING', name: 'Penanganan Pengaduan, Saran dan Masukan' },
  { code: 'U9', key: 'FACILITIES', name: 'Sarana dan Prasarana' },
] as const;

/** Key of one survey element. */
export type IkmElement = (typeof IKM_ELEMENTS)[number]['key'];

/** One answer on the four-point scale (1 tidak baik … 4 sangat baik). */
export type SurveyAnswer = 1 | 2 | 3 | 4;

/** A complete response: one answer per element, in element order. */
export type SurveyAnswers = readonly [
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
  SurveyAnswer,
];

/** Service quality bands (mutu pelayanan). */
export const IKM_BANDS = ['A', 'B', 'C', 'D'] as const;

/** Service quality band. */
export type IkmBand = (typeof IKM_BANDS)[number];

/** Indonesian labels of the bands (kinerja unit pelayanan). */
export const IKM_BAND_LABELS: Record<IkmBand, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

/** An IKM: the index (1–4, 4 decimals), the converted score (25–100, 2 decimals) and its band. */
export interface IkmScore {
  ikm: number;
  score: number;
  band: IkmBand;
}

const ELEMENT_COUNT = IKM_ELEMENTS.length;

/** Checks one response: exactly nine integers 1–4; the failure names the index and why. */
export function validateSurveyAnswers(answers: readonly number[]): ValidationResult<SurveyAnswers> {
  if (answers.length !== ELEMENT_COUNT) {
    return invalid(
      `expected ${ELEMENT_COUNT} answers (one per IKM element), got ${answers.length}`,
      'surveyAnswers',
    );
  }
  for (const [index, answer] of answers.entries()) {
    if (!Number.isInteger(answer) || answer < 1 || answer > 4) {
      const element = IKM_ELEMENTS[index]?.name ?? '';
      return invalid(
        `answer ${index} (${element}) must be an integer 1–4, got ${answer}`,
        `surveyAnswers[${index}]`,
      );
    }
  }
  return valid(answers as unknown as SurveyAnswers);
}

/** Lowest converted score of each band (PermenPANRB 14/2017: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99). */
export const IKM_BAND_FLOORS: Record<IkmBand, number> = { A: 88.31, B: 76.61, C: 65, D: 25 };

/** The band of a converted score, after rounding it to 2 decimals (half up). */
export function ikmBand(score: number): IkmBand {
  // Compared in hundredths (integers), so no float artefact moves a score across an edge.
  const hundredths = Math.round(roundHalfUp(score, 2) * 100);
  return IKM_BANDS.find((band) => hundredths >= Math.round(IKM_BAND_FLOORS[band] * 100)) ?? 'D';
}

// With T the sum of all answers over n responses: IKM = (1/9) x sum_i (S_i / n) = T / (9n).
// Rounding works on integers (score x 100 = 2500 T / 9n) so no float artefact shifts a band.
function ikmFromTotal(total: number, responseCount: number): IkmScore {
  const denominator = ELEMENT_COUNT * responseCount;
  const scoreHundredths = Math.floor((2 * 2500 * total + denominator) / (2 * denominator));
  const score = scoreHundredths / 100;
  return { ikm: roundHalfUp(total / denominator, 4), score, band: ikmBand(score) };
}

/** The IKM of one validated response. */
export function ikmOfResponse(answers: SurveyAnswers): IkmScore {
  return ikmFromTotal(
    answers.reduce<number>((sum, answer) => sum + answer, 0),
    1,
  );
}

/** The IKM of many responses from the per-element sums of their answers (never an average of averages). */
export function ikmFromSums(
  elementSums: readonly number[],
  responseCount: number,
): ValidationResult<IkmScore> {
  if (!Number.isSafeInteger(responseCount) || responseCount < 1) {
    return invalid(`responseCount must be a positive integer, got ${responseCount}`, 'responseCount');
  }
  if (elementSums.length !== ELEMENT_COUNT) {
    return invalid(`expected ${ELEMENT_COUNT} element sums, got ${elementSums.length}`, 'elementSums');
  }
  for (const [index, sum] of elementSums.entries()) {
    if (!Number.isSafeInteger(sum) || sum < responseCount || sum > 4 * responseCount) {
      const range = `${responseCount}–${4 * responseCount}`;
      return invalid(
        `sum ${index} must be an integer ${range} for ${responseCount} responses, got ${sum}`,
        `elementSums[${index}]`,
      );
    }
  }
  return valid(
    ikmFromTotal(
      elementSums.reduce((sum, value) => sum + value, 0),
      responseCount,
    ),
  );
}

/** Mean answer (NRR) per element from the per-element sums, 4 decimals, for per-element reports. */
export function elementMeans(elementSums: readonly number[], responseCount: number): number[] {
  return elementSums.map((sum) => roundHalfUp(sum / responseCount, 4));
}
