/**
 * Decimal rounding used by every score in the domain (IKM, achievement %, learning gain).
 *
 * Binary floats store 88.305 as 88.30499999…, so a plain Math.round(x * 100) rounds some
 * exact halves down. A tiny epsilon scaled to the magnitude absorbs that artefact without
 * moving any value that is genuinely below the half.
 */

/** Rounds to `decimals` places, halves away from zero (88.305 -> 88.31, -1.005 -> -1.01). */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const epsilon = Math.max(1e-9, scaled * Number.EPSILON * 8);
  const rounded = Math.floor(scaled + 0.5 + epsilon) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
