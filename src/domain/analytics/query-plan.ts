import type { FieldIssue } from '../validation-issues';
import { dimensionsOfMeasure } from './capabilities';
import { capabilityError } from './capability-error';
import {
  type Dimension,
  isTimeDimension,
  type StoredDimension,
  storedFor,
  type TimeDimension,
} from './dimensions';
import { cuboidsOf, FAMILIES, type Family, narrowDimensionsOf } from './families';
import { quarterStart } from './learning-tally';
import { MEASURES, type Measure } from './measures';

/** The month buckets a read without `from` or `to` starts or ends at: before and after any data. */
export const OPEN_MONTH_RANGE = { from: '0000-00', to: '9999-99' } as const;

/** A dashboard question, with filter values already resolved to local ids and codes. */
export interface AggregateRequest {
  measures: Measure[];
  groupBy: Dimension[];
  filter: Partial<Record<Exclude<Dimension, TimeDimension>, string[]>>;
  /** First and last day of the time range (whole months or years are read). */
  from?: string | undefined;
  to?: string | undefined;
}

/** One rollup partition to read: a family's cuboid over a range of time buckets. */
export interface FamilyRead {
  family: Family;
  cuboid: StoredDimension[];
  /** First and last bucket (`YYYY-MM`, `YYYY` or `-`), inclusive. */
  fromBucket: string;
  toBucket: string;
}

export interface AggregatePlan {
  request: AggregateRequest;
  reads: FamilyRead[];
}

export type PlanResult = { ok: true; plan: AggregatePlan } | { ok: false; issues: FieldIssue[] };

/** Most measures in one question. */
export const MAX_MEASURES = 20;

/**
 * The stored dimensions a question needs from a family: each asked dimension itself when the
 * family stores it narrowly (`narrow`, e.g. PROGRAM_CATEGORY), else what answers it (storedFor).
 */
function neededStored(request: AggregateRequest, narrow: ReadonlySet<StoredDimension>): StoredDimension[] {
  const dims = new Set<StoredDimension>();
  for (const d of [...request.groupBy, ...(Object.keys(request.filter) as Dimension[])]) {
    if (isTimeDimension(d)) continue;
    dims.add(narrow.has(d as StoredDimension) ? (d as StoredDimension) : storedFor(d));
  }
  return [...dims];
}

/** The smallest of a family's cuboids holding every needed dimension the family has. */
function smallestCuboid(family: Family, needed: readonly StoredDimension[]) {
  const own = needed.filter((d) => storedDimensionsOf(family).has(d));
  const cuboid = cuboidsOf(family)
    .filter((dims) => own.every((d) => dims.includes(d)))
    .sort((a, b) => a.length - b.length)[0];
  return { own, cuboid };
}

/** Every dimension a family stores: its lattice's and its narrow ones. */
function storedDimensionsOf(family: Family): ReadonlySet<StoredDimension> {
  return new Set([
    ...(FAMILIES[family].dims as readonly StoredDimension[]),
    ...narrowDimensionsOf(family).map(([d]) => d),
  ]);
}

function bucketRange(
  family: Family,
  request: AggregateRequest,
  now: Date,
): { fromBucket: string; toBucket: string } {
  const grain = FAMILIES[family].time;
  if (grain === 'NONE') return { fromBucket: '-', toBucket: '-' };
  if (grain === 'MONTH') {
    return {
      fromBucket: request.from?.slice(0, 7) ?? OPEN_MONTH_RANGE.from,
      toBucket: request.to?.slice(0, 7) ?? OPEN_MONTH_RANGE.to,
    };
  }
  if (grain === 'QUARTER') return quarterRange(request, now);
  // JP compliance is a yearly figure: without YEAR groups it is the year of `to` (or this year).
  if (family === 'JP' && !request.groupBy.includes('YEAR')) {
    const year = (request.to ?? now.toISOString()).slice(0, 4);
    return { fromBucket: year, toBucket: year };
  }
  return { fromBucket: request.from?.slice(0, 4) ?? '0000', toBucket: request.to?.slice(0, 4) ?? '9999' };
}

/**
 * The quarters a quarterly state (learners) is read for: the range's quarters when grouped by
 * QUARTER, each year's last quarter (Q4) when grouped by YEAR (`combine` keeps only those), else
 * the one quarter of `to` (or now). The last one read is what the totals show.
 */
function quarterRange(request: AggregateRequest, now: Date): { fromBucket: string; toBucket: string } {
  const last = quarterStart(request.to ?? now.toISOString());
  if (request.groupBy.includes('QUARTER'))
    return { fromBucket: request.from ? quarterStart(request.from) : OPEN_MONTH_RANGE.from, toBucket: last };
  if (request.groupBy.includes('YEAR'))
    return {
      fromBucket: request.from ? `${request.from.slice(0, 4)}-01` : OPEN_MONTH_RANGE.from,
      toBucket: `${last.slice(0, 4)}-10`,
    };
  return { fromBucket: last, toBucket: last };
}

/**
 * Checks a question against what the rollups keep and picks, per fact family, the smallest
 * cuboid holding every dimension asked for (grouped or filtered): a program's category from a
 * cuboid that stores it if one fits, else through PROGRAM. Its cost is the number of
 * cells of that cuboid in the time range: it does not grow with the number of records.
 */
export function planAggregate(request: AggregateRequest, now: Date): PlanResult {
  const issues: FieldIssue[] = [];
  if (request.measures.length === 0)
    issues.push({ field: 'input.measures', reason: 'ask for at least one measure' });
  if (request.measures.length > MAX_MEASURES)
    issues.push({ field: 'input.measures', reason: `at most ${MAX_MEASURES} measures` });
  if (new Set(request.groupBy).size !== request.groupBy.length)
    issues.push({ field: 'input.groupBy', reason: 'a dimension is repeated' });
  if (request.groupBy.filter(isTimeDimension).length > 1) {
    issues.push({ field: 'input.groupBy', reason: 'group by at most one of MONTH, QUARTER, YEAR' });
  }
  if (request.from && request.to && request.from > request.to) {
    issues.push({ field: 'input.filter.to', reason: 'must not be before from' });
  }
  for (const measure of new Set(request.measures)) {
    const supported = dimensionsOfMeasure(measure);
    for (const d of request.groupBy) {
      if (!supported.includes(d)) issues.push(capabilityError('input.groupBy', measure, d, supported));
    }
    for (const d of Object.keys(request.filter) as Dimension[]) {
      if (!supported.includes(d)) issues.push(capabilityError(`input.filter.${d}`, measure, d, supported));
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const families = new Set(request.measures.flatMap((m) => MEASURES[m].families as readonly Family[]));
  const reads: FamilyRead[] = [];
  for (const family of families) {
    // A narrowly stored dimension (a program's category) is read from a cuboid that keeps it when
    // one holds everything asked; otherwise through the dimension it derives from (PROGRAM).
    const narrow = new Set(narrowDimensionsOf(family).map(([d]) => d));
    let { own, cuboid } = smallestCuboid(family, neededStored(request, narrow));
    if (!cuboid && narrow.size > 0)
      ({ own, cuboid } = smallestCuboid(family, neededStored(request, new Set())));
    if (!cuboid) {
      issues.push({
        field: 'input.groupBy',
        reason: `${family.toLowerCase()} rollups combine at most two of ${(FAMILIES[family].dims as readonly string[]).join(', ')} (three when one of them is UNIT, which REGION also uses); this question needs ${own.join(' + ')}`,
      });
      continue;
    }
    reads.push({ family, cuboid: [...cuboid], ...bucketRange(family, request, now) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: { request, reads } };
}
