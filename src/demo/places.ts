import type { Region, UnitKind } from '../domain/organization';

/** A demo unit: a stable key, its kind, region and (optional) parent key. */
export interface DemoUnitPlan {
  key: string;
  name: string;
  kind: UnitKind;
  region?: Region;
  parent?: string;
  /** How many employees to place here. */
  staff: number;
}

export interface DemoAgencyPlan {
  id: string;
  name: string;
  region: Region;
  /** The agency's own audit retention, in days (unset: the deployment default). */
  auditRetentionDays?: number;
  /** Regional family names used for demo employees. */
  familyNames: readonly string[];
  units: DemoUnitPlan[];
}

const city = (code: string, name: string): Region => ({ code, name, level: 'CITY' });
const district = (code: string, name: string): Region => ({ code, name, level: 'DISTRICT' });

/** Kecamatan Medan Belawan (Kemendagri 127120), the setting of articles 000 and 004. */
const BELAWAN = district('127120', 'Kecamatan Medan Belawan');
/** Kecamatan Plaju in Kota Palembang (article 001); kecamatan code per Kemendagri 16.71.14. */
const PLAJU = district('167114', 'Kecamatan Plaju');

/** The four demo agencies of DESIGN.md with their work units (places per DOMAIN rule 9). */
export const DEMO_AGENCIES: DemoAgencyPlan[] = [
  {
    id: 'medan',
    auditRetentionDays: 1825,
    name: 'Pemerintah Kota Medan',
    region: city('1271', 'Kota Medan'),
    familyNames: [
      'Siregar',
      'Nasution',
      'Lubis',
      'Harahap',
      'Simanjuntak',
      'Sitorus',
      'Tarigan',
      'Ginting',
      'Sembiring',
      'Hasibuan',
      'Pohan',
      'Daulay',
    ],
    units: [
      { key: 'setda', name: 'Sekretariat Daerah Kota Medan', kind: 'SECRETARIAT', staff: 14 },
      { key: 'bkpsdm', name: 'BKPSDM Kota Medan', kind: 'BADAN', staff: 16 },
      { key: 'bappeda', name: 'Bappeda Kota Medan', kind: 'BADAN', staff: 12 },
      { key: 'dinkes', name: 'Dinas Kesehatan Kota Medan', kind: 'DINAS', staff: 14 },
      { key: 'disdik', name: 'Dinas Pendidikan Kota Medan', kind: 'DINAS', staff: 12 },
      { key: 'kominfo', name: 'Dinas Komunikasi dan Informatika Kota Medan', kind: 'DINAS', staff: 10 },
      { key: 'belawan', name: 'Kecamatan Medan Belawan', kind: 'KECAMATAN', region: BELAWAN, staff: 18 },
      {
        key: 'belawan1',
        name: 'Kelurahan Belawan I',
        kind: 'KELURAHAN',
        region: BELAWAN,
        parent: 'belawan',
        staff: 6,
      },
      {
        key: 'bagandeli',
        name: 'Kelurahan Bagan Deli',
        kind: 'KELURAHAN',
        region: BELAWAN,
        parent: 'belawan',
        staff: 6,
      },
      {
        key: 'sicanang',
        name: 'Kelurahan Belawan Sicanang',
        kind: 'KELURAHAN',
        region: BELAWAN,
        parent: 'belawan',
        staff: 5,
      },
      {
        key: 'pkm-belawan',
        name: 'Puskesmas Belawan',
        kind: 'PUSKESMAS',
        region: BELAWAN,
        parent: 'dinkes',
        staff: 12,
      },
    ],
  },
  {
    id: 'palembang',
    name: 'Pemerintah Kota Palembang',
    region: city('1671', 'Kota Palembang'),
    familyNames: [
      'Hasan',
      'Syahputra',
      'Rahman',
      'Saputra',
      'Hidayat',
      'Wijaya',
      'Kurniawan',
      'Fitriani',
      'Anggraini',
      'Pratama',
      'Zulkarnain',
    ],
    units: [
      { key: 'setda', name: 'Sekretariat Daerah Kota Palembang', kind: 'SECRETARIAT', staff: 12 },
      { key: 'bkpsdm', name: 'BKPSDM Kota Palembang', kind: 'BADAN', staff: 14 },
      { key: 'dinkes', name: 'Dinas Kesehatan Kota Palembang', kind: 'DINAS', staff: 14 },
      { key: 'disdik', name: 'Dinas Pendidikan Kota Palembang', kind: 'DINAS', staff: 10 },
      { key: 'plaju', name: 'Kecamatan Plaju', kind: 'KECAMATAN', region: PLAJU, staff: 16 },
      {
        key: 'plajuulu',
        name: 'Kelurahan Plaju Ulu',
        kind: 'KELURAHAN',
        region: PLAJU,
        parent: 'plaju',
        staff: 6,
      },
      {
        key: 'bagus',
        name: 'Kelurahan Bagus Kuning',
        kind: 'KELURAHAN',
        region: PLAJU,
        parent: 'plaju',
        staff: 5,
      },
      {
        key: 'pkm-plaju',
        name: 'Puskesmas Plaju',
        kind: 'PUSKESMAS',
        region: PLAJU,
        parent: 'dinkes',
        staff: 14,
      },
    ],
  },
  {
    id: 'gorontalo',
    name: 'Pemerintah Kota Gorontalo',
    region: city('7571', 'Kota Gorontalo'),
    familyNames: [
      'Mohamad',
      'Gobel',
      'Katili',
      'Hasiru',
      'Daud',
      'Usman',
      'Abdullah',
      'Pakaya',
      'Lamato',
      'Ismail',
      'Yusuf',
    ],
    units: [
      { key: 'setda', name: 'Sekretariat Daerah Kota Gorontalo', kind: 'SECRETARIAT', staff: 10 },
      { key: 'bkpsdm', name: 'BKPSDM Kota Gorontalo', kind: 'BADAN', staff: 12 },
      { key: 'disdik', name: 'Dinas Pendidikan Kota Gorontalo', kind: 'DINAS', staff: 18 },
      { key: 'dinkes', name: 'Dinas Kesehatan Kota Gorontalo', kind: 'DINAS', staff: 12 },
      { key: 'pkm-selatan', name: 'Puskesmas Kota Selatan', kind: 'PUSKESMAS', parent: 'dinkes', staff: 12 },
      { key: 'pkm-dungingi', name: 'Puskesmas Dungingi', kind: 'PUSKESMAS', parent: 'dinkes', staff: 10 },
      { key: 'sman1', name: 'SMP Negeri 1 Kota Gorontalo', kind: 'SCHOOL', parent: 'disdik', staff: 12 },
    ],
  },
  {
    id: 'binjai',
    name: 'Pemerintah Kota Binjai',
    region: city('1275', 'Kota Binjai'),
    familyNames: [
      'Ginting',
      'Sembiring',
      'Tarigan',
      'Perangin-angin',
      'Sinulingga',
      'Surbakti',
      'Barus',
      'Nasution',
      'Lubis',
      'Matondang',
    ],
    units: [
      { key: 'setda', name: 'Sekretariat Daerah Kota Binjai', kind: 'SECRETARIAT', staff: 12 },
      { key: 'bkpsdm', name: 'BKPSDM Kota Binjai', kind: 'BADAN', staff: 14 },
      { key: 'bappeda', name: 'Bappeda Kota Binjai', kind: 'BADAN', staff: 10 },
      { key: 'disdik', name: 'Dinas Pendidikan Kota Binjai', kind: 'DINAS', staff: 14 },
      { key: 'dinkes', name: 'Dinas Kesehatan Kota Binjai', kind: 'DINAS', staff: 12 },
      { key: 'kominfo', name: 'Dinas Komunikasi dan Informatika Kota Binjai', kind: 'DINAS', staff: 10 },
      { key: 'inspektorat', name: 'Inspektorat Kota Binjai', kind: 'INSPECTORATE', staff: 8 },
    ],
  },
];

/**
 * The demo agencies a seed is narrowed to (`DEMO_AGENCIES` of `npm start`), checked against the
 * demo's own: an unknown code fails with the known ones named. Undefined: the whole demo.
 */
export function demoAgencyScope(codes: readonly string[] | undefined): string[] | undefined {
  if (codes === undefined) return undefined;
  const known = DEMO_AGENCIES.map((a) => a.id);
  const unknown = codes.filter((code) => !known.includes(code));
  if (unknown.length > 0 || codes.length === 0) {
    throw new Error(
      `DEMO_AGENCIES: ${unknown.length ? `no demo agency ${unknown.map((c) => `"${c}"`).join(', ')}` : 'no agency named'}; the demo has ${known.join(', ')}`,
    );
  }
  return [...new Set(codes)];
}
