import type { Measurement } from '../src/domain/performance-indicator';
import { parsePeriod } from '../src/domain/period';
import type { Resolvers } from '../src/generated/graphql';
import type { GraphQLContext } from './context';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';
import {
  CreatePerformanceIndicatorInput,
  PerformanceIndicatorFilterInput,
  RecordMeasurementInput,
  UpdatePerformanceIndicatorInput,
} from './performance.inputs';

/** The global type name of each scope's subject. */
const SUBJECT_TYPE = { UNIT: 'Unit', EMPLOYEE: 'Employee', PROGRAM: 'TrainingProgram' } as const;

/** The period of a stored measurement (stored keys always parse). */
function periodOf(key: string) {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(`Stored measurement period "${key}" does not parse: ${parsed.reason}`);
  return parsed.value;
}

/** The indicator a measurement belongs to (through the service, so access is checked). */
async function indicatorOf(measurement: Measurement, ctx: GraphQLContext) {
  const ref = { agencyId: measurement.agencyId, id: measurement.indicatorId };
  const indicator = await ctx.services.performance.get(ctx, ref);
  if (!indicator) throw new Error('Dangling reference to PerformanceIndicator');
  return indicator;
}

/** Performance indicators and their measurements. */
export const performanceResolvers: Resolvers = {
  Query: {
    performanceIndicator: (_, { id }, ctx) =>
      ctx.services.performance.get(ctx, parseInput(globalIdOf('PerformanceIndicator'), id, 'id')),
    performanceIndicators: (_, { filter, first, after }, ctx) =>
      ctx.services.performance.list(ctx, parseInput(PerformanceIndicatorFilterInput, filter, 'filter'), {
        first,
        after,
      }),
  },
  Mutation: {
    createPerformanceIndicator: (_, { input }, ctx) =>
      ctx.services.performance.create(ctx, parseInput(CreatePerformanceIndicatorInput, input)),
    updatePerformanceIndicator: (_, { input }, ctx) =>
      ctx.services.performance.update(ctx, parseInput(UpdatePerformanceIndicatorInput, input)),
    recordMeasurement: (_, { input }, ctx) =>
      ctx.services.performance.recordMeasurement(ctx, parseInput(RecordMeasurementInput, input)),
  },
  Unit: {
    indicators: (unit, { first, after }, ctx) =>
      ctx.services.performance.list(
        ctx,
        { unit: { agencyId: unit.agencyId, id: unit.id } },
        { first, after },
      ),
  },
  PerformanceIndicatorConnection: { totalCount: (connection) => connection.totalCount() },
  MeasurementConnection: { totalCount: (connection) => connection.totalCount() },
  PerformanceIndicator: {
    id: (indicator) => toGlobalId('PerformanceIndicator', indicator.agencyId, indicator.id),
    description: (indicator) => indicator.description ?? null,
    baseline: (indicator) => indicator.baseline ?? null,
    scopeId: (indicator) => toGlobalId(SUBJECT_TYPE[indicator.scope], indicator.agencyId, indicator.scopeId),
    unit: (indicator, _, ctx) =>
      ctx.services.organization.getUnit(ctx, { agencyId: indicator.agencyId, id: indicator.unitId }),
    employee: (indicator, _, ctx) =>
      indicator.employeeId
        ? ctx.services.employees.get(ctx, { agencyId: indicator.agencyId, id: indicator.employeeId })
        : null,
    measurements: (indicator, { first, after }, ctx) =>
      ctx.services.performance.measurements(ctx, indicator, { first, after }),
    latestMeasurement: (indicator, _, ctx) => ctx.services.performance.latestMeasurement(ctx, indicator),
    achievement: async (indicator, _, ctx) => {
      const latest = await ctx.services.performance.latestMeasurement(ctx, indicator);
      return latest ? ctx.services.performance.achievementOf(indicator, latest.value) : null;
    },
  },
  Measurement: {
    periodLabel: (measurement) => periodOf(measurement.period).label,
    start: (measurement) => periodOf(measurement.period).start,
    end: (measurement) => periodOf(measurement.period).end,
    note: (measurement) => measurement.note ?? null,
    indicator: (measurement, _, ctx) => indicatorOf(measurement, ctx),
    achievementPercent: async (measurement, _, ctx) =>
      ctx.services.performance.achievementOf(await indicatorOf(measurement, ctx), measurement.value),
  },
};
