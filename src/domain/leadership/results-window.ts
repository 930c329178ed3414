import { type Direction, indicatorChange } from '../indicator-achievement';
import { roundHalfUp } from '../round-half-up';

/** One measured period of an indicator. */
export interface MeasuredPeriod {
  period: string;
  value: number;
}

/** The results level from an indicator's periods around a program. */
export interface ResultsWindow {
  /** The periods compared, oldest first. */
  before: MeasuredPeriod[];
  after: MeasuredPeriod[];
  /** Means of the two windows (null when a window is empty). */
  beforeValue: number | null;
  afterValue: number | null;
  /** % better from the mean before to the mean after; null when either window is empty or the mean before is 0. */
  changePercent: number | null;
}

const mean = (periods: MeasuredPeriod[]) =>
  periods.length ? roundHalfUp(periods.reduce((sum, p) => sum + p.value, 0) / periods.length, 4) : null;

/**
 * Compares an indicator before and after a program over windows of periods, not two single
 * points, so one odd month decides nothing: the latest `size.before` measured periods up to and
 * including `lastBefore` against the earliest `size.after` measured periods from `firstAfter` on.
 * Period keys of one cadence sort chronologically. Fewer measured periods than asked leave the
 * windows short: the recommendation then says "not enough data".
 */
export function resultsWindow(input: {
  direction: Direction;
  measurements: MeasuredPeriod[];
  lastBefore: string;
  firstAfter: string;
  size: { before: number; after: number };
}): ResultsWindow {
  const sorted = [...input.measurements].sort((a, b) => a.period.localeCompare(b.period));
  const before = sorted.filter((m) => m.period <= input.lastBefore).slice(-input.size.before);
  const after = sorted.filter((m) => m.period >= input.firstAfter).slice(0, input.size.after);
  const beforeValue = mean(before);
  const afterValue = mean(after);
  const changePercent =
    beforeValue === null || afterValue === null
      ? null
      : indicatorChange({ direction: input.direction, before: beforeValue, after: afterValue });
  return { before, after, beforeValue, afterValue, changePercent };
}
