import { completedYearsBetween, dateParts, type IsoDate } from '../domain/calendar-date';
import type { GradeException, GradeExceptionReason } from '../domain/career-rules';
import type { Education } from '../domain/education';
import type { Employee, Position } from '../domain/employee';
import { CREATED, careerIssues } from '../domain/employee-career';
import { type Golongan, golonganOrder } from '../domain/golongan';
import { type EmploymentType, type ParsedNip, parseNip } from '../domain/nip';
import { BadUserInputError } from '../errors/app-error';

/** A documented exception as given with a create or a promotion. */
export interface GradeExceptionCommand {
  reason: GradeExceptionReason;
  note: string;
}

/** The NIP read and checked against today and the hire date; BAD_USER_INPUT naming the part otherwise. */
export function checkedNip(
  input: { nip: string; employmentType: EmploymentType; serviceStartDate?: string | undefined },
  today: IsoDate,
): { parsed: ParsedNip; serviceStartDate: IsoDate } {
  const first = parseNip(input.nip, input.employmentType, { today });
  if (!first.ok) throw BadUserInputError.of('input.nip', `${first.part}: ${first.reason}`);
  const { startDate } = first.value;
  const serviceStartDate = input.serviceStartDate ?? startDate;
  if (serviceStartDate < startDate) {
    throw BadUserInputError.of(
      'input.serviceStartDate',
      `must not precede the start in the NIP (${startDate})`,
    );
  }
  if (input.employmentType === 'PPPK' && dateParts(serviceStartDate).year !== dateParts(startDate).year) {
    throw BadUserInputError.of(
      'input.serviceStartDate',
      `must lie in ${startDate.slice(0, 4)}, the start year in the NIP (TMT PPPK)`,
    );
  }
  if (dateParts(serviceStartDate).year > dateParts(today).year + 1)
    throw BadUserInputError.of('input.serviceStartDate', 'must not lie beyond next year');
  if (input.employmentType === 'PNS') return { parsed: first.value, serviceStartDate };
  // A PPPK must be 18 on the hire date itself, which the NIP (year only) does not carry.
  const hired = parseNip(input.nip, 'PPPK', { today, hireDate: serviceStartDate });
  if (!hired.ok) {
    const field = input.serviceStartDate ? 'input.serviceStartDate' : 'input.nip';
    throw BadUserInputError.of(field, `${hired.part}: ${hired.reason}`);
  }
  return { parsed: hired.value, serviceStartDate };
}

/** The exception to store with a golongan, when one was given. */
export function gradeExceptionOf(
  given: GradeExceptionCommand | undefined,
  golongan: Golongan | undefined,
  at: string,
): GradeException | undefined {
  return given && golongan ? { ...given, golongan, recordedAt: at } : undefined;
}

/** Refuses a new employee that breaks a career rule (golongan, Ahli post, titles vs education). */
export function checkNewCareer(
  input: {
    employmentType: EmploymentType;
    name: string;
    golongan?: Golongan | undefined;
    education: Education;
    position: Position;
    gradeException?: GradeExceptionCommand | undefined;
  },
  serviceStartDate: IsoDate,
  today: IsoDate,
): void {
  const issues = careerIssues(
    {
      ...input,
      yearsOfService: Math.max(0, completedYearsBetween(serviceStartDate, today)),
      gradeException: input.gradeException && input.golongan ? { golongan: input.golongan } : undefined,
    },
    CREATED,
  );
  if (issues.length) throw new BadUserInputError(issues);
}

/** Refuses a change that breaks a career rule; only what the change touches is judged again. */
export function checkCareerChange(
  current: Employee,
  next: Employee,
  given: GradeExceptionCommand | undefined,
  today: IsoDate,
): void {
  const raised =
    next.golongan !== undefined &&
    (current.golongan === undefined || golonganOrder(next.golongan) > golonganOrder(current.golongan));
  const issues = careerIssues(
    {
      ...next,
      yearsOfService: Math.max(0, completedYearsBetween(next.serviceStartDate, today)),
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
  if (issues.length) throw new BadUserInputError(issues);
}
