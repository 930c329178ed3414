/**
 * The career rules a created or changed employee record must satisfy (DOMAIN rule 2), as field
 * issues: golongan within the regular promotion path of the education and service (unless a
 * documented exception covers it), Ahli posts held by graduates, and an education no lower than
 * the titles in the name. Used by createEmployee, updateEmployee and the import.
 */
import { educationFromTitles } from './academic-titles';
import { completedYearsBetween, type IsoDate } from './calendar-date';
import {
  checkPositionEducation,
  checkRegularGrade,
  type GradeException,
  type GradeExceptionReason,
} from './career-rules';
import { EDUCATION_LABELS, type Education, educationLevel } from './education';
import type { Employee } from './employee';
import { type Golongan, golonganOrder } from './golongan';
import type { EmploymentType } from './nip';
import type { FieldIssue } from './validation-issues';

/** A documented exception as given with a golongan (a create, a promotion, an import row). */
export interface GradeExceptionGiven {
  reason: GradeExceptionReason;
  note: string;
}

/** The employee as it would be after the change. */
export interface CareerFacts {
  employmentType: EmploymentType;
  name: string;
  golongan?: Golongan | undefined;
  education?: Education | undefined;
  position: { title: string; type: string };
  /** Completed years of service (masa kerja) today. */
  yearsOfService: number;
  /** The exception that justifies the golongan, given now or recorded for this golongan before. */
  gradeException?: Pick<GradeException, 'golongan'> | undefined;
}

/** What the change touches (a create touches everything); untouched facts are not re-judged. */
export interface CareerChange {
  golonganRaised: boolean;
  education: boolean;
  position: boolean;
  name: boolean;
}

export const CREATED: CareerChange = { golonganRaised: true, education: true, position: true, name: true };

/** The rules the record would break; empty when it may be written. */
export function careerIssues(facts: CareerFacts, change: CareerChange): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { education, golongan } = facts;
  if ((change.name || change.education) && education !== undefined) {
    const implied = educationFromTitles(facts.name);
    if (implied && educationLevel(implied.education) > educationLevel(education)) {
      issues.push({
        field: 'education',
        reason: `the name carries ${implied.titles.join(', ')}, i.e. at least ${EDUCATION_LABELS[implied.education]}, but the education is ${EDUCATION_LABELS[education]}`,
      });
    }
  }
  if (change.position || change.education) {
    const post = checkPositionEducation(facts.position, education);
    if (!post.ok) issues.push({ field: change.position ? 'position' : 'education', reason: post.reason });
  }
  const gradeJudged = facts.employmentType === 'PNS' && golongan !== undefined;
  const covered = facts.gradeException !== undefined && facts.gradeException.golongan === golongan;
  if (gradeJudged && (change.golonganRaised || change.education) && !covered) {
    if (education === undefined) {
      issues.push({
        field: 'education',
        reason: 'the education is not recorded: give it to check the golongan (or a gradeException)',
      });
    } else {
      const grade = checkRegularGrade(golongan, education, facts.yearsOfService);
      if (!grade.ok) issues.push({ field: 'golongan', reason: grade.reason });
    }
  }
  return issues;
}

const yearsOfServiceOn = (serviceStartDate: IsoDate, today: IsoDate) =>
  Math.max(0, completedYearsBetween(serviceStartDate, today));

/** The exception to store with a golongan, when one was given. */
export function gradeExceptionOf(
  given: GradeExceptionGiven | undefined,
  golongan: Golongan | undefined,
  at: string,
): GradeException | undefined {
  return given && golongan ? { ...given, golongan, recordedAt: at } : undefined;
}

/** The rules a new employee breaks (fields without a prefix: `golongan`, `education`, `position`). */
export function newEmployeeCareerIssues(
  employee: Omit<CareerFacts, 'yearsOfService' | 'gradeException'> & {
    gradeException?: GradeExceptionGiven | undefined;
  },
  serviceStartDate: IsoDate,
  today: IsoDate,
): FieldIssue[] {
  return careerIssues(
    {
      ...employee,
      yearsOfService: yearsOfServiceOn(serviceStartDate, today),
      gradeException:
        employee.gradeException && employee.golongan ? { golongan: employee.golongan } : undefined,
    },
    CREATED,
  );
}

/** The rules a changed employee breaks; only what the change touches is judged again. */
export function changedEmployeeCareerIssues(
  current: Employee,
  next: Employee,
  given: GradeExceptionGiven | undefined,
  today: IsoDate,
): FieldIssue[] {
  const raised =
    next.golongan !== undefined &&
    (current.golongan === undefined || golonganOrder(next.golongan) > golonganOrder(current.golongan));
  return careerIssues(
    {
      ...next,
      yearsOfService: yearsOfServiceOn(next.serviceStartDate, today),
      gradeException: given && next.golongan ? { golongan: next.golongan } : next.gradeException,
    },
    {
      golonganRaised: raised,
      education: next.education !== current.education,
      position:
        next.position.title !== current.position.title || next.position.type !== current.position.type,
      name: next.name !== current.name,
    },
  );
}
