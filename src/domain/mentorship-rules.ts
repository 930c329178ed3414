/**
 * Who may mentor whom: a mentor is more senior than the mentee, has fewer active mentees
 * than the limit, and is not the mentee.
 *
 * Seniority compares grade order first (golongan for PNS, PPPK grade for PPPK), then completed
 * years of service (DOMAIN rule 2). Assumption: the PNS golongan ladder (order 1–17, PP 99/2000)
 * and the PPPK grade ladder (I–XVII, Perpres 98/2020) are comparable order for order, because
 * their entry levels line up by education: SMA II/a = 5 = PPPK V, D-III II/c = 7 = PPPK VII,
 * S1 III/a = 9 = PPPK IX, S2 III/b = 10 = PPPK X, S3 III/c = 11 = PPPK XI.
 */
import { completedYearsBetween, type IsoDate } from './calendar-date';
import { type Golongan, golonganOrder, type PppkGrade, pppkGradeOrder } from './golongan';
import type { EmploymentType } from './nip';

/** Default bound on a mentor's active mentees (agencies may set their own). */
export const DEFAULT_MAX_ACTIVE_MENTEES = 5;

/** What seniority is judged on. */
export interface SeniorityProfile {
  employmentType: EmploymentType;
  /** PNS golongan/ruang. */
  golongan?: Golongan;
  /** PPPK grade. */
  pppkGrade?: PppkGrade;
  /** First day of service (TMT CPNS or TMT PPPK), YYYY-MM-DD. */
  serviceStartDate: IsoDate;
}

/** Grade order 1–17 on the common ladder, or undefined when the grade is not recorded. */
export function gradeOrderOf(profile: SeniorityProfile): number | undefined {
  if (profile.employmentType === 'PNS') return profile.golongan ? golonganOrder(profile.golongan) : undefined;
  return profile.pppkGrade ? pppkGradeOrder(profile.pppkGrade) : undefined;
}

/**
 * Compares seniority on `asOf`: positive when `a` is more senior, negative when `b` is, 0 when equal.
 * Grades are compared only when both are recorded; otherwise years of service decide.
 */
export function compareSeniority(a: SeniorityProfile, b: SeniorityProfile, asOf: IsoDate): number {
  const gradeA = gradeOrderOf(a);
  const gradeB = gradeOrderOf(b);
  if (gradeA !== undefined && gradeB !== undefined && gradeA !== gradeB) return gradeA - gradeB;
  const yearsA = Math.max(0, completedYearsBetween(a.serviceStartDate, asOf));
  const yearsB = Math.max(0, completedYearsBetween(b.serviceStartDate, asOf));
  return yearsA - yearsB;
}

/** Why a mentor may not take a mentee. */
export type MentorIneligibility = 'SELF_MENTORING' | 'NOT_MORE_SENIOR' | 'MENTEE_LIMIT_REACHED';

/** Eligible, or the first rule broken with a reason. */
export type MentorEligibility = { ok: true } | { ok: false; code: MentorIneligibility; reason: string };

/** Input to the mentor check. */
export interface MentorEligibilityInput {
  mentorId: string;
  menteeId: string;
  mentor: SeniorityProfile;
  mentee: SeniorityProfile;
  /** Mentorships the mentor currently has in progress. */
  activeMenteeCount: number;
  maxActiveMentees?: number;
  /** Date seniority is judged on, YYYY-MM-DD. */
  asOf: IsoDate;
}

/** Checks that a mentor may take this mentee now. */
export function checkMentorEligibility(input: MentorEligibilityInput): MentorEligibility {
  const { mentorId, menteeId, mentor, mentee, activeMenteeCount, asOf } = input;
  const maxActiveMentees = input.maxActiveMentees ?? DEFAULT_MAX_ACTIVE_MENTEES;
  if (mentorId === menteeId) {
    return { ok: false, code: 'SELF_MENTORING', reason: 'an employee cannot mentor themself' };
  }
  if (compareSeniority(mentor, mentee, asOf) <= 0) {
    return {
      ok: false,
      code: 'NOT_MORE_SENIOR',
      reason:
        'the mentor must be more senior than the mentee (higher golongan/grade, or more years of service)',
    };
  }
  if (activeMenteeCount >= maxActiveMentees) {
    return {
      ok: false,
      code: 'MENTEE_LIMIT_REACHED',
      reason: `the mentor already has ${activeMenteeCount} active mentees; the limit is ${maxActiveMentees}`,
    };
  }
  return { ok: true };
}

/**
 * A mentorship starts once both people are in service: the first of them whose service begins
 * after `startDate`, with the reason (mentor first), or undefined.
 */
export function serviceStartIssue(
  mentor: Pick<SeniorityProfile, 'serviceStartDate'>,
  mentee: Pick<SeniorityProfile, 'serviceStartDate'>,
  startDate: IsoDate,
): { role: 'mentor' | 'mentee'; reason: string } | undefined {
  for (const [role, person] of [
    ['mentor', mentor],
    ['mentee', mentee],
  ] as const) {
    if (startDate < person.serviceStartDate)
      return { role, reason: `must not precede the ${role}'s start of service (${person.serviceStartDate})` };
  }
  return undefined;
}
