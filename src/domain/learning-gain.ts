/**
 * Kirkpatrick level 2 (learning): what participants gained, post-test minus pre-test, on
 * test scores from 0 to 100 (DOMAIN rule 7, evaluasi pasca pelatihan).
 */
import { roundHalfUp } from './round-half-up';
import { invalid, type ValidationResult, valid } from './validation-result';

/** Lowest test score. */
export const MIN_TEST_SCORE = 0;

/** Highest test score. */
export const MAX_TEST_SCORE = 100;

/** Checks a pre- or post-test score: a finite number from 0 to 100. */
export function validateTestScore(score: number, field = 'score'): ValidationResult<number> {
  if (!Number.isFinite(score) || score < MIN_TEST_SCORE || score > MAX_TEST_SCORE) {
    return invalid(
      `${field} must be a number from ${MIN_TEST_SCORE} to ${MAX_TEST_SCORE}, got ${score}`,
      field,
    );
  }
  return valid(score);
}

/** Learning gain of one participant: post-test minus pre-test, 2 decimals (-100 to 100). */
export function learningGain(pre: number, post: number): number {
  return roundHalfUp(post - pre, 2);
}

/** A participant's pair of test scores; either may be missing. */
export interface TestScores {
  preTestScore?: number | null;
  postTestScore?: number | null;
}

/** Mean gain over the participants who took both tests (2 decimals), null when none did. */
export function averageLearningGain(participants: readonly TestScores[]): number | null {
  let total = 0;
  let counted = 0;
  for (const { preTestScore, postTestScore } of participants) {
    if (preTestScore === undefined || preTestScore === null) continue;
    if (postTestScore === undefined || postTestScore === null) continue;
    total += postTestScore - preTestScore;
    counted += 1;
  }
  return counted === 0 ? null : roundHalfUp(total / counted, 2);
}

/** Share of the pre-test's headroom gained, (post - pre) / (100 - pre), in percent; null when pre is 100. */
export function normalizedGain(pre: number, post: number): number | null {
  if (pre >= MAX_TEST_SCORE) return null;
  return roundHalfUp(((post - pre) / (MAX_TEST_SCORE - pre)) * 100, 2);
}
