import type {
  IndicatorScope,
  IndicatorStatus,
  Measurement,
  PerformanceIndicator,
} from '../../domain/performance-indicator';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { measurementEntity, recordMeasurementWrites } from '../entities/measurement';
import {
  indicatorPartitions,
  indicatorWrites,
  performanceIndicatorEntity,
} from '../entities/performance-indicator';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import type { Item, QuerySpec, Table } from '../table';

export interface IndicatorListFilter {
  unitId?: string | undefined;
  scope?: IndicatorScope | undefined;
  status?: IndicatorStatus | undefined;
  /** Upper-case code prefix. */
  codePrefix?: string | undefined;
}

/** Performance indicators (by id, by agency or unit and code) and their measurements per period. */
export function createPerformanceRepository(table: Table, codec: CursorCodec) {
  const toIndicator = (item: Item) => performanceIndicatorEntity.fromItem(item);

  return {
    /** One indicator, through the request's batching loader. */
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<PerformanceIndicator | undefined> {
      const item = await loader.load(performanceIndicatorEntity.key(agencyId, id));
      return item ? toIndicator(item) : undefined;
    },

    /** One indicator read strongly consistent, as the base of an update or a measurement. */
    async getLatest(agencyId: string, id: string): Promise<PerformanceIndicator | undefined> {
      const item = await table.get(performanceIndicatorEntity.key(agencyId, id));
      return item ? toIndicator(item) : undefined;
    },

    /** A page of indicators of an agency (or one unit), by code. */
    list(
      agencyId: string,
      filter: IndicatorListFilter,
      page: PageArgs,
    ): Promise<Connection<PerformanceIndicator>> {
      const spec: QuerySpec = filter.unitId
        ? { index: 'gsi2', partition: indicatorPartitions.unit(agencyId, filter.unitId) }
        : { index: 'gsi1', partition: indicatorPartitions.agency(agencyId) };
      if (filter.codePrefix) spec.sortKey = { beginsWith: filter.codePrefix };
      const filters: Condition[] = [];
      if (filter.scope) filters.push({ attribute: 'scope', equals: filter.scope });
      if (filter.status) filters.push({ attribute: 'status', equals: filter.status });
      if (filters.length) spec.filters = filters;
      return queryConnection(table, codec, spec, page, toIndicator);
    },

    /** Writes a new indicator and its code guard together; CONFLICT if the code is taken. */
    create(indicator: PerformanceIndicator, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(indicatorWrites.create(indicator), claim, indicator.id, now));
    },

    /** Applies an update if the stored version is still `before.version`; CONFLICT otherwise. */
    update(before: PerformanceIndicator, after: PerformanceIndicator): Promise<void> {
      return table.transact(indicatorWrites.update(before, after));
    },

    /**
     * Stores a measurement if its period has none yet and the indicator is still active, in
     * one transaction: concurrent writers of the same period cannot both succeed.
     */
    recordMeasurement(measurement: Measurement): Promise<void> {
      return table.transact(recordMeasurementWrites(measurement));
    },

    /** A page of an indicator's measurements, newest period first. */
    listMeasurements(
      agencyId: string,
      indicatorId: string,
      page: PageArgs,
    ): Promise<Connection<Measurement>> {
      const { partition, sortPrefix } = measurementEntity.collection(agencyId, indicatorId);
      const spec: QuerySpec = { partition, sortKey: { beginsWith: sortPrefix }, scanForward: false };
      return queryConnection(table, codec, spec, page, measurementEntity.fromItem);
    },

    /** Every measurement of an indicator, oldest period first (bounded: one per period of its cadence). */
    async allMeasurements(agencyId: string, indicatorId: string): Promise<Measurement[]> {
      const { partition, sortPrefix } = measurementEntity.collection(agencyId, indicatorId);
      const items = await table.queryAll({ partition, sortKey: { beginsWith: sortPrefix } });
      return items.map(measurementEntity.fromItem);
    },

    /** The measurement of the latest period, if any. */
    async latestMeasurement(agencyId: string, indicatorId: string): Promise<Measurement | undefined> {
      const { partition, sortPrefix } = measurementEntity.collection(agencyId, indicatorId);
      const page = await table.queryPage(
        { partition, sortKey: { beginsWith: sortPrefix }, scanForward: false },
        1,
      );
      const [item] = page.items;
      return item ? measurementEntity.fromItem(item) : undefined;
    },
  };
}

export type PerformanceRepository = ReturnType<typeof createPerformanceRepository>;
