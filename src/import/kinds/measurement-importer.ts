import { measurementEntity, recordMeasurementWrites } from '../../data/entities/measurement';
import { INDICATOR_CODE_GUARD, performanceIndicatorEntity } from '../../data/entities/performance-indicator';
import { recordsByNaturalKey } from '../../data/imports/natural-keys';
import { itemsByKey, transactRows } from '../../data/imports/transact-rows';
import { type Item, type ItemKey, keyString } from '../../data/item';
import { jakartaDateOf } from '../../domain/calendar-date';
import { achievementPercent } from '../../domain/indicator-achievement';
import {
  checkMeasurementRow,
  MEASUREMENT_COLUMNS,
  type MeasurementRow,
} from '../../domain/onboarding/kinds/measurements';
import {
  CADENCE_PERIOD_KIND,
  type Measurement,
  type PerformanceIndicator,
} from '../../domain/performance-indicator';
import type { ImportDeps } from '../import-deps';
import { issue, type KindImporter, type Numbered, type RowOutcome } from '../kind-importer';

/** What one row comes to: nothing to do, a refusal, or a new measurement. */
type Plan = 'unchanged' | { issues: ReturnType<typeof issue>[] } | { measurement: Measurement };

/** Who recorded imported values (`Measurement.recordedBy`). */
const IMPORTED_BY = 'import';
const LOST_RACE = 'was changed by someone else during the import; run the import again';

/**
 * Measurements by indicator code + period. The indicator is found by its code (unique per agency,
 * kept by a guard item); the row must be of the indicator's cadence, the indicator ACTIVE and the
 * period started, as `recordMeasurement` requires. A period holds one measurement and a recorded
 * one is never changed (as in the API): the same value again is `unchanged`, another value is
 * refused. New ones are written with `recordMeasurementWrites`, the builder the API uses, so the
 * period's conditional put and the indicator's ACTIVE check hold at write time.
 */
export function measurementImporter(agencyId: string, deps: ImportDeps): KindImporter<MeasurementRow> {
  const today = () => jakartaDateOf(deps.clock().getTime());

  /** Items by key, strongly consistent (the second look after a lost race). */
  async function strongly(keys: ItemKey[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    for (const key of keys) {
      const item = await deps.table.get(key);
      if (item) found.set(keyString(key), item);
    }
    return found;
  }

  /** The rows' indicators by code, and their stored measurements of the rows' periods by key. */
  async function lookup(rows: Numbered<MeasurementRow>[], consistent = false) {
    const codes = [...new Set(rows.map((r) => r.value.indicatorCode))];
    const indicators = await recordsByNaturalKey(
      deps.table,
      performanceIndicatorEntity,
      agencyId,
      INDICATOR_CODE_GUARD,
      codes,
      consistent,
    );
    const keys = rows.flatMap((r) => {
      const indicator = indicators.get(r.value.indicatorCode);
      return indicator ? [measurementEntity.key(agencyId, indicator.id, r.value.period)] : [];
    });
    const stored = consistent ? await strongly(keys) : await itemsByKey(deps.table, keys);
    return { indicators, stored };
  }

  function plan(row: MeasurementRow, found: Awaited<ReturnType<typeof lookup>>): Plan {
    const indicator = found.indicators.get(row.indicatorCode);
    if (!indicator)
      return {
        issues: [
          issue('indicatorCode', row.indicatorCode, 'no performance indicator with this code in the agency'),
        ],
      };
    const item = found.stored.get(keyString(measurementEntity.key(agencyId, indicator.id, row.period)));
    if (item) {
      const stored = measurementEntity.fromItem(item);
      if (stored.value === row.value) return 'unchanged';
      return {
        issues: [
          issue(
            'value',
            String(row.value),
            `${row.period} already has the value ${stored.value}; a recorded measurement is not changed`,
          ),
        ],
      };
    }
    const issues = indicatorIssues(indicator, row);
    if (issues.length) return { issues };
    return { measurement: measurementOf(indicator, row) };
  }

  function measurementOf(indicator: PerformanceIndicator, row: MeasurementRow): Measurement {
    return {
      agencyId,
      indicatorId: indicator.id,
      period: row.period,
      value: row.value,
      note: row.note,
      recordedAt: deps.clock().toISOString(),
      recordedBy: IMPORTED_BY,
      unitId: indicator.unitId,
      achievementPercent: achievementPercent({
        direction: indicator.direction,
        target: indicator.target,
        actual: row.value,
      }),
    };
  }

  const outcomeOf = (p: Plan): RowOutcome => (p === 'unchanged' || 'issues' in p ? p : 'created');

  return {
    columns: MEASUREMENT_COLUMNS,
    keyField: 'period',
    async prepare() {},
    check: (row) => checkMeasurementRow(row, today()),
    naturalKey: (row) => `${row.indicatorCode}|${row.period}`,
    async checkBatch(rows) {
      const found = await lookup(rows);
      const issues = new Map<number, ReturnType<typeof issue>[]>();
      for (const r of rows) {
        const p = plan(r.value, found);
        if (p !== 'unchanged' && 'issues' in p) issues.set(r.row, p.issues);
      }
      return issues;
    },
    async classifyBatch(rows) {
      const found = await lookup(rows);
      return rows.map((r) => outcomeOf(plan(r.value, found)));
    },
    async writeBatch(rows) {
      const found = await lookup(rows);
      const plans = rows.map((r) => plan(r.value, found));
      const written = await transactRows(
        deps.table,
        plans.map((p) =>
          p !== 'unchanged' && 'measurement' in p ? recordMeasurementWrites(p.measurement) : [],
        ),
      );
      const outcomes = plans.map(outcomeOf);
      for (let i = 0; i < rows.length; i += 1) {
        if (written[i]) continue;
        // Lost a race (another writer recorded the period, or retired the indicator): look again.
        const row = rows[i] as Numbered<MeasurementRow>;
        const again = plan(row.value, await lookup([row], true));
        if (again !== 'unchanged' && 'measurement' in again) {
          const [ok] = await transactRows(deps.table, [recordMeasurementWrites(again.measurement)]);
          outcomes[i] = ok ? 'created' : { issues: [issue('period', row.value.period, LOST_RACE)] };
        } else outcomes[i] = outcomeOf(again);
      }
      return outcomes;
    },
  };
}

/** Why an indicator does not take this row's period (API rules of `recordMeasurement`). */
function indicatorIssues(indicator: PerformanceIndicator, row: MeasurementRow) {
  if (indicator.status !== 'ACTIVE')
    return [
      issue('indicatorCode', row.indicatorCode, 'the indicator is retired: it takes no new measurements'),
    ];
  const expected = CADENCE_PERIOD_KIND[indicator.cadence];
  if (row.periodKind !== expected)
    return [
      issue(
        'period',
        row.period,
        `a ${indicator.cadence} indicator takes ${expected} periods (${PERIOD_FORMAT[expected]})`,
      ),
    ];
  return [];
}

const PERIOD_FORMAT = { MONTH: 'YYYY-MM', QUARTER: 'YYYY-Qn', YEAR: 'YYYY' } as const;
