/**
 * Degree study while in service: tugas belajar (assigned and funded, released from duties)
 * or izin belajar (permitted, self-funded, outside working hours).
 *
 * Conditions per PP 11/2017 as amended by PP 17/2020 (DOMAIN rule 3): tugas belajar needs at
 * least one year of service and a last appraisal of at least BAIK.
 */
import type { EmployeeStatus } from './employee';
import { isAtLeast, PREDIKAT_LABELS, type Predikat } from './skp-predikat';
import { learningFormOf, type ProgramFormat } from './training-formats';

/** How degree study is funded and released. */
export const STUDY_FUNDINGS = ['TUGAS_BELAJAR', 'IZIN_BELAJAR'] as const;

/** Tugas belajar (agency-funded) or izin belajar (self-funded). */
export type StudyFunding = (typeof STUDY_FUNDINGS)[number];

/** Indonesian labels of the study arrangements. */
export const STUDY_FUNDING_LABELS: Record<StudyFunding, string> = {
  TUGAS_BELAJAR: 'Tugas Belajar',
  IZIN_BELAJAR: 'Izin Belajar',
};

/** Minimum completed years of service for tugas belajar. */
export const TUGAS_BELAJAR_MIN_YEARS_OF_SERVICE = 1;

/** Minimum last appraisal predikat for tugas belajar. */
export const TUGAS_BELAJAR_MIN_PREDIKAT: Predikat = 'BAIK';

/** What the employee's study arrangement entails once granted. */
export interface StudyLeaveTerms {
  funding: StudyFunding;
  /** Tugas belajar releases the employee from duties; izin belajar does not. */
  releasedFromDuties: boolean;
  /** Izin belajar is paid by the employee. */
  selfFunded: boolean;
  /** Izin belajar is studied outside working hours. */
  outsideWorkingHours: boolean;
}

/** Eligible with the terms, or every reason the employee is not. */
export type StudyLeaveEligibility = { ok: true; value: StudyLeaveTerms } | { ok: false; reasons: string[] };

/** Input to the study-leave check. */
export interface StudyLeaveRequest {
  /** Completed years of service (masa kerja). */
  yearsOfService: number;
  /** Predikat of the latest SKP appraisal, if any. */
  lastPredikat?: Predikat;
  funding: StudyFunding;
  /** The employee's status, when known: degree study starts from active service. */
  status?: EmployeeStatus;
}

/** Checks whether an employee may take degree study in the requested arrangement. */
export function studyLeaveEligibility({
  yearsOfService,
  lastPredikat,
  funding,
  status,
}: StudyLeaveRequest): StudyLeaveEligibility {
  if (status !== undefined && status !== 'ACTIVE') {
    return { ok: false, reasons: [`degree study starts from active service (the employee is ${status})`] };
  }
  if (funding === 'IZIN_BELAJAR') {
    return {
      ok: true,
      value: { funding, releasedFromDuties: false, selfFunded: true, outsideWorkingHours: true },
    };
  }
  const reasons: string[] = [];
  if (yearsOfService < TUGAS_BELAJAR_MIN_YEARS_OF_SERVICE) {
    reasons.push(
      `tugas belajar needs at least ${TUGAS_BELAJAR_MIN_YEARS_OF_SERVICE} year of service (has ${yearsOfService})`,
    );
  }
  const minimum = PREDIKAT_LABELS[TUGAS_BELAJAR_MIN_PREDIKAT];
  if (lastPredikat === undefined) {
    reasons.push(`tugas belajar needs a last appraisal of at least ${minimum} (no appraisal on record)`);
  } else if (!isAtLeast(lastPredikat, TUGAS_BELAJAR_MIN_PREDIKAT)) {
    reasons.push(
      `tugas belajar needs a last appraisal of at least ${minimum} (last was ${PREDIKAT_LABELS[lastPredikat]})`,
    );
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    value: { funding, releasedFromDuties: true, selfFunded: false, outsideWorkingHours: false },
  };
}

/**
 * What is wrong with the arrangement given for an enrollment in a program of `format`, before the
 * employee is looked at (undefined: nothing): only DEGREE programs take one, and they need one
 * when `required` (a new seat; an imported history row may lack it).
 */
export function arrangementProblem(
  format: ProgramFormat,
  funding: StudyFunding | undefined,
  required = true,
): string | undefined {
  if (learningFormOf(format) !== 'DEGREE') return funding ? 'is only for DEGREE programs' : undefined;
  if (!funding && required) return 'a DEGREE program needs the arrangement: TUGAS_BELAJAR or IZIN_BELAJAR';
  return undefined;
}
