import { periodOfDate } from '../period';
import type { Dimension, StoredDimension, TimeDimension } from './dimensions';
import { isTimeDimension, NO_VALUE } from './dimensions';
import { FAMILIES, type Family } from './families';
import type { Components } from './measures';
import { MEASURES } from './measures';
import type { AggregatePlan } from './query-plan';

/** One cell read from a rollup item. */
export interface CellRow {
  family: Family;
  bucket: string;
  values: Partial<Record<StoredDimension, string>>;
  components: Record<string, number>;
}

/** How derived dimensions are read: a unit's region, a program's provider, and its category where cells lack it. */
export interface Derivations {
  regionOfUnit(unitId: string): string | undefined;
  categoryOfProgram(programId: string): string | undefined;
  partnerOfProgram(programId: string): string | undefined;
}

export interface CombinedGroup {
  key: Partial<Record<Dimension, string>>;
  components: Components;
}

/** Most groups one answer may have; beyond it the question must be narrowed. */
export const MAX_GROUPS = 10_000;

function timeValue(dimension: TimeDimension, bucket: string): string {
  if (dimension === 'YEAR') return bucket.slice(0, 4);
  if (dimension === 'MONTH') return bucket.slice(0, 7);
  return periodOfDate(`${bucket.slice(0, 7)}-01`, 'QUARTER').key;
}

function dimensionValue(row: CellRow, dimension: Dimension, derive: Derivations): string | undefined {
  if (isTimeDimension(dimension))
    return FAMILIES[row.family].time === 'NONE' ? undefined : timeValue(dimension, row.bucket);
  switch (dimension) {
    case 'REGION':
      return row.values.UNIT ? derive.regionOfUnit(row.values.UNIT) : undefined;
    case 'PROGRAM_CATEGORY':
      return categoryValue(row, derive);
    case 'PARTNER':
      return row.values.PROGRAM ? (derive.partnerOfProgram(row.values.PROGRAM) ?? 'INTERNAL') : undefined;
    default:
      return row.values[dimension];
  }
}

/** A cell's program category: stored in it (`-`: the program was not found), or its program's. */
function categoryValue(row: CellRow, derive: Derivations): string | undefined {
  const stored = row.values.PROGRAM_CATEGORY;
  if (stored !== undefined) return stored === NO_VALUE ? undefined : stored;
  return row.values.PROGRAM ? derive.categoryOfProgram(row.values.PROGRAM) : undefined;
}

/** A group's key as a Map key: its values joined (no dimension value holds these control characters). */
function keyString(values: readonly (string | null | undefined)[]): string {
  let key = '';
  for (let i = 0; i < values.length; i += 1)
    key += i === 0 ? (values[i] ?? '\u0002') : `\u0001${values[i] ?? '\u0002'}`;
  return key;
}

/** The key of a group without its time value (at `time`): a timeless family's group, or a group's other dimensions. */
const timelessKey = (values: readonly (string | undefined)[], time: number) =>
  keyString(values.map((v, i) => (i === time ? undefined : v)));

/** Adds each number of `components` into `sum` (a group's or the totals' numbers of one family). */
function addInto(sum: Record<string, number>, components: Record<string, number>) {
  for (const name in components) sum[name] = (sum[name] ?? 0) + (components[name] as number);
}

function add(into: Components, family: Family, components: Record<string, number>) {
  const target = into[family] ?? {};
  into[family] = target;
  addInto(target, components);
}

/**
 * Sums the cells into the requested groups and the totals, filtering on every dimension
 * (including derived ones), and fills empty time buckets with zero groups. Sums of numerators
 * and denominators only: rates are computed later from them, never averaged.
 */
export function combine(
  plan: AggregatePlan,
  rows: readonly CellRow[],
  derive: Derivations,
): { groups: CombinedGroup[]; totals: Components } {
  const { groupBy, filter } = plan.request;
  const filters = Object.entries(filter).map(([d, allowed]) => [d as Dimension, new Set(allowed)] as const);
  const primary = new Set(
    plan.request.measures.flatMap((m) => {
      const spec: { families: readonly Family[]; groupsFromEveryFamily?: true } = MEASURES[m];
      return spec.groupsFromEveryFamily ? spec.families : spec.families.slice(0, 1);
    }),
  );
  // A quarterly state is not summed over time: YEAR groups take each year's Q4, totals the last quarter read.
  const lastQuarter = new Map(plan.reads.map((r) => [r.family, r.toBucket]));
  const byYear = groupBy.includes('YEAR');
  const byFamily = new Map<
    Family,
    Map<string, { values: (string | undefined)[]; sum: Record<string, number> }>
  >();
  const totals: Components = {};
  // Thousands of rows: one reused array of values per row, copied only for a new group.
  const values: (string | undefined)[] = groupBy.map(() => undefined);
  for (const row of rows) {
    const quarterly = FAMILIES[row.family].time === 'QUARTER';
    if (quarterly && byYear && row.bucket.slice(5, 7) !== '10') continue;
    if (!filters.every(([d, allowed]) => allowed.has(dimensionValue(row, d, derive) ?? '\u0000'))) continue;
    if (!quarterly || row.bucket === lastQuarter.get(row.family)) add(totals, row.family, row.components);
    for (let d = 0; d < groupBy.length; d += 1)
      values[d] = dimensionValue(row, groupBy[d] as Dimension, derive);
    const key = keyString(values);
    let groups = byFamily.get(row.family);
    if (!groups) {
      groups = new Map();
      byFamily.set(row.family, groups);
    }
    let group = groups.get(key);
    if (!group) {
      group = { values: [...values], sum: {} };
      groups.set(key, group);
    }
    addInto(group.sum, row.components);
  }

  // Group keys come from the primary families; secondary ones (the workforce behind JP compliance) are matched without time.
  // Timeless keys only enter for measures that take groups from every family (INACTIVE_EMPLOYEES).
  const keys = new Map<string, (string | undefined)[]>();
  for (const family of primary)
    for (const [key, group] of byFamily.get(family) ?? []) keys.set(key, group.values);
  const time = groupBy.findIndex((d) => isTimeDimension(d));
  if (time >= 0) {
    fillTimeBuckets(keys, time, groupBy[time] as TimeDimension, plan);
    // Keys of timeless families (the workforce) stood for every time bucket and are filled now.
    for (const [key, values] of keys) if (values[time] == null) keys.delete(key);
  }
  if (keys.size > MAX_GROUPS)
    throw new RangeError(`The answer would have ${keys.size} groups (at most ${MAX_GROUPS})`);

  const groups: CombinedGroup[] = [];
  for (const [key, values] of keys) {
    const components: Components = {};
    for (const [family, found] of byFamily) {
      // Timeless families (the workforce) are found without the time value.
      const projected = FAMILIES[family].time === 'NONE' && time >= 0 ? timelessKey(values, time) : key;
      const sum = found.get(projected)?.sum;
      if (sum) add(components, family, sum);
    }
    const groupKey: CombinedGroup['key'] = {};
    for (let d = 0; d < groupBy.length; d += 1) groupKey[groupBy[d] as Dimension] = values[d] ?? '';
    groups.push({ key: groupKey, components });
  }
  return { groups, totals };
}

/** Adds the missing time buckets (zero groups) for every combination of the other dimensions. */
function fillTimeBuckets(
  keys: Map<string, (string | undefined)[]>,
  at: number,
  dimension: TimeDimension,
  plan: AggregatePlan,
) {
  const present = [...keys.values()].map((k) => k[at]).filter((v): v is string => Boolean(v));
  const first =
    plan.request.from ?? (present.length ? toDate(present.reduce((a, b) => (a < b ? a : b))) : undefined);
  const last =
    plan.request.to ?? (present.length ? toDate(present.reduce((a, b) => (a > b ? a : b))) : undefined);
  if (!first || !last) return;
  const kind = dimension === 'MONTH' ? 'MONTH' : dimension === 'QUARTER' ? 'QUARTER' : 'YEAR';
  const buckets: string[] = [];
  for (let period = periodOfDate(first, kind); period.start <= last; ) {
    // A range of centuries would build millions of zero groups before the group limit is checked.
    if (buckets.length >= MAX_GROUPS)
      throw new RangeError(`The time range has more than ${MAX_GROUPS} ${kind.toLowerCase()}s`);
    buckets.push(period.key);
    const next = periodOfDate(addDay(period.end), kind);
    if (next.start <= period.start) break;
    period = next;
  }
  const others = new Map<string, (string | undefined)[]>();
  for (const key of keys.values()) others.set(timelessKey(key, at), key);
  // A plain time series over a range with no data still has its (zero) buckets.
  if (others.size === 0 && plan.request.groupBy.length === 1) others.set('[]', [undefined]);
  if (others.size * buckets.length > MAX_GROUPS)
    throw new RangeError(
      `The answer would have ${others.size * buckets.length} groups (at most ${MAX_GROUPS})`,
    );
  for (const key of others.values()) {
    for (const bucket of buckets) {
      const filled = key.map((v, i) => (i === at ? bucket : v));
      keys.set(keyString(filled), filled);
    }
  }
}

function toDate(timeKey: string): string {
  if (/^\d{4}$/.test(timeKey)) return `${timeKey}-01-01`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(timeKey);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${timeKey}-01`;
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
