import { periodOfDate } from '../period';
import { PREDIKAT_LABELS, type Predikat } from '../skp-predikat';
import { PROGRAM_CATEGORY_LABELS, type ProgramCategory } from '../training-formats';
import { UnreachableCaseError } from '../unreachable-case';
import type { Dimension } from './dimensions';

/** Names of the records behind dimension values, loaded by the service for the groups in a result. */
export interface DimensionLookups {
  unitName(id: string): string | undefined;
  regionName(code: string): string | undefined;
  programTitle(id: string): string | undefined;
  partnerName(code: string): string | undefined;
}

const STATUS_LABELS: Record<string, string> = {
  INVITED: 'Diundang',
  ENROLLED: 'Terdaftar',
  WAITLISTED: 'Daftar tunggu',
  COMPLETED: 'Lulus',
  DROPPED: 'Mengundurkan diri',
  NO_SHOW: 'Tidak hadir',
  DECLINED: 'Menolak undangan',
};
const CHANNEL_LABELS: Record<string, string> = {
  FORUM: 'Forum dialog',
  ONLINE: 'Daring',
  SURVEY: 'Survei',
  COMPLAINT_BOX: 'Kotak pengaduan',
};
const GENDER_LABELS: Record<string, string> = { MALE: 'Laki-laki', FEMALE: 'Perempuan' };

/** Indonesian label of a dimension value (names of units, programs, regions, partners come from lookups). */
export function labelOf(dimension: Dimension, value: string, lookups: DimensionLookups): string {
  switch (dimension) {
    case 'UNIT':
      return lookups.unitName(value) ?? value;
    case 'REGION':
      return lookups.regionName(value) ?? value;
    case 'PROGRAM':
      return lookups.programTitle(value) ?? value;
    case 'PARTNER':
      return value === 'INTERNAL' ? 'Internal (tanpa mitra)' : (lookups.partnerName(value) ?? value);
    case 'PROGRAM_CATEGORY':
      return PROGRAM_CATEGORY_LABELS[value as ProgramCategory] ?? value;
    case 'ENROLLMENT_STATUS':
      return STATUS_LABELS[value] ?? value;
    case 'GOLONGAN':
      return value.startsWith('PPPK-')
        ? `PPPK ${value.slice(5)}`
        : value.replace('_', '/').replace(/\/([A-E])$/, (_, l: string) => `/${l.toLowerCase()}`);
    case 'EMPLOYMENT_TYPE':
      return value;
    case 'GENDER':
      return GENDER_LABELS[value] ?? value;
    case 'PREDIKAT':
      return PREDIKAT_LABELS[value as Predikat] ?? value;
    case 'FEEDBACK_CHANNEL':
      return CHANNEL_LABELS[value] ?? value;
    case 'MONTH':
      return periodOfDate(`${value}-01`, 'MONTH').label;
    case 'QUARTER': {
      const [year, q] = value.split('-Q');
      return periodOfDate(`${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`, 'QUARTER').label;
    }
    case 'YEAR':
      return value;
    default:
      throw new UnreachableCaseError(dimension);
  }
}
