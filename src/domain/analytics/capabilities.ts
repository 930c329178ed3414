import {
  DERIVED_DIMENSIONS,
  type DerivedDimension,
  type Dimension,
  TIME_DIMENSIONS,
  type TimeDimension,
} from './dimensions';
import { FAMILIES, type Family } from './families';
import { MEASURES, type Measure } from './measures';

/** Time dimensions a family's grain can answer. */
export function timeDimensionsOf(family: Family): TimeDimension[] {
  const grain = FAMILIES[family].time;
  if (grain === 'MONTH') return [...TIME_DIMENSIONS];
  // A quarterly state: QUARTER groups, and YEAR groups showing each year's last quarter.
  if (grain === 'QUARTER') return ['QUARTER', 'YEAR'];
  return grain === 'YEAR' ? ['YEAR'] : [];
}

/** Every dimension (stored, derived, time) a family's facts can be grouped or filtered by. */
export function familyDimensions(family: Family): Dimension[] {
  const stored = FAMILIES[family].dims as readonly Dimension[];
  const derived = (Object.keys(DERIVED_DIMENSIONS) as DerivedDimension[]).filter((d) =>
    stored.includes(DERIVED_DIMENSIONS[d]),
  );
  return [...stored, ...derived, ...timeDimensionsOf(family)];
}

/**
 * Dimensions a measure supports: those of its primary family; a measure over two families
 * (JP compliance over the workforce) supports what the first has and the second can match
 * without time (the workforce is counted as it is now).
 */
export function dimensionsOfMeasure(measure: Measure): Dimension[] {
  const [primary, ...others] = MEASURES[measure].families as readonly Family[];
  const dims = familyDimensions(primary as Family);
  return dims.filter((d) =>
    others.every((f) => familyDimensions(f).includes(d) || TIME_DIMENSIONS.includes(d as TimeDimension)),
  );
}

/** Whether a measure can be grouped or filtered by a dimension. */
export function supports(measure: Measure, dimension: Dimension): boolean {
  return dimensionsOfMeasure(measure).includes(dimension);
}

/** Every supported (measure, dimension) pair. */
export function supportedPairs(): { measure: Measure; dimension: Dimension }[] {
  return (Object.keys(MEASURES) as Measure[]).flatMap((measure) =>
    dimensionsOfMeasure(measure).map((dimension) => ({ measure, dimension })),
  );
}

/** The time grain of a measure's facts. */
export function timeGrainOf(measure: Measure): 'MONTH' | 'QUARTER' | 'YEAR' | 'NONE' {
  return FAMILIES[MEASURES[measure].families[0] as Family].time;
}
