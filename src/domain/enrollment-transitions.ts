import { type Employee, profileOf } from './employee';
import type { DeclineReason } from './invitation';
import type { RecordMeta } from './record';
import type { StudyFunding } from './study-leave';
import { certificateNumber, type Enrollment, type TrainingProgram } from './training';

/**
 * A new enrollment of an employee in a program, made at `meta.createdAt`: a seat (ENROLLED), a
 * waitlist place (WAITLISTED) or an invitation (INVITED). The employee's profile, unit and the
 * program's start are fixed as at enrolling; the id orders the waitlist. A DEGREE program's
 * enrollment carries the study arrangement it was checked for (tugas or izin belajar).
 */
export function newEnrollment(
  meta: RecordMeta,
  program: Pick<TrainingProgram, 'id' | 'partnerId' | 'startDate'>,
  employee: Employee,
  status: 'ENROLLED' | 'WAITLISTED' | 'INVITED',
  studyFunding?: StudyFunding | undefined,
): Enrollment {
  return {
    ...meta,
    programId: program.id,
    employeeId: employee.id,
    unitId: employee.unitId,
    partnerId: program.partnerId,
    employeeProfile: profileOf(employee),
    programStartDate: program.startDate,
    status,
    queueKey: meta.id,
    ...(studyFunding ? { studyFunding } : {}),
    ...(status === 'ENROLLED' ? { enrolledAt: meta.createdAt } : {}),
    ...(status === 'WAITLISTED' ? { waitlistedAt: meta.createdAt } : {}),
    jpCredited: 0,
  };
}

/**
 * The record after each change of an enrollment, shared by the service and the demo seed: the
 * version moves by one and `updatedAt` is the moment of the change (ISO 8601).
 */
const changed = (e: Enrollment, at: string): Pick<Enrollment, 'version' | 'updatedAt'> => ({
  version: e.version + 1,
  updatedAt: at,
});

/** A drop (seat or waitlist place given up). */
export function droppedEnrollment(current: Enrollment, at: string, reason?: string): Enrollment {
  return { ...current, status: 'DROPPED', droppedAt: at, dropReason: reason, ...changed(current, at) };
}

/** A waitlisted enrollment moved to a seat. */
export function promotedEnrollment(waiting: Enrollment, at: string): Enrollment {
  return { ...waiting, status: 'ENROLLED', enrolledAt: at, ...changed(waiting, at) };
}

/**
 * A completion on `completedOn` (a date): the program's JP credited (1 JP = 45 minutes), the test
 * scores kept, and the certificate number of the agency's year of completion with `serial`.
 */
export function completedEnrollment(
  current: Enrollment,
  program: Pick<TrainingProgram, 'jp'>,
  completion: {
    completedOn: string;
    serial: number;
    preTestScore?: number | undefined;
    postTestScore?: number | undefined;
  },
  at: string,
): Enrollment {
  const year = completion.completedOn.slice(0, 4);
  return {
    ...current,
    status: 'COMPLETED',
    completedAt: `${completion.completedOn}T00:00:00.000Z`,
    jpCredited: program.jp,
    preTestScore: completion.preTestScore,
    postTestScore: completion.postTestScore,
    certificateNumber: certificateNumber(completion.serial, current.agencyId, year),
    ...changed(current, at),
  };
}

/** A participant who did not attend: the seat stays taken, no JP. */
export function noShowEnrollment(current: Enrollment, completedOn: string, at: string): Enrollment {
  return {
    ...current,
    status: 'NO_SHOW',
    completedAt: `${completedOn}T00:00:00.000Z`,
    jpCredited: 0,
    ...changed(current, at),
  };
}

/** An invitation (undangan) to a program, to answer by `respondBy`: no seat, no waitlist place. */
export function invitedEnrollment(
  meta: RecordMeta,
  program: Pick<TrainingProgram, 'id' | 'partnerId' | 'startDate'>,
  employee: Employee,
  respondBy: string,
): Enrollment {
  return { ...newEnrollment(meta, program, employee, 'INVITED'), invitedAt: meta.createdAt, respondBy };
}

/** An accepted invitation: a seat (ENROLLED) or a waitlist place (WAITLISTED), as the program allows. */
export function acceptedEnrollment(
  invited: Enrollment,
  status: 'ENROLLED' | 'WAITLISTED',
  at: string,
): Enrollment {
  return {
    ...invited,
    status,
    acceptedAt: at,
    ...(status === 'ENROLLED' ? { enrolledAt: at } : { waitlistedAt: at }),
    ...changed(invited, at),
  };
}

/** A declined invitation, with its reason (and the employee's note). */
export function declinedEnrollment(
  invited: Enrollment,
  reason: DeclineReason,
  note: string | undefined,
  at: string,
): Enrollment {
  return {
    ...invited,
    status: 'DECLINED',
    declinedAt: at,
    declineReason: reason,
    declineNote: note,
    ...changed(invited, at),
  };
}
