import { dimensionsOfMeasure, supportedPairs, timeGrainOf } from '../domain/analytics/capabilities';
import { type CellRow, combine } from '../domain/analytics/combine';
import {
  DIMENSION_DESCRIPTIONS,
  DIMENSIONS,
  type Dimension,
  isTimeDimension,
} from '../domain/analytics/dimensions';
import { labelOf } from '../domain/analytics/labels';
import { maxGroups } from '../domain/analytics/max-groups';
import { MEASURE_NAMES, MEASURES, type Measure } from '../domain/analytics/measures';
import { type AggregateRequest, planAggregate } from '../domain/analytics/query-plan';
import type { Unit } from '../domain/organization';
import type { TrainingProgram } from '../domain/training';
import { BadUserInputError, ForbiddenError, QueryTooComplexError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import { createDimensionCardinality } from './dimension-cardinality';
import type { ServiceDeps } from './ports';
import type { RequestScope } from './request-scope';
import { unitInReach } from './staff-scope';

/** One group of an answer: its key (dimension values with labels) and the measures' values. */
export interface AggregateGroup {
  key: { dimension: Dimension; value: string; label: string }[];
  values: { measure: Measure; value: number | null }[];
}

export interface AggregateAnswer {
  /** The dimensions grouped by, in the order asked (the order of each group's key). */
  groupBy: Dimension[];
  groups: AggregateGroup[];
  totals: { measure: Measure; value: number | null }[];
  asOf: string | null;
}

/**
 * Dashboard aggregates over the rollups the stream aggregator keeps: any supported measures by
 * any supported dimensions in one round trip, within the caller's agency (a unit head only sees
 * their units). Reads a handful of rollup partitions, whatever the number of records.
 */
export function createAnalyticsService({ rollups, organization, training, clock }: ServiceDeps) {
  const cardinality = createDimensionCardinality({ rollups, organization, training });
  return {
    /** How many values each dimension has in an agency, and the months with data (briefly cached). */
    cardinality: (agencyId: string) => cardinality.of(agencyId),

    /** The number of values of one dimension in the caller's agency (time: buckets of the months with data). */
    async valueCount(scope: RequestScope, dimension: Dimension): Promise<number> {
      const caller = requireStaff(scope.caller);
      const counts = await cardinality.of(caller.agencyId);
      return maxGroups({ groupBy: [dimension], filterSizes: {} }, counts, clock());
    },

    /** Answers a question; `referencedAgencies` are the agencies of the ids in its filter (all must be the caller's). */
    async aggregate(
      scope: RequestScope,
      request: AggregateRequest,
      referencedAgencies: readonly string[] = [],
    ): Promise<AggregateAnswer> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      for (const agencyId of referencedAgencies) requireSameAgency(caller, agencyId);
      // The watermark is read before the cells (beside the units, one round trip): the aggregator
      // advances it only after applying changes, so every change up to `asOf` is in the cells read.
      const [units, asOf] = await Promise.all([
        organization.allUnits(caller.agencyId),
        rollups.asOf(caller.agencyId),
      ]);
      const byId = new Map(units.map((u) => [u.id, u]));
      if (caller.role === 'UNIT_HEAD')
        request = limitToReach(
          request,
          units.filter((u) => unitInReach(caller, u)),
        );
      const planned = planAggregate(request, clock());
      if (!planned.ok) throw new BadUserInputError(planned.issues);
      const { plan } = planned;
      const rows: CellRow[] = (
        await Promise.all(plan.reads.map((read) => rollups.readCells(caller.agencyId, read)))
      ).flat();
      const programs = new Map<string, TrainingProgram>();
      const needsPrograms = [
        ...plan.request.groupBy,
        ...(Object.keys(plan.request.filter) as Dimension[]),
      ].some((d) => ['PROGRAM', 'PROGRAM_CATEGORY', 'PARTNER'].includes(d));
      if (needsPrograms) {
        const ids = [...new Set(rows.flatMap((r) => (r.values.PROGRAM ? [r.values.PROGRAM] : [])))];
        const loaded = await Promise.all(
          ids.map((id) => training.getProgram(scope.loader, caller.agencyId, id)),
        );
        for (const p of loaded) if (p) programs.set(p.id, p);
      }
      let combined: ReturnType<typeof combine>;
      try {
        combined = combine(plan, rows, {
          regionOfUnit: (id) => byId.get(id)?.region.code,
          categoryOfProgram: (id) => programs.get(id)?.category,
          partnerOfProgram: (id) => programs.get(id)?.partnerId,
        });
      } catch (error) {
        if (error instanceof RangeError)
          throw new QueryTooComplexError(`${error.message}; narrow the filter or the groups`);
        throw error;
      }
      const partnerCodes = [
        ...new Set(
          combined.groups
            .map((g) => g.key.PARTNER)
            .filter((c): c is string => Boolean(c) && c !== 'INTERNAL'),
        ),
      ];
      const partners = new Map(
        (
          await Promise.all(
            partnerCodes.map((code) => training.getPartner(scope.loader, caller.agencyId, code)),
          )
        ).flatMap((p) => (p ? [[p.id, p.name] as const] : [])),
      );
      const regions = new Map(units.map((u) => [u.region.code, u.region.name]));
      const lookups = {
        unitName: (id: string) => byId.get(id)?.name,
        regionName: (code: string) => regions.get(code),
        programTitle: (id: string) => programs.get(id)?.title,
        partnerName: (code: string) => partners.get(code),
      };
      // Many groups share each value (every unit in every month): one key part per value, labelled once.
      const parts = plan.request.groupBy.map(() => new Map<string, AggregateGroup['key'][number]>());
      const part = (d: number, dimension: Dimension, value: string) => {
        const known = parts[d] as Map<string, AggregateGroup['key'][number]>;
        let found = known.get(value);
        if (!found) {
          found = { dimension, value, label: labelOf(dimension, value, lookups) };
          known.set(value, found);
        }
        return found;
      };
      const groups = combined.groups.map((group) => ({
        key: plan.request.groupBy.map((dimension, d) => part(d, dimension, group.key[dimension] ?? '')),
        values: plan.request.measures.map((measure) => ({
          measure,
          value: MEASURES[measure].value(group.components),
        })),
      }));
      return {
        groupBy: plan.request.groupBy,
        groups: sortGroups(groups, parts),
        totals: plan.request.measures.map((measure) => ({
          measure,
          value: MEASURES[measure].value(combined.totals),
        })),
        asOf: asOf ?? null,
      };
    },

    /** Measures, dimensions and the supported pairs, with descriptions (for dashboard builders). */
    capabilities() {
      return {
        measures: MEASURE_NAMES.map((measure) => ({
          measure,
          description: MEASURES[measure].description,
          dimensions: dimensionsOfMeasure(measure),
          timeGrain: timeGrainOf(measure),
        })),
        dimensions: DIMENSIONS.map((dimension) => ({
          dimension,
          description: DIMENSION_DESCRIPTIONS[dimension],
          measures: MEASURE_NAMES.filter((m) => dimensionsOfMeasure(m).includes(dimension)),
        })),
        pairs: supportedPairs(),
      };
    },
  };
}

/** A unit head's question, limited to their units (asking for other units is refused). */
function limitToReach(request: AggregateRequest, reach: Unit[]): AggregateRequest {
  const allowed = reach.map((u) => u.id);
  const asked = request.filter.UNIT;
  if (asked?.some((id) => !allowed.includes(id)))
    throw new ForbiddenError('A unit head sees only their own unit and its sub-units');
  return { ...request, filter: { ...request.filter, UNIT: asked ?? allowed } };
}

/** Indonesian collation, built once: `localeCompare(y, 'id')` looks the locale up on every call. */
const LABEL_ORDER = new Intl.Collator('id');

/**
 * Time keys in order; other keys by label. Each dimension's distinct values (`parts`, one map per
 * dimension, as the groups' keys were built) are ranked once and groups compared by rank:
 * thousands of groups share a few dozen values.
 */
function sortGroups(
  groups: AggregateGroup[],
  parts: readonly Map<string, AggregateGroup['key'][number]>[],
): AggregateGroup[] {
  const ranks = parts.map((values) => {
    const time = isTimeDimension([...values.values()][0]?.dimension as Dimension);
    const ordered = [...values.values()].sort((a, b) =>
      time ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : LABEL_ORDER.compare(a.label, b.label),
    );
    return new Map(ordered.map((part, rank) => [part.value, rank]));
  });
  const keyed = groups.map((group) => ({
    group,
    rank: group.key.map((k, i) => ranks[i]?.get(k.value) ?? 0),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i += 1) {
      const order = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map((k) => k.group);
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
