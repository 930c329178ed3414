/**
 * Achievement of a performance indicator against its target, honouring its direction.
 *
 * Higher is better: actual / target x 100. Lower is better (negative polarity): the formula
 * of the national performance management guidance, capaian = (1 + (1 - realisasi / target))
 * x 100% (PermenPANRB 6/2022, lampiran, capaian IKI "kondisi khusus"; its worked example:
 * target 8, actual 9 -> 87.5%). It equals the (rencana - (realisasi - rencana)) / rencana
 * x 100% that SAKIP performance reports under PermenPANRB 53/2014 use for such indicators.
 * Both are written here as 100 +/- (actual - target) / |target| x 100 so a negative target
 * keeps the right sign. Results are clamped to [0, 200] and rounded to 2 decimals.
 */
import { roundHalfUp } from './round-half-up';

/** Indicator polarities. */
export const DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;

/** Whether a higher or a lower value is the better outcome. */
export type Direction = (typeof DIRECTIONS)[number];

/** Indonesian labels of the polarities. */
export const DIRECTION_LABELS: Record<Direction, string> = {
  HIGHER_IS_BETTER: 'Semakin Tinggi Semakin Baik',
  LOWER_IS_BETTER: 'Semakin Rendah Semakin Baik',
};

/** Lowest achievement reported, in percent. */
export const MIN_ACHIEVEMENT_PERCENT = 0;

/** Highest achievement reported, in percent (twice the target). */
export const MAX_ACHIEVEMENT_PERCENT = 200;

const clamp = (value: number): number =>
  Math.min(MAX_ACHIEVEMENT_PERCENT, Math.max(MIN_ACHIEVEMENT_PERCENT, value));

/** +1 when `after` is the better side of `before` for the direction, -1 when worse, 0 when equal. */
function betterSign(direction: Direction, before: number, after: number): number {
  const sign = Math.sign(after - before);
  return direction === 'HIGHER_IS_BETTER' ? sign : -sign;
}

/**
 * Achievement % of an actual value against a target (2 decimals, 0–200).
 * A zero target (e.g. "zero complaints") has no ratio: meeting it exactly is 100, doing
 * better is 200 and doing worse is 0.
 */
export function achievementPercent(input: { direction: Direction; target: number; actual: number }): number {
  const { direction, target, actual } = input;
  if (target === 0) return 100 + 100 * betterSign(direction, target, actual);
  const relative = ((actual - target) / Math.abs(target)) * 100;
  const percent = direction === 'HIGHER_IS_BETTER' ? 100 + relative : 100 - relative;
  return roundHalfUp(clamp(percent), 2);
}

/**
 * Relative improvement from `before` to `after` in percent of |before| (2 decimals):
 * positive is better, whatever the direction. Null when `before` is 0 and `after` differs,
 * since no relative change exists then; 0 when both are 0.
 */
export function indicatorChange(input: {
  direction: Direction;
  before: number;
  after: number;
}): number | null {
  const { direction, before, after } = input;
  if (before === 0) return after === 0 ? 0 : null;
  const change = (Math.abs(after - before) / Math.abs(before)) * 100;
  return roundHalfUp(change * betterSign(direction, before, after), 2);
}
