/**
 * Turns an `aggregate` answer into chart-ready data (the `{ labels, datasets }` shape Chart.js,
 * ECharts and most chart libraries take): the last `groupBy` dimension is the x-axis, the others
 * name the series, and each series has one value per label (null where the API has no group).
 */
import type { DashboardSeriesQuery, Measure } from './gql/graphql';

/** The `aggregate` part of the DashboardSeries answer. */
export type AggregateAnswer = DashboardSeriesQuery['aggregate'];

/** One line (or bar group) of the chart. */
export interface ChartDataset {
  /** The series' name: the labels of its dimensions (e.g. a unit's name), or the measure alone. */
  label: string;
  measure: Measure;
  /** One value per chart label; null where the measure is undefined or the group absent. */
  data: (number | null)[];
}

/** Chart-ready data. */
export interface ChartData {
  /** The x-axis labels, in the API's order (time in order, empty buckets included). */
  labels: string[];
  datasets: ChartDataset[];
  /** The totals over everything that matched, per measure. */
  totals: { measure: Measure; value: number | null }[];
  /** How fresh the rollups behind it are. */
  asOf: string | null;
}

/** Chart data for `measures` (default: every measure of the answer, in its order). */
export function toChartSeries(answer: AggregateAnswer, measures?: Measure[]): ChartData {
  const wanted = measures ?? answer.totals.map((t) => t.measure);
  const totals = answer.totals.filter((t) => wanted.includes(t.measure));
  const asOf = answer.asOf ?? null;
  if (answer.groups.length === 0) {
    // No groupBy: the totals are the one point of the chart.
    const datasets = totals.map(({ measure, value }) => ({ label: measure, measure, data: [value ?? null] }));
    return { labels: ['Total'], datasets, totals, asOf };
  }
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const series = new Map<string, Map<Measure, (number | null)[]>>();
  for (const group of answer.groups) {
    const x = group.key.at(-1)?.label ?? 'Total';
    const name = group.key
      .slice(0, -1)
      .map((k) => k.label)
      .join(' / ');
    if (!labelIndex.has(x)) {
      labelIndex.set(x, labels.length);
      labels.push(x);
    }
    const byMeasure = series.get(name) ?? new Map<Measure, (number | null)[]>();
    series.set(name, byMeasure);
    for (const { measure, value } of group.values) {
      if (!wanted.includes(measure)) continue;
      const data = byMeasure.get(measure) ?? [];
      byMeasure.set(measure, data);
      data[labelIndex.get(x) as number] = value ?? null;
    }
  }
  const datasets: ChartDataset[] = [];
  for (const [name, byMeasure] of series) {
    for (const measure of wanted) {
      const values = byMeasure.get(measure) ?? [];
      const label = [name, wanted.length > 1 || !name ? measure : ''].filter(Boolean).join(' — ');
      datasets.push({ label, measure, data: labels.map((_, i) => values[i] ?? null) });
    }
  }
  return { labels, datasets, totals, asOf };
}
