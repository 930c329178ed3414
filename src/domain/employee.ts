import type { Gender } from './gender';
import type { Golongan, PppkGrade } from './golongan';
import type { EmploymentType } from './nip';
import type { RecordMeta } from './record';

export const EMPLOYEE_STATUSES = [
  'ACTIVE',
  'ON_LEAVE',
  'STUDY_LEAVE',
  'TRANSFERRED_OUT',
  'RETIRED',
  'INACTIVE',
] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const POSITION_TYPES = ['STRUCTURAL', 'FUNCTIONAL', 'EXECUTOR'] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

/** A position (jabatan). */
export interface Position {
  title: string;
  type: PositionType;
}

/** A civil servant (pegawai ASN), PNS or PPPK. */
export interface Employee extends RecordMeta {
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  employmentType: EmploymentType;
  golongan?: Golongan | undefined;
  pppkGrade?: PppkGrade | undefined;
  position: Position;
  unitId: string;
  status: EmployeeStatus;
  serviceStartDate: string;
  email?: string | undefined;
  phone?: string | undefined;
}
