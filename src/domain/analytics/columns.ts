import type { Dimension } from './dimensions';
import type { Measure } from './measures';

/** One group of an aggregate answer, as `AggregateResult.groups` lists it. */
export interface AnswerGroup {
  key: readonly { dimension: Dimension; value: string; label: string }[];
  values: readonly { measure: Measure; value: number | null }[];
}

/** The same groups as columns (`AggregateResult.columns`). */
export interface ColumnarAnswer {
  axes: { dimension: Dimension; values: { value: string; label: string }[] }[];
  keys: number[][];
  series: { measure: Measure; values: (number | null)[] }[];
}

/**
 * Turns ordered groups into columns: per dimension, its values once, in the order they first
 * appear (the groups' order, so time stays in order and the rest by label); per group, its
 * positions on the axes; per measure, its values group by group. Nothing is lost: group `i` is
 * rebuilt from `axes[d].values[keys[i][d]]` and `series[m].values[i]`.
 */
export function toColumns(
  groupBy: readonly Dimension[],
  measures: readonly Measure[],
  groups: readonly AnswerGroup[],
): ColumnarAnswer {
  const axes = groupBy.map((dimension) => ({ dimension, values: [] as { value: string; label: string }[] }));
  const positions = groupBy.map(() => new Map<string, number>());
  const keys = groups.map((group) =>
    groupBy.map((_, d) => {
      const part = group.key[d];
      if (!part) throw new Error(`A group lacks its ${groupBy[d]} value`);
      const seen = positions[d] as Map<string, number>;
      let position = seen.get(part.value);
      if (position === undefined) {
        position = seen.size;
        seen.set(part.value, position);
        axes[d]?.values.push({ value: part.value, label: part.label });
      }
      return position;
    }),
  );
  const series = measures.map((measure, m) => ({
    measure,
    values: groups.map((group) => group.values[m]?.value ?? null),
  }));
  return { axes, keys, series };
}
