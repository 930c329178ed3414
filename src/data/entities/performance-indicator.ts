import type { PerformanceIndicator } from '../../domain/performance-indicator';
import { defineEntity } from '../entity';

/**
 * Performance indicators. gsi1: indicators of an agency by code (prefix search); gsi2:
 * indicators of a unit by code. Measurements live in the indicator's item collection
 * (`entities/measurement.ts`).
 */
export const performanceIndicatorEntity = defineEntity<PerformanceIndicator>({
  type: 'PerformanceIndicator',
  indexes: {
    gsi1: (i) => ({ pk: `${i.agencyId}#PerformanceIndicator`, sk: `${i.code}#${i.id}` }),
    gsi2: (i) => ({ pk: `${i.agencyId}#Unit#${i.unitId}#PerformanceIndicator`, sk: `${i.code}#${i.id}` }),
  },
});

/** Kind of the guard item that keeps indicator codes unique in an agency (`entities/unique-value.ts`). */
export const INDICATOR_CODE_GUARD = 'IndicatorCode';
