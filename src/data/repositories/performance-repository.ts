import type {
  IndicatorScope,
  IndicatorStatus,
  Measurement,
  PerformanceIndicator,
} from '../../domain/performance-indicator';
import { ConflictError } from '../../errors/app-error';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { measurementEntity } from '../entities/measurement';
import { INDICATOR_CODE_GUARD, performanceIndicatorEntity } from '../entities/performance-indicator';
import { uniqueValueItem } from '../entities/unique-value';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { ConditionFailedError, type Item, type QuerySpec, type Table } from '../table';
import { type IdempotencyClaim, transactCreate } from '../transact-create';
import { updateVersioned } from '../versioned-update';

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
        ? { index: 'gsi2', partition: `${agencyId}#Unit#${filter.unitId}#PerformanceIndicator` }
        : { index: 'gsi1', partition: `${agencyId}#PerformanceIndicator` };
      if (filter.codePrefix) spec.sortKey = { beginsWith: filter.codePrefix };
      const filters: Condition[] = [];
      if (filter.scope) filters.push({ attribute: 'scope', equals: filter.scope });
      if (filter.status) filters.push({ attribute: 'status', equals: filter.status });
      if (filters.length) spec.filters = filters;
      return queryConnection(table, codec, spec, page, toIndicator);
    },

    /** Writes a new indicator and its code guard together; CONFLICT if the code is taken. */
    async create(
      indicator: PerformanceIndicator,
      now: Date,
      claim?: IdempotencyClaim,
    ): Promise<{ id: string; replayed: boolean }> {
      const guard = uniqueValueItem(indicator.agencyId, INDICATOR_CODE_GUARD, indicator.code, indicator.id);
      try {
        return await transactCreate(
          table,
          [
            {
              Put: {
                TableName: table.name,
                Item: performanceIndicatorEntity.toItem(indicator),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: table.name, Item: guard, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
          indicator.id,
          now,
          claim,
        );
      } catch (error) {
        if (error instanceof ConditionFailedError && error.failed.includes(1)) {
          throw new ConflictError(
            `Indicator code ${indicator.code} is already used in this agency`,
            { field: 'input.code' },
            error,
          );
        }
        throw error;
      }
    },

    /** Applies an update if the stored version is still `before.version`; CONFLICT otherwise. */
    update(before: PerformanceIndicator, after: PerformanceIndicator): Promise<void> {
      return updateVersioned(table, performanceIndicatorEntity, before, after);
    },

    /**
     * Stores a measurement if its period has none yet and the indicator is still active, in
     * one transaction: concurrent writers of the same period cannot both succeed.
     */
    async recordMeasurement(measurement: Measurement): Promise<void> {
      const { agencyId, indicatorId, period } = measurement;
      try {
        await table.transactWrite([
          {
            ConditionCheck: {
              TableName: table.name,
              Key: performanceIndicatorEntity.key(agencyId, indicatorId),
              ConditionExpression: '#status = :active',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':active': 'ACTIVE' },
            },
          },
          {
            Put: {
              TableName: table.name,
              Item: measurementEntity.toItem(measurement),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]);
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (error.failed.includes(1)) {
          throw new ConflictError(
            `Period ${period} already has a measurement`,
            { field: 'input.period' },
            error,
          );
        }
        throw new ConflictError(
          'The indicator was retired while the measurement was recorded',
          { field: 'input.indicatorId' },
          error,
        );
      }
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
