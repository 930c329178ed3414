import type { Region, RegionLevel, UnitKind } from '../../organization';
import { parseRecordCode } from '../../record-code';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';
import { REGION_LEVEL_NAMES, UNIT_KIND_NAMES } from '../value-names';

/** Columns of a units file (unit kerja / unor). */
export const UNIT_COLUMNS: readonly ColumnSpec[] = [
  {
    field: 'code',
    header: 'Kode Unit',
    aliases: ['kode', 'kode unit kerja', 'kode unor', 'unit code'],
    required: true,
    description: 'Code of the unit, unique in the agency (letters, digits, . _ / -); the natural key.',
    example: 'DISKOMINFO',
  },
  {
    field: 'name',
    header: 'Nama Unit',
    aliases: ['nama', 'nama unit kerja', 'unit kerja', 'nama unor', 'unit name'],
    required: true,
    description: 'Name of the unit (nama unit kerja).',
    example: 'Dinas Komunikasi dan Informatika',
  },
  {
    field: 'kind',
    header: 'Jenis Unit',
    aliases: ['jenis', 'jenis unit kerja', 'unit kind', 'type'],
    required: true,
    description:
      'Sekretariat, Dinas, Badan, Inspektorat, Kecamatan, Kelurahan, Puskesmas, Rumah Sakit, Sekolah or Bagian.',
    example: 'Dinas',
  },
  {
    field: 'parent',
    header: 'Unit Induk',
    aliases: ['induk', 'kode induk', 'unor induk', 'parent', 'parent code'],
    required: false,
    description:
      'Code (or exact name) of the parent unit, in the file or already in the agency; empty for a top unit.',
    example: '',
  },
  {
    field: 'regionCode',
    header: 'Kode Wilayah',
    aliases: ['kode wilayah kemendagri', 'region code'],
    required: false,
    description: "Kemendagri code of the region it serves; empty: the agency's region.",
    example: '1271',
  },
  {
    field: 'regionName',
    header: 'Nama Wilayah',
    aliases: ['wilayah', 'region', 'region name'],
    required: false,
    description: 'Name of that region (with Kode Wilayah).',
    example: 'Kota Medan',
  },
  {
    field: 'regionLevel',
    header: 'Tingkat Wilayah',
    aliases: ['region level'],
    required: false,
    description: 'Provinsi, Kota, Kabupaten, Kecamatan or Kelurahan (with Kode Wilayah).',
    example: 'Kota',
  },
];

/** A checked unit row; the parent is resolved later (it may come further down the file). */
export interface UnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  parentRef?: string | undefined;
  region?: Region | undefined;
}

/** Checks one unit row. */
export function checkUnitRow(row: FieldRow): RowResult<UnitRow> {
  const check = new RowCheck(row);
  const code = check.parsed('code', (v) => parseRecordCode(String(v)), true);
  const name = check.text('name', { required: true, min: 2, max: 200 });
  const kind = check.choice('kind', UNIT_KIND_NAMES, 'unit kind', true);
  const parentRef = check.text('parent', { max: 200 });
  const regionCode = check.text('regionCode', { max: 20 });
  const regionName = check.text('regionName', { max: 200 });
  const regionLevel = check.choice<RegionLevel>('regionLevel', REGION_LEVEL_NAMES, 'region level');
  if (regionCode && !/^\d{2}(\.?\d{2}){0,4}$/.test(regionCode))
    check.fail('regionCode', 'is not a Kemendagri region code (digits, e.g. 1271 or 12.71.20)');
  if (regionCode && (!regionName || !regionLevel))
    check.fail('regionCode', 'needs Nama Wilayah and Tingkat Wilayah beside it');
  return check.result(() => ({
    code: code as string,
    name: name as string,
    kind: kind as UnitKind,
    parentRef,
    region:
      regionCode && regionName && regionLevel
        ? { code: regionCode.replaceAll('.', ''), name: regionName, level: regionLevel }
        : undefined,
  }));
}
