import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IKM_BAND_LABELS,
  IKM_ELEMENTS,
  type IkmBand,
  type IkmScore,
  ikmBand,
  ikmFromSums,
  ikmOfResponse,
  type SurveyAnswers,
  validateSurveyAnswers,
} from '../../../src/domain/ikm';

/** Per-element sums for `responses` responses whose answers add up to `total`, spread as evenly as possible. */
function sumsFor(total: number, responses: number): number[] {
  const base = Math.floor(total / 9);
  return Array.from({ length: 9 }, (_, i) => base + (i < total % 9 ? 1 : 0)).map((s) => {
    if (s < responses || s > 4 * responses) throw new Error('total out of range');
    return s;
  });
}

function aggregate(elementSums: number[], responses: number): IkmScore {
  const result = ikmFromSums(elementSums, responses);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('IKM elements', () => {
  it('lists the nine elements of PermenPANRB 14/2017 in order', () => {
    expect(IKM_ELEMENTS.map((e) => e.key)).toEqual([
      'REQUIREMENTS',
      'PROCEDURE',
      'COMPLETION_TIME',
      'COST',
      'PRODUCT_SPECIFICATION',
      'STAFF_COMPETENCE',
      'STAFF_BEHAVIOUR',
      'COMPLAINT_HANDLING',
      'FACILITIES',
    ]);
    expect(IKM_ELEMENTS.map((e) => e.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
  });
});

describe('validateSurveyAnswers', () => {
  it('accepts nine integers from 1 to 4', () => {
    expect(validateSurveyAnswers([1, 2, 3, 4, 4, 3, 2, 1, 3])).toEqual({
      ok: true,
      value: [1, 2, 3, 4, 4, 3, 2, 1, 3],
    });
  });

  it.each([
    [[3, 3, 3, 3, 3, 3, 3, 3], 'surveyAnswers', 'expected 9 answers'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 'surveyAnswers', 'got 10'],
    [[3, 3, 3, 0, 3, 3, 3, 3, 3], 'surveyAnswers[3]', 'answer 3 (Biaya/Tarif) must be an integer 1–4, got 0'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 5], 'surveyAnswers[8]', 'got 5'],
    [[3, 2.5, 3, 3, 3, 3, 3, 3, 3], 'surveyAnswers[1]', 'got 2.5'],
    [[3, 3, 3, 3, 3, Number.NaN, 3, 3, 3], 'surveyAnswers[5]', 'got NaN'],
  ])('rejects %j naming %s', (answers, field, reason) => {
    const result = validateSurveyAnswers(answers);
    expect(result).toMatchObject({ ok: false, field });
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('ikmOfResponse', () => {
  it('scores every answer 3 as IKM 3.00, 75.00, band C (worked example)', () => {
    expect(ikmOfResponse([3, 3, 3, 3, 3, 3, 3, 3, 3])).toEqual({ ikm: 3, score: 75, band: 'C' });
  });

  it.each<[SurveyAnswers, number, IkmBand]>([
    [[4, 4, 4, 4, 4, 4, 4, 4, 4], 100, 'A'],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 25, 'D'],
    [[4, 4, 3, 3, 3, 3, 3, 3, 3], 80.56, 'B'],
    [[4, 4, 4, 4, 3, 3, 3, 3, 3], 86.11, 'B'],
    [[4, 4, 4, 4, 4, 4, 4, 3, 3], 94.44, 'A'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 2], 72.22, 'C'],
    [[3, 3, 3, 3, 3, 3, 2, 2, 2], 66.67, 'C'],
    [[3, 3, 3, 3, 3, 2, 2, 2, 2], 63.89, 'D'],
  ])('scores %j as %d, band %s', (answers, score, band) => {
    expect(ikmOfResponse(answers)).toMatchObject({ score, band });
  });
});

describe('ikmFromSums (aggregates)', () => {
  it('scores element means averaging 3.2 as 80.00, band B (worked example)', () => {
    // Five responses; element means 3.0, 3.4, 3.2, 3.6, 2.8, 3.2, 3.0, 3.4, 3.2 (mean 3.2).
    expect(aggregate([15, 17, 16, 18, 14, 16, 15, 17, 16], 5)).toEqual({ ikm: 3.2, score: 80, band: 'B' });
  });

  it.each<[string, number, number, number, IkmBand]>([
    ['just below A', 19, 604, 88.3, 'B'],
    ['the lowest A', 24, 763, 88.31, 'A'],
    ['just below B', 26, 717, 76.6, 'C'],
    ['the lowest B', 19, 524, 76.61, 'B'],
    ['just below C', 38, 889, 64.99, 'D'],
    ['the lowest C', 5, 117, 65, 'C'],
  ])('lands %s: %d responses summing %d score %d, band %s', (_, responses, total, score, band) => {
    expect(aggregate(sumsFor(total, responses), responses)).toMatchObject({ score, band });
  });

  it('uses the exact weight 1/9: 0.111 would drop this A to B', () => {
    const sums = sumsFor(763, 24);
    const withPrintedWeight = sums.reduce((ikm, sum) => ikm + (sum / 24) * 0.111, 0) * 25;
    expect(withPrintedWeight).toBeLessThan(88.31);
    expect(aggregate(sums, 24)).toMatchObject({ score: 88.31, band: 'A' });
  });

  it('rounds an exact half of a hundredth up (65.625 -> 65.63)', () => {
    expect(aggregate(sumsFor(189, 8), 8).score).toBe(65.63);
  });

  it('weighs every response equally, unlike an average of per-group averages', () => {
    const groupA = sumsFor(36, 1); // one response, all 4s: 100
    const groupB = sumsFor(9 * 3, 3); // three responses, all 1s: 25
    const combined = groupA.map((sum, i) => sum + (groupB[i] ?? 0));
    expect(aggregate(combined, 4).score).toBe(43.75);
    expect((aggregate(groupA, 1).score + aggregate(groupB, 3).score) / 2).toBe(62.5);
  });

  it.each([
    [[], 1, 'elementSums', 'expected 9'],
    [sumsFor(27, 3), 0, 'responseCount', 'positive integer'],
    [sumsFor(27, 3), 2.5, 'responseCount', 'positive integer'],
    [[2, 3, 3, 3, 3, 3, 3, 3, 3], 3, 'elementSums[0]', 'must be an integer 3–12'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 13], 3, 'elementSums[8]', 'got 13'],
  ])('rejects sums %j over %d responses naming %s', (sums, responses, field, reason) => {
    const result = ikmFromSums(sums, responses);
    expect(result).toMatchObject({ ok: false, field });
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('keeps the score within 25–100 and its band consistent, for any answers', () => {
    const responseArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(responseArb, { minLength: 1, maxLength: 40 }), (responses) => {
        const sums = Array.from({ length: 9 }, (_, i) => responses.reduce((s, r) => s + (r[i] ?? 0), 0));
        const { score, band, ikm } = aggregate(sums, responses.length);
        return score >= 25 && score <= 100 && band === ikmBand(score) && Math.abs(ikm * 25 - score) < 0.01;
      }),
    );
  });

  it('gives a single response the same IKM as its own sums', () => {
    const answerArb = fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4);
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 9, maxLength: 9 }), (answers) => {
        const single = ikmOfResponse(answers as unknown as SurveyAnswers);
        expect(aggregate([...answers], 1)).toEqual(single);
      }),
    );
  });
});

describe('ikmBand', () => {
  it.each<[number, IkmBand]>([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [88.305, 'A'],
    [88.304, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [64.995, 'C'],
    [25, 'D'],
  ])('bands %d as %s', (score, band) => {
    expect(ikmBand(score)).toBe(band);
  });

  it('labels the bands in Indonesian', () => {
    expect(IKM_BAND_LABELS).toEqual({ A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' });
  });
});
