/**
 * Draws chart data as horizontal bars in a terminal: one block per dataset, one bar per label,
 * every dataset of a measure on the same scale (so series compare at a glance).
 */
import type { ChartData } from './chart-series';

const WIDTH = 40;

/** The chart as lines of text (no colours, so it reads the same in a log). */
export function textChart(chart: ChartData, title: string): string {
  const lines = [title, `(rollups as of ${chart.asOf ?? 'never'})`];
  const labelWidth = Math.max(...chart.labels.map((l) => l.length), 5);
  const maxByMeasure = new Map<string, number>();
  for (const { measure, data } of chart.datasets) {
    const max = Math.max(maxByMeasure.get(measure) ?? 0, ...data.map((v) => Math.abs(v ?? 0)));
    maxByMeasure.set(measure, max);
  }
  for (const dataset of chart.datasets) {
    const max = maxByMeasure.get(dataset.measure) ?? 0;
    lines.push('', dataset.label);
    dataset.data.forEach((value, i) => {
      const bar = value === null || max === 0 ? '' : '█'.repeat(Math.round((Math.abs(value) / max) * WIDTH));
      lines.push(
        `  ${(chart.labels[i] ?? '').padEnd(labelWidth)} ${bar} ${value === null ? '–' : format(value)}`,
      );
    });
  }
  lines.push(
    '',
    `Totals: ${chart.totals.map((t) => `${t.measure} ${t.value === null ? '–' : format(t.value)}`).join(', ')}`,
  );
  return lines.join('\n');
}

function format(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(1);
}
