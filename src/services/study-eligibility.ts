import { completedYearsBetween, jakartaDateOf } from '../domain/calendar-date';
import type { Employee } from '../domain/employee';
import type { Appraisal } from '../domain/evaluation';
import {
  STUDY_FUNDINGS,
  type StudyFunding,
  type StudyLeaveTerms,
  studyLeaveEligibility,
} from '../domain/study-leave';
import type { TrainingProgram } from '../domain/training';
import { learningFormOf } from '../domain/training-formats';
import { BadUserInputError } from '../errors/app-error';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';

/** One study arrangement for one employee: granted with its terms, or refused with every reason. */
export interface StudyArrangement {
  funding: StudyFunding;
  eligible: boolean;
  reasons: string[];
  terms: StudyLeaveTerms | null;
}

/** Whether an employee may take degree study, per arrangement, and the facts it rests on. */
export interface StudyEligibility {
  employee: Employee;
  yearsOfService: number;
  lastAppraisal: Appraisal | null;
  arrangements: StudyArrangement[];
}

/**
 * Degree study eligibility (DOMAIN rule 3, src/domain/study-leave.ts): the question, and the check
 * of an enrollment in a DEGREE program. An ineligible enrollment is BAD_USER_INPUT on
 * `input.studyFunding` with one issue per reason: the request is wrong for this employee; the
 * caller's rights are not in question (that would be FORBIDDEN).
 */
export function createStudyEligibility({ employees, evaluations, organization, clock }: ServiceDeps) {
  const visibility = createVisibility(organization);

  async function assess(employee: Employee): Promise<StudyEligibility> {
    const today = jakartaDateOf(clock().getTime());
    const yearsOfService = Math.max(0, completedYearsBetween(employee.serviceStartDate, today));
    // The latest period's appraisal, as the 9-box reads it.
    const [lastAppraisal = null] = await evaluations.allAppraisalsOf(employee.agencyId, employee.id);
    const arrangements = STUDY_FUNDINGS.map((funding): StudyArrangement => {
      const result = studyLeaveEligibility({
        yearsOfService,
        funding,
        status: employee.status,
        ...(lastAppraisal ? { lastPredikat: lastAppraisal.predikat } : {}),
      });
      return result.ok
        ? { funding, eligible: true, reasons: [], terms: result.value }
        : { funding, eligible: false, reasons: result.reasons, terms: null };
    });
    return { employee, yearsOfService, lastAppraisal, arrangements };
  }

  return {
    /** Eligibility of one employee for both arrangements: administrators, heads in reach, the employee. */
    async eligibility(scope: RequestScope, ref: Ref): Promise<StudyEligibility | null> {
      const employee = await employees.get(scope.loader, ref.agencyId, ref.id);
      await visibility.requireEmployee(
        scope,
        employee ?? { agencyId: ref.agencyId, id: ref.id, unitId: '-' },
      );
      return employee ? assess(employee) : null;
    },

    /**
     * The arrangement of an enrollment: required for a DEGREE program and checked against the
     * employee; refused for any other program.
     */
    async requireArrangement(
      program: Pick<TrainingProgram, 'format'>,
      employee: Employee,
      funding: StudyFunding | undefined,
    ): Promise<void> {
      const degree = learningFormOf(program.format) === 'DEGREE';
      if (!degree) {
        if (funding) throw BadUserInputError.of('input.studyFunding', 'is only for DEGREE programs');
        return;
      }
      if (!funding) {
        throw BadUserInputError.of(
          'input.studyFunding',
          'a DEGREE program needs the arrangement: TUGAS_BELAJAR or IZIN_BELAJAR',
        );
      }
      await this.requireEligible(employee, funding);
    },

    /** Refuses degree study in `funding` for an employee who may not take it, with every reason. */
    async requireEligible(employee: Employee, funding: StudyFunding): Promise<void> {
      const assessed = await assess(employee);
      const arrangement = assessed.arrangements.find((a) => a.funding === funding);
      if (arrangement?.eligible) return;
      throw new BadUserInputError(
        (arrangement?.reasons ?? []).map((reason) => ({ field: 'input.studyFunding', reason })),
      );
    },
  };
}

export type StudyEligibilityService = ReturnType<typeof createStudyEligibility>;
