import { type PeriodKind, parsePeriod } from '../../period';
import type { CellValue, Parsed } from '../cell-values';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';

const column = (
  field: string,
  header: string,
  aliases: string[],
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ field, header, aliases, required, description, example });

/** Columns of a measurements file (realisasi indikator kinerja). */
export const MEASUREMENT_COLUMNS: readonly ColumnSpec[] = [
  column(
    'indicatorCode',
    'Kode Indikator',
    ['indikator', 'kode indikator kinerja', 'kode iku', 'kode iki', 'indicator code', 'indicator'],
    true,
    'Code of a performance indicator of the agency (e.g. IKU-BLW-01); with the period the natural key.',
    'IKU-BLW-01',
  ),
  column(
    'period',
    'Periode',
    ['period', 'periode pengukuran', 'masa pengukuran'],
    true,
    "Period of the indicator's cadence: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (yearly); started already.",
    '2026-07',
  ),
  column(
    'value',
    'Realisasi',
    ['nilai', 'nilai realisasi', 'capaian', 'value'],
    true,
    'The measured value (realisasi), a number in the indicator’s unit of measure.',
    '3,4',
  ),
  column(
    'note',
    'Catatan',
    ['keterangan', 'note'],
    false,
    'A remark on the value, at most 500 characters.',
    'Data dari aplikasi layanan',
  ),
];

/** A checked measurement row; the indicator is resolved by code against the agency later. */
export interface MeasurementRow {
  indicatorCode: string;
  /** Normalised period key (`2026-07`, `2026-Q3`, `2026`). */
  period: string;
  /** Its kind, matched against the indicator's cadence. */
  periodKind: PeriodKind;
  value: number;
  note?: string | undefined;
}

/** A period cell: `2026-07`, `2026-q3`, `2026` (a year stored as a number too). */
function parsePeriodCell(value: CellValue): Parsed<{ key: string; kind: PeriodKind; start: string }> {
  if (value instanceof Date || typeof value === 'boolean')
    return { ok: false, reason: 'is not a period: write it as text, YYYY-MM, YYYY-Qn or YYYY' };
  const parsed = parsePeriod(String(value));
  return parsed.ok
    ? { ok: true, value: { key: parsed.value.key, kind: parsed.value.kind, start: parsed.value.start } }
    : { ok: false, reason: parsed.reason };
}

/** Largest magnitude of a value: beyond it a cell is more likely a typo than a measurement. */
const MAX_VALUE = 1e12;

/** Checks one measurement row's cells (the indicator's cadence and status are checked later). */
export function checkMeasurementRow(row: FieldRow, today: string): RowResult<MeasurementRow> {
  const check = new RowCheck(row);
  const code = check.text('indicatorCode', { required: true, max: 40 })?.toUpperCase();
  const period = check.parsed('period', parsePeriodCell, true);
  if (period && period.start > today) check.fail('period', `${period.key} has not started yet`);
  const value = check.number('value', -MAX_VALUE, MAX_VALUE, true);
  const note = check.text('note', { max: 500 });
  return check.result(() => ({
    indicatorCode: code as string,
    period: period?.key as string,
    periodKind: period?.kind as PeriodKind,
    value: value as number,
    note,
  }));
}
