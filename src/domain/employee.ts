import type { GradeException } from './career-rules';
import type { Education } from './education';
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
  /** Highest education (pendidikan terakhir); absent on records from before it was kept. */
  education?: Education | undefined;
  /** The documented exception behind a golongan above the regular promotion path, if any. */
  gradeException?: GradeException | undefined;
  unitId: string;
  status: EmployeeStatus;
  serviceStartDate: string;
  email?: string | undefined;
  phone?: string | undefined;
  /** Ids of the employee's enrollments, oldest first (kept by enrollment transactions). */
  enrollmentIds?: string[] | undefined;
  /** Ids of mentorships where the employee mentors (kept by mentorship transactions). */
  mentorshipIdsAsMentor?: string[] | undefined;
  /** Ids of mentorships where the employee is mentored. */
  mentorshipIdsAsMentee?: string[] | undefined;
  /** Mentorships in progress as mentor (bounded by the agency's limit). */
  activeMenteeCount?: number | undefined;
}

/** Relation attributes of the employee item that enrollment and mentorship writes maintain. */
export const EMPLOYEE_RELATION_ATTRIBUTES = [
  'enrollmentIds',
  'mentorshipIdsAsMentor',
  'mentorshipIdsAsMentee',
  'activeMenteeCount',
] as const;

/**
 * An employee as dashboards group them, fixed at the time of a fact (an enrollment, an
 * appraisal, a mentoring session) so later promotions or transfers do not rewrite history.
 */
export interface EmployeeProfile {
  unitId: string;
  /** Golongan code (e.g. `III_A`) for PNS, `PPPK-<grade>` for PPPK. */
  grade: string;
  employmentType: 'PNS' | 'PPPK';
  gender: 'MALE' | 'FEMALE';
}

/** The profile of an employee now. */
export function profileOf(
  employee: Pick<Employee, 'unitId' | 'golongan' | 'pppkGrade' | 'employmentType' | 'gender'>,
): EmployeeProfile {
  return {
    unitId: employee.unitId,
    grade: employee.golongan ?? `PPPK-${employee.pppkGrade ?? 'I'}`,
    employmentType: employee.employmentType,
    gender: employee.gender,
  };
}
