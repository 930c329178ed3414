/**
 * Latency of one dashboard aggregate on 100k records against the same question on 1k records,
 * each data set in its own table (see load-records.ts): completion rate, training hours and
 * enrollment count by UNIT x PROGRAM_CATEGORY x MONTH over the last 24 months, asked by the
 * agency's administrator through the whole server. Rollups are bucketed, so the cost should
 * follow the number of groups, not the number of records.
 */
import { monthsBefore } from '../../src/demo/demo-ids';
import { adminClaims, type BenchApp } from './bench-app';
import { BENCH_AGENCY, BENCH_MONTHS } from './load-records';
import { median } from './statistics';

/** An aggregate answered as groups, a dozen fields each (what most dashboards ask). */
export const AGGREGATE_QUERY = `query Heatmap($input: AggregateInput!) {
  aggregate(input: $input) {
    asOf
    totals { measure value }
    groups { key { dimension value label } values { measure value } }
  }
}`;

/** The same answer as columns (`AggregateResult.columns`): how a heatmap of thousands of cells asks. */
export const COLUMNS_QUERY = `query HeatmapColumns($input: AggregateInput!) {
  aggregate(input: $input) {
    asOf
    totals { measure value }
    columns { axes { dimension values { value label } } keys series { measure values } }
  }
}`;

/** 24 whole months ending with the current one. */
function lastTwoYears(now: Date) {
  const first = monthsBefore(now, BENCH_MONTHS - 1);
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The heatmap: UNIT x PROGRAM_CATEGORY x MONTH over 24 months (2,640 groups). */
export function heatmapInput(now: Date) {
  return {
    measures: ['COMPLETION_RATE', 'TRAINING_HOURS', 'ENROLLMENT_COUNT'],
    groupBy: ['UNIT', 'PROGRAM_CATEGORY', 'MONTH'],
    filter: lastTwoYears(now),
  };
}

/** A dashboard's everyday question: completion rate and JP by unit and quarter (88 groups). */
export function dashboardInput(now: Date) {
  return {
    measures: ['COMPLETION_RATE', 'TRAINING_HOURS', 'ENROLLMENT_COUNT'],
    groupBy: ['UNIT', 'QUARTER'],
    filter: lastTwoYears(now),
  };
}

/** An aggregate question (the `input` of `aggregate`). */
export type AggregateQuestion = ReturnType<typeof heatmapInput>;

type MeasureValues = { measure: string; value: number | null }[];
interface GroupsAnswer {
  aggregate: { groups: { values: MeasureValues }[]; totals: MeasureValues };
}
interface ColumnsAnswer {
  aggregate: {
    columns: { keys: number[][]; series: { measure: string; values: (number | null)[] }[] };
    totals: MeasureValues;
  };
}

/** The enrollment count of each group, whichever shape the answer took. */
function enrollmentCounts(answer: GroupsAnswer | ColumnsAnswer): (number | null)[] {
  const { aggregate } = answer;
  if ('columns' in aggregate)
    return aggregate.columns.series.find((s) => s.measure === 'ENROLLMENT_COUNT')?.values ?? [];
  return aggregate.groups.map((g) => g.values.find((v) => v.measure === 'ENROLLMENT_COUNT')?.value ?? null);
}

/** What one data set's answer cost. */
export interface AggregateSample {
  /** Median latency through the server, unrounded. */
  medianMs: number;
  /** DynamoDB requests and sequential waves of one answer. */
  requests: number;
  waves: number;
  groups: number;
  /** Groups with at least one enrollment (the rest are zero-filled months). */
  filledGroups: number;
  enrollments: number;
}

/**
 * Asks every data set's app the question `rounds` times, in rotating order, after a warm-up,
 * checking each answer; returns the median latency and the cost of one answer per data set.
 */
export async function measureAggregateLatency<Name extends string>(
  apps: Record<Name, BenchApp>,
  question: AggregateQuestion,
  options: { warmup?: number; rounds?: number; budgetMs?: number; shape?: 'groups' | 'columns' } = {},
): Promise<Record<Name, AggregateSample>> {
  const { warmup = 5, rounds = 25, budgetMs = Number.POSITIVE_INFINITY, shape = 'groups' } = options;
  const query = shape === 'columns' ? COLUMNS_QUERY : AGGREGATE_QUERY;
  const started = performance.now();
  const variables = { input: question };
  const ask = async (app: BenchApp, headers: ReturnType<BenchApp['headers']>) => {
    const answer = await app.execute<GroupsAnswer | ColumnsAnswer>(query, variables, headers);
    if (answer.errors?.length || !answer.data)
      throw new Error(`Aggregate failed: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const sides = await Promise.all(
    (Object.entries(apps) as [Name, BenchApp][]).map(async ([name, app]) => ({
      name,
      app,
      headers: app.headers(await app.token(adminClaims(BENCH_AGENCY))),
      times: [] as number[],
      cost: undefined as Omit<AggregateSample, 'medianMs'> | undefined,
    })),
  );
  const enrollmentsOf = (values: { measure: string; value: number | null }[]) =>
    values.find((v) => v.measure === 'ENROLLMENT_COUNT')?.value ?? 0;
  for (const side of sides) {
    side.app.counter.reset();
    const answer = await ask(side.app, side.headers);
    const counts = enrollmentCounts(answer);
    side.cost = {
      requests: side.app.counter.requests,
      waves: side.app.counter.waves,
      groups: counts.length,
      filledGroups: counts.filter((n) => (n ?? 0) > 0).length,
      enrollments: enrollmentsOf(answer.aggregate.totals),
    };
    for (let i = 0; i < warmup; i += 1) await ask(side.app, side.headers);
  }
  // At least 5 rounds; more while the allotment lasts.
  for (let r = 0; r < rounds && (r < 5 || performance.now() - started < budgetMs); r += 1) {
    // Rotate the order so no data set always runs right after another one.
    for (let i = 0; i < sides.length; i += 1) {
      const side = sides[(r + i) % sides.length] as (typeof sides)[number];
      const started = performance.now();
      await ask(side.app, side.headers);
      side.times.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    sides.map((side) => [side.name, { ...side.cost, medianMs: median(side.times) }]),
  ) as Record<Name, AggregateSample>;
}
