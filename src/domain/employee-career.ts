/**
 * The career rules a created or changed employee record must satisfy (DOMAIN rule 2), as field
 * issues: golongan within the regular promotion path of the education and service (unless a
 * documented exception covers it), Ahli posts held by graduates, and an education no lower than
 * the titles in the name. Used by createEmployee, updateEmployee and the import.
 */
import { educationFromTitles } from './academic-titles';
import { checkPositionEducation, checkRegularGrade, type GradeException } from './career-rules';
import { EDUCATION_LABELS, type Education, educationLevel } from './education';
import type { Golongan } from './golongan';
import type { EmploymentType } from './nip';
import type { FieldIssue } from './validation-issues';

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
        field: 'input.education',
        reason: `the name carries ${implied.titles.join(', ')}, i.e. at least ${EDUCATION_LABELS[implied.education]}, but the education is ${EDUCATION_LABELS[education]}`,
      });
    }
  }
  if (change.position || change.education) {
    const post = checkPositionEducation(facts.position, education);
    if (!post.ok)
      issues.push({ field: change.position ? 'input.position' : 'input.education', reason: post.reason });
  }
  const gradeJudged = facts.employmentType === 'PNS' && golongan !== undefined;
  const covered = facts.gradeException !== undefined && facts.gradeException.golongan === golongan;
  if (gradeJudged && (change.golonganRaised || change.education) && !covered) {
    if (education === undefined) {
      issues.push({
        field: 'input.education',
        reason: 'the education is not recorded: give it to check the golongan (or a gradeException)',
      });
    } else {
      const grade = checkRegularGrade(golongan, education, facts.yearsOfService);
      if (!grade.ok) issues.push({ field: 'input.golongan', reason: grade.reason });
    }
  }
  return issues;
}
