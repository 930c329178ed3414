import type { IsoDate } from '../domain/calendar-date';
import type { Employee } from '../domain/employee';
import {
  changedEmployeeCareerIssues,
  type GradeExceptionGiven,
  newEmployeeCareerIssues,
} from '../domain/employee-career';
import type { EmploymentType, ParsedNip } from '../domain/nip';
import { admitNip } from '../domain/nip-admission';
import type { FieldIssue } from '../domain/validation-issues';
import { BadUserInputError } from '../errors/app-error';

/** The domain's field issues as BAD_USER_INPUT on the mutation's input. */
function refuseIssues(issues: FieldIssue[]): void {
  if (issues.length)
    throw new BadUserInputError(issues.map((issue) => ({ ...issue, field: `input.${issue.field}` })));
}

/** The NIP read and checked against today and the hire date; BAD_USER_INPUT naming the input otherwise. */
export function checkedNip(
  input: { nip: string; employmentType: EmploymentType; serviceStartDate?: string | undefined },
  today: IsoDate,
): { parsed: ParsedNip; serviceStartDate: IsoDate } {
  const admission = admitNip(input, today);
  if (!admission.ok) throw BadUserInputError.of(`input.${admission.field}`, admission.reason);
  return admission;
}

/** Refuses a new employee that breaks a career rule (golongan, Ahli post, titles vs education). */
export function checkNewCareer(
  input: Parameters<typeof newEmployeeCareerIssues>[0],
  serviceStartDate: IsoDate,
  today: IsoDate,
): void {
  refuseIssues(newEmployeeCareerIssues(input, serviceStartDate, today));
}

/** Refuses a change that breaks a career rule; only what the change touches is judged again. */
export function checkCareerChange(
  current: Employee,
  next: Employee,
  given: GradeExceptionGiven | undefined,
  today: IsoDate,
): void {
  refuseIssues(changedEmployeeCareerIssues(current, next, given, today));
}
