import type { EmployeeProfile } from './employee';
import type { RecordMeta } from './record';
import type { StudyFunding } from './study-leave';
import type { ProgramCategory, ProgramFormat } from './training-formats';

/**
 * Why an employee declines an invitation to a program (alasan menolak undangan). The articles
 * name resistance to change and weak commitment; counting the reasons tells a unit head
 * whether the obstacle is the workload, the schedule or the program itself.
 */
export const DECLINE_REASONS = ['WORKLOAD', 'SCHEDULE', 'NOT_RELEVANT', 'HEALTH', 'OTHER'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const PARTNER_KINDS = [
  'UNIVERSITY',
  'TRAINING_INSTITUTE',
  'GOVERNMENT_TRAINING_CENTER',
  'PROFESSIONAL_BODY',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** A partner institution (mitra: university, training body) providing programs to an agency. Its id is its code. */
export interface Partner extends RecordMeta {
  name: string;
  kind: PartnerKind;
  city?: string | undefined;
}

export const PROGRAM_STATUSES = ['DRAFT', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** Which status changes a program may make (DRAFT -> OPEN -> RUNNING -> COMPLETED; cancel before completion). */
const NEXT_STATUSES: Record<ProgramStatus, readonly ProgramStatus[]> = {
  DRAFT: ['OPEN', 'CANCELLED'],
  OPEN: ['RUNNING', 'CANCELLED'],
  RUNNING: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Whether a program may move from one status to another. */
export function canMoveProgram(from: ProgramStatus, to: ProgramStatus): boolean {
  return from === to || NEXT_STATUSES[from].includes(to);
}

/** A training program (program pelatihan / pengembangan kompetensi). */
export interface TrainingProgram extends RecordMeta {
  /** Short code, unique in the agency (kode program), e.g. `PKP-2026-01`; absent on programs stored before codes. */
  code?: string | undefined;
  title: string;
  description?: string | undefined;
  category: ProgramCategory;
  format: ProgramFormat;
  /** Lesson hours (jam pelajaran, 1 JP = 45 minutes) credited on completion. */
  jp: number;
  /** The duration in minutes when it was given that way (JP are its whole 45 minutes); absent: JP x 45. */
  durationMinutes?: number | undefined;
  startDate: string;
  endDate: string;
  capacity: number;
  /** Rupiah per participant. */
  costPerParticipant: number;
  partnerId?: string | undefined;
  organizerUnitId?: string | undefined;
  competencies: string[];
  status: ProgramStatus;
  /** Phase/cohort of a phased rollout (angkatan), e.g. 1, 2. */
  cohort?: number | undefined;
  /** Next cohorts: the id of the series' first cohort (`leadership/program-series.ts`). */
  seriesId?: string | undefined;
  /** Next cohorts: the number in the series, from 2 on. */
  seriesNumber?: number | undefined;
  location?: string | undefined;
  /** Seats in use: ENROLLED, COMPLETED and NO_SHOW enrollments (kept by enrollment transactions). */
  seatsTaken: number;
  /** WAITLISTED enrollments (kept by enrollment transactions). */
  waitlistCount: number;
  completedCount: number;
  developmentPlanId?: string | undefined;
}

export const ENROLLMENT_STATUSES = [
  'INVITED',
  'ENROLLED',
  'WAITLISTED',
  'COMPLETED',
  'DROPPED',
  'NO_SHOW',
  'DECLINED',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Statuses that hold a seat of the program. */
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['ENROLLED', 'COMPLETED', 'NO_SHOW'];

/** An employee's participation in a program (peserta pelatihan). */
export interface Enrollment extends RecordMeta {
  programId: string;
  employeeId: string;
  /** The employee's unit when enrolling (dashboards group by it). */
  unitId: string;
  partnerId?: string | undefined;
  /** Snapshots for dashboards, fixed at enrollment: the employee's profile and the program's start. */
  employeeProfile: EmployeeProfile;
  programStartDate: string;
  status: EnrollmentStatus;
  /** Orders the waitlist: earlier keys are promoted first. */
  queueKey: string;
  /** DEGREE programs only: tugas belajar or izin belajar, checked against DOMAIN rule 3 on enrolling. */
  studyFunding?: StudyFunding | undefined;
  enrolledAt?: string | undefined;
  waitlistedAt?: string | undefined;
  completedAt?: string | undefined;
  droppedAt?: string | undefined;
  dropReason?: string | undefined;
  preTestScore?: number | undefined;
  postTestScore?: number | undefined;
  /** JP credited on completion (0 before). */
  jpCredited: number;
  certificateNumber?: string | undefined;
  /** Invitation (undangan) answered by the employee; absent for enrollments made directly. */
  invitedAt?: string | undefined;
  /** Last day to answer the invitation. */
  respondBy?: string | undefined;
  acceptedAt?: string | undefined;
  declinedAt?: string | undefined;
  declineReason?: DeclineReason | undefined;
  declineNote?: string | undefined;
}

/** Free seats of a program (never negative). */
export function seatsAvailable(program: Pick<TrainingProgram, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, program.capacity - program.seatsTaken);
}

/** Certificate number (nomor sertifikat), e.g. `00042/SERT/BKPSDM-MEDAN/2026`. */
export function certificateNumber(serial: number, agencyId: string, year: string): string {
  return `${String(serial).padStart(5, '0')}/SERT/BKPSDM-${agencyId.toUpperCase()}/${year}`;
}
