import { describe, expect, it } from 'vitest';
import { type AggregateAnswer, toChartSeries } from '../../../examples/dashboard/src/chart-series';
import { textChart } from '../../../examples/dashboard/src/text-chart';

type Group = AggregateAnswer['groups'][number];

const key = (...parts: [string, string][]) =>
  parts.map(([dimension, label]) => ({ dimension, value: label, label })) as Group['key'];

const answer: AggregateAnswer = {
  asOf: '2026-11-30T10:00:00.000Z',
  groups: [
    {
      key: key(['UNIT', 'Dinas Kesehatan'], ['QUARTER', 'Triwulan I 2026']),
      values: [
        { measure: 'COMPLETION_RATE', value: 80 },
        { measure: 'TRAINING_HOURS', value: 120 },
      ],
    },
    {
      key: key(['UNIT', 'Dinas Kesehatan'], ['QUARTER', 'Triwulan II 2026']),
      values: [
        { measure: 'COMPLETION_RATE', value: null },
        { measure: 'TRAINING_HOURS', value: 0 },
      ],
    },
    {
      key: key(['UNIT', 'Kecamatan Medan Belawan'], ['QUARTER', 'Triwulan II 2026']),
      values: [
        { measure: 'COMPLETION_RATE', value: 50 },
        { measure: 'TRAINING_HOURS', value: 24 },
      ],
    },
  ],
  totals: [
    { measure: 'COMPLETION_RATE', value: 66.7 },
    { measure: 'TRAINING_HOURS', value: 144 },
  ],
};

describe('the dashboard example chart series', () => {
  it('puts the last dimension on the x-axis and makes a series of each value of the others', () => {
    const chart = toChartSeries(answer, ['COMPLETION_RATE']);
    expect(chart.labels).toEqual(['Triwulan I 2026', 'Triwulan II 2026']);
    expect(chart.datasets).toEqual([
      { label: 'Dinas Kesehatan', measure: 'COMPLETION_RATE', data: [80, null] },
      { label: 'Kecamatan Medan Belawan', measure: 'COMPLETION_RATE', data: [null, 50] },
    ]);
    expect(chart.totals).toEqual([{ measure: 'COMPLETION_RATE', value: 66.7 }]);
    expect(chart.asOf).toBe('2026-11-30T10:00:00.000Z');
  });

  it('names a dataset per series and measure when several measures are asked', () => {
    const chart = toChartSeries(answer);
    expect(chart.datasets.map((d) => d.label)).toEqual([
      'Dinas Kesehatan — COMPLETION_RATE',
      'Dinas Kesehatan — TRAINING_HOURS',
      'Kecamatan Medan Belawan — COMPLETION_RATE',
      'Kecamatan Medan Belawan — TRAINING_HOURS',
    ]);
    expect(chart.datasets[1]?.data).toEqual([120, 0]);
  });

  it('makes a single series named by the measure for one dimension', () => {
    const single: AggregateAnswer = {
      ...answer,
      groups: [{ key: key(['YEAR', '2026']), values: [{ measure: 'COMPLETION_RATE', value: 70 }] }],
    };
    expect(toChartSeries(single, ['COMPLETION_RATE']).datasets).toEqual([
      { label: 'COMPLETION_RATE', measure: 'COMPLETION_RATE', data: [70] },
    ]);
  });

  it('charts the totals as one point when nothing is grouped', () => {
    const chart = toChartSeries({ ...answer, groups: [] }, ['TRAINING_HOURS']);
    expect(chart.labels).toEqual(['Total']);
    expect(chart.datasets).toEqual([{ label: 'TRAINING_HOURS', measure: 'TRAINING_HOURS', data: [144] }]);
  });

  it('draws bars scaled to the largest value, with a dash where there is none', () => {
    const text = textChart(toChartSeries(answer, ['TRAINING_HOURS']), 'JP');
    expect(text).toContain(`Triwulan I 2026  ${'█'.repeat(40)} 120`);
    expect(text).toContain('Triwulan II 2026  0');
    expect(text).toContain(`Triwulan II 2026 ${'█'.repeat(8)} 24`);
    expect(textChart(toChartSeries(answer, ['COMPLETION_RATE']), 'x')).toContain('Triwulan II 2026  –');
  });
});
