import { parsePeriod } from '../../period';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';

/** Columns of a measurements file (realisasi indikator kinerja). */
export const MEASUREMENT_COLUMNS: readonly ColumnSpec[] = [
  {
    field: 'indicatorCode',
    header: 'Kode Indikator',
    aliases: ['indicator code', 'indicator', 'kode iku', 'kode iki'],
    required: true,
    description: 'Code of a performance indicator of the agency.',
    example: 'IKU-PLJ-01',
  },
  {
    field: 'period',
    header: 'Periode',
    aliases: ['period'],
    required: true,
    description:
      "Period of the indicator's cadence: 2026-07 (monthly), 2026-Q3 (quarterly) or 2026 (yearly); with the indicator code, the natural key.",
    example: '2026-Q1',
  },
  {
    field: 'value',
    header: 'Nilai',
    aliases: ['value', 'realisasi', 'capaian'],
    required: true,
    description: 'Measured value (realisasi), in the unit of the indicator.',
    example: '3,5',
  },
  {
    field: 'note',
    header: 'Catatan',
    aliases: ['note', 'keterangan'],
    required: false,
    description: 'Note, up to 1000 characters.',
    example: '',
  },
];

/** A checked measurement row; the indicator is resolved against the agency later. */
export interface MeasurementRow {
  indicatorCode: string;
  period: string;
  value: number;
  note?: string | undefined;
}

/** Checks one measurement row. */
export function checkMeasurementRow(row: FieldRow): RowResult<MeasurementRow> {
  const check = new RowCheck(row);
  const indicatorCode = check.text('indicatorCode', { required: true, max: 40 })?.toUpperCase();
  const period = check.text('period', { required: true, max: 10 })?.toUpperCase();
  if (period && !parsePeriod(period).ok)
    check.fail('period', 'is not a period (write 2026-07, 2026-Q3 or 2026)');
  const value = check.number('value', -1e12, 1e12, true);
  const note = check.text('note', { max: 1000 });
  return check.result(() => ({
    indicatorCode: indicatorCode as string,
    period: period as string,
    value: value as number,
    note,
  }));
}
