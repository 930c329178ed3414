/**
 * Golongan and posts a PNS may hold given education and service (DOMAIN rule 2).
 *
 * Regular promotion (kenaikan pangkat reguler, PP 99/2000 as amended by PP 12/2002) is at most
 * one step per four years: from the entry grade of the education, a PNS reaches at most one
 * golongan more per four completed years of service. Other promotions (istimewa, pilihan,
 * penyesuaian ijazah, pengabdian) are exceptions a decree documents: `GradeException`.
 *
 * The current highest education stands in for the education at appointment (the history is not
 * kept), which is lenient for those who earned a higher degree in service.
 */
import { EDUCATION_LABELS, type Education, entryGradeOf, isAhliPost, isAtLeastEducation } from './education';
import { GOLONGAN, type Golongan, golonganLabel, golonganOrder } from './golongan';

/** Completed years of service per regular promotion step. */
export const YEARS_PER_REGULAR_PROMOTION = 4;

/** Documented grounds for a golongan beyond the regular rule (jenis kenaikan pangkat, PP 99/2000). */
export const GRADE_EXCEPTION_REASONS = [
  'OUTSTANDING_ACHIEVEMENT',
  'NEW_INVENTION',
  'POSITION',
  'DEGREE_ADJUSTMENT',
  'PRIOR_SERVICE',
  'DEDICATION',
  'OTHER',
] as const;

/** Why a golongan exceeds the regular rule. */
export type GradeExceptionReason = (typeof GRADE_EXCEPTION_REASONS)[number];

/** An exception recorded with the golongan it justified. */
export interface GradeException {
  reason: GradeExceptionReason;
  /** The document it rests on, e.g. the decree (SK) number and date. */
  note: string;
  golongan: Golongan;
  recordedAt: string;
}

/** The highest golongan regular promotion reaches from the entry grade of `education`. */
export function highestRegularGrade(education: Education, yearsOfService: number): Golongan {
  const steps = Math.floor(Math.max(0, yearsOfService) / YEARS_PER_REGULAR_PROMOTION);
  const order = Math.min(golonganOrder(entryGradeOf(education)) + steps, GOLONGAN.length);
  return GOLONGAN[order - 1] as Golongan;
}

/** A rule held, or the reason it did not. */
export type RuleCheck = { ok: true } | { ok: false; reason: string };

/** Whether a PNS with this education and service may hold `golongan` by regular promotion. */
export function checkRegularGrade(
  golongan: Golongan,
  education: Education,
  yearsOfService: number,
): RuleCheck {
  const highest = highestRegularGrade(education, yearsOfService);
  if (golonganOrder(golongan) <= golonganOrder(highest)) return { ok: true };
  const entry = golonganLabel(entryGradeOf(education));
  return {
    ok: false,
    reason:
      `${golonganLabel(golongan)} is above what ${EDUCATION_LABELS[education]} and ${yearsOfService} ` +
      `completed year(s) of service allow: at most ${golonganLabel(highest)} (entry ${entry}, one step per ` +
      `${YEARS_PER_REGULAR_PROMOTION} years); give gradeException for a documented exception`,
  };
}

/** Whether the education suffices for the position (functional "Ahli" posts need S1/D-IV). */
export function checkPositionEducation(
  position: { title: string; type: string },
  education: Education | undefined,
): RuleCheck {
  if (!isAhliPost(position)) return { ok: true };
  if (education === undefined)
    return {
      ok: false,
      reason: `"${position.title}" is an Ahli post: record the education (at least S1/D-IV)`,
    };
  if (isAtLeastEducation(education, 'S1')) return { ok: true };
  return {
    ok: false,
    reason: `"${position.title}" is an Ahli post, which needs at least S1/D-IV; the education is ${EDUCATION_LABELS[education]}`,
  };
}
