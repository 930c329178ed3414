import type { FieldIssue } from '../validation-issues';
import type { Dimension } from './dimensions';
import type { Measure } from './measures';

/** The issue of an unsupported (measure, dimension) pair, naming what the measure supports. */
export function capabilityError(
  field: string,
  measure: Measure,
  dimension: Dimension,
  supported: readonly Dimension[],
): FieldIssue {
  return {
    field,
    reason: `${measure} cannot be grouped or filtered by ${dimension}; it supports ${supported.length ? supported.join(', ') : 'no dimension (totals only)'}`,
  };
}
