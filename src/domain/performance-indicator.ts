import type { Direction } from './indicator-achievement';
import type { PeriodKind } from './period';
import type { RecordMeta } from './record';

/** What an indicator measures: one employee (IKI), one work unit (IKU) or one training program. */
export const INDICATOR_SCOPES = ['EMPLOYEE', 'UNIT', 'PROGRAM'] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];

/** How often an indicator is measured; each cadence takes periods of one kind. */
export const INDICATOR_CADENCES = ['MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export type IndicatorCadence = (typeof INDICATOR_CADENCES)[number];

/** The period kind (`2026-07`, `2026-Q3`, `2026`) a cadence is measured in. */
export const CADENCE_PERIOD_KIND: Record<IndicatorCadence, PeriodKind> = {
  MONTHLY: 'MONTH',
  QUARTERLY: 'QUARTER',
  YEARLY: 'YEAR',
};

/** Whether an indicator still takes measurements. */
export const INDICATOR_STATUSES = ['ACTIVE', 'RETIRED'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** A performance indicator (indikator kinerja) with its target and polarity. */
export interface PerformanceIndicator extends RecordMeta {
  /** Unique per agency, upper case (e.g. `IKU-PLJ-01`). */
  code: string;
  name: string;
  description?: string | undefined;
  /** Unit of measure (satuan), e.g. `jam`, `%`, `hari`. */
  unitOfMeasure: string;
  direction: Direction;
  baseline?: number | undefined;
  target: number;
  cadence: IndicatorCadence;
  scope: IndicatorScope;
  /** Local id of the measured subject: a unit, an employee or a training program. */
  scopeId: string;
  /** The responsible work unit: the measured unit, the employee's unit, or the unit running the program. */
  unitId: string;
  /** The measured employee (EMPLOYEE scope). */
  employeeId?: string | undefined;
  /** The measured training program (PROGRAM scope). */
  programId?: string | undefined;
  status: IndicatorStatus;
}

/** One measured value (realisasi) of an indicator for one period; at most one per period. */
export interface Measurement {
  agencyId: string;
  indicatorId: string;
  /** Period key of the indicator's cadence: `2026-07`, `2026-Q3` or `2026`. */
  period: string;
  value: number;
  note?: string | undefined;
  recordedAt: string;
  /** Subject of the token that recorded it. */
  recordedBy: string;
  /** Snapshot for dashboards, fixed when recorded: the indicator's responsible unit. */
  unitId: string;
  /** Snapshot: achievement against the target and direction in force when recorded. */
  achievementPercent: number;
}
