import type { PerformanceIndicator } from '../../domain/performance-indicator';
import { ConflictError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';
import { versionedUpdate } from '../versioned-update';
import { putNew, type Write } from '../write';
import { claimUniqueValue } from './unique-value';

/** Index partitions of indicators, shared by the declaration below and the repository's queries. */
export const indicatorPartitions = {
  agency: (agencyId: string) => `${agencyId}#PerformanceIndicator`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#PerformanceIndicator`,
};

/**
 * Performance indicators. gsi1: indicators of an agency by code (prefix search); gsi2:
 * indicators of a unit by code. Measurements live in the indicator's item collection
 * (`entities/measurement.ts`).
 */
export const performanceIndicatorEntity = defineEntity<PerformanceIndicator>({
  type: 'PerformanceIndicator',
  indexes: {
    gsi1: (i) => ({ pk: indicatorPartitions.agency(i.agencyId), sk: ordered(i.code, i.id) }),
    gsi2: (i) => ({ pk: indicatorPartitions.unit(i.agencyId, i.unitId), sk: ordered(i.code, i.id) }),
  },
});

/** Kind of the guard item that keeps indicator codes unique in an agency (imports find indicators by it). */
export const INDICATOR_CODE_GUARD = 'IndicatorCode';

/** The writes of indicators. */
export const indicatorWrites = {
  /** A new indicator and the guard of its code: CONFLICT when the code is used already. */
  create(indicator: PerformanceIndicator): Write[] {
    return [
      claimUniqueValue(
        indicator.agencyId,
        INDICATOR_CODE_GUARD,
        indicator.code,
        indicator.id,
        (_, cause) =>
          new ConflictError(
            `Indicator code ${indicator.code} is already used in this agency`,
            { field: 'input.code' },
            cause,
          ),
      ),
      putNew(performanceIndicatorEntity.toItem(indicator)),
    ];
  },

  update(before: PerformanceIndicator, after: PerformanceIndicator): Write[] {
    return [versionedUpdate(performanceIndicatorEntity, before, after)];
  },
};
