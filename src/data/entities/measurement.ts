import type { Measurement } from '../../domain/performance-indicator';
import { ConflictError } from '../../errors/app-error';
import type { Item, ItemKey } from '../item';
import { putNew, type Write } from '../write';
import { performanceIndicatorEntity } from './performance-indicator';

const SORT_PREFIX = 'Measurement#';
const ENTITY = 'Measurement';

/**
 * Measurements are stored in their indicator's item collection, one item per period:
 * `pk = <a>#PerformanceIndicator#<id>`, `sk = Measurement#<period>`. The period is the key,
 * so a second value for the same period fails a conditional put (no read-then-write race),
 * and an indicator only takes periods of its own cadence, so stored periods never overlap.
 * Period keys of one kind sort chronologically (`2026-07` < `2026-10`, `2026-Q1` < `2026-Q4`).
 */
export const measurementEntity = {
  type: ENTITY,

  /** Key of the measurement of one period of an indicator. */
  key(agencyId: string, indicatorId: string, period: string): ItemKey {
    return { pk: performanceIndicatorEntity.key(agencyId, indicatorId).pk, sk: `${SORT_PREFIX}${period}` };
  },

  /** The partition and sort-key prefix holding every measurement of an indicator. */
  collection(agencyId: string, indicatorId: string): { partition: string; sortPrefix: string } {
    return { partition: performanceIndicatorEntity.key(agencyId, indicatorId).pk, sortPrefix: SORT_PREFIX };
  },

  /** The item to store. */
  toItem(measurement: Measurement): Item {
    return {
      ...measurement,
      ...measurementEntity.key(measurement.agencyId, measurement.indicatorId, measurement.period),
      entity: ENTITY,
    };
  },

  /** The record from a stored item. */
  fromItem(item: Item): Measurement {
    const { pk: _pk, sk: _sk, entity: _entity, ...record } = item;
    return record as unknown as Measurement;
  },
};

/**
 * Records a measurement if its period has none yet and the indicator is still active, in one
 * transaction: concurrent writers of the same period cannot both succeed.
 */
export function recordMeasurementWrites(measurement: Measurement): Write[] {
  const { agencyId, indicatorId, period } = measurement;
  return [
    putNew(
      measurementEntity.toItem(measurement),
      (_, cause) =>
        new ConflictError(`Period ${period} already has a measurement`, { field: 'input.period' }, cause),
    ),
    {
      check: performanceIndicatorEntity.key(agencyId, indicatorId),
      condition: {
        expression: '#status = :active',
        names: { '#status': 'status' },
        values: { ':active': 'ACTIVE' },
      },
      refused: (_, cause) =>
        new ConflictError(
          'The indicator was retired while the measurement was recorded',
          { field: 'input.indicatorId' },
          cause,
        ),
    },
  ];
}
