import { FEEDBACK_CHANNELS } from '../feedback';
import { GOLONGAN, PPPK_GRADES } from '../golongan';
import { monthIndex } from '../period';
import { PREDIKATS } from '../skp-predikat';
import { ENROLLMENT_STATUSES } from '../training';
import { PROGRAM_CATEGORIES } from '../training-formats';
import { MAX_GROUPS } from './combine';
import { type Dimension, isTimeDimension, type TimeDimension } from './dimensions';

export type ValueDimension = Exclude<Dimension, TimeDimension>;

/** How many values each dimension has in an agency, and the months its rollups span. */
export interface DimensionCardinality {
  values: Record<ValueDimension, number>;
  /** First and last month with data (`YYYY-MM`), undefined before any. */
  firstMonth: string | undefined;
  lastMonth: string | undefined;
}

/** Cells without a value for a dimension group under `-` (cells.ts NO_VALUE): one more value each. */
const NO_VALUE = 1;

/** Dimensions whose values are fixed by the domain, whatever the agency. */
export const FIXED_CARDINALITY = {
  PROGRAM_CATEGORY: PROGRAM_CATEGORIES.length + NO_VALUE,
  ENROLLMENT_STATUS: ENROLLMENT_STATUSES.length + NO_VALUE,
  GOLONGAN: GOLONGAN.length + PPPK_GRADES.length + NO_VALUE,
  EMPLOYMENT_TYPE: 2 + NO_VALUE,
  GENDER: 2 + NO_VALUE,
  PREDIKAT: PREDIKATS.length + NO_VALUE,
  FEEDBACK_CHANNEL: FEEDBACK_CHANNELS.length + NO_VALUE,
} as const satisfies Partial<Record<ValueDimension, number>>;

/** Agency-dependent counts (units, regions, programs, partners) with their `-` and INTERNAL values. */
export function cardinalityOf(counts: {
  units: number;
  regions: number;
  programs: number;
  partners: number;
}): Record<ValueDimension, number> {
  return {
    ...FIXED_CARDINALITY,
    UNIT: counts.units + NO_VALUE,
    REGION: counts.regions + NO_VALUE,
    PROGRAM: counts.programs + NO_VALUE,
    PARTNER: counts.partners + 1 + NO_VALUE,
  };
}

/** Time buckets of a range of months for a time dimension (1 for an empty or inverted range). */
export function timeBuckets(dimension: TimeDimension, from: string, to: string): number {
  const [a, b] = [monthIndex(from), monthIndex(to)];
  if (!(b >= a)) return 1;
  if (dimension === 'MONTH') return b - a + 1;
  if (dimension === 'QUARTER') return Math.floor(b / 3) - Math.floor(a / 3) + 1;
  return Math.floor(b / 12) - Math.floor(a / 12) + 1;
}

/**
 * The most groups an aggregate question can answer: per grouped dimension its number of values
 * (narrowed by a filter listing fewer), times the time buckets of its range (an open range from
 * the first to the last month with data, or to now), capped where `combine` refuses to answer.
 */
export function maxGroups(
  question: {
    groupBy: readonly Dimension[];
    filterSizes: Partial<Record<ValueDimension, number>>;
    from?: string;
    to?: string;
  },
  cardinality: DimensionCardinality,
  now: Date,
): number {
  const thisMonth = now.toISOString().slice(0, 7);
  let groups = 1;
  for (const dimension of new Set(question.groupBy)) {
    if (isTimeDimension(dimension)) {
      const from = question.from?.slice(0, 7) ?? cardinality.firstMonth ?? thisMonth;
      const last =
        cardinality.lastMonth && cardinality.lastMonth > thisMonth ? cardinality.lastMonth : thisMonth;
      groups *= timeBuckets(dimension, from, question.to?.slice(0, 7) ?? last);
    } else {
      const listed = question.filterSizes[dimension];
      const values = cardinality.values[dimension];
      groups *= listed === undefined ? values : Math.min(listed, values);
    }
    if (groups > MAX_GROUPS) return MAX_GROUPS;
  }
  return groups;
}
