import { completedYearsBetween, jakartaDateOf } from '../domain/calendar-date';
import type { Employee } from '../domain/employee';
import type { Appraisal } from '../domain/evaluation';
import {
  arrangementProblem,
  STUDY_FUNDINGS,
  type StudyFunding,
  type StudyLeaveTerms,
  studyLeaveEligibility,
} from '../domain/study-leave';
import type { TrainingProgram } from '../domain/training';
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

  /** The assessment given the employee's latest appraisal (as the 9-box reads it), as of today. */
  function assessWith(employee: Employee, lastAppraisal: Appraisal | null): StudyEligibility {
    const today = jakartaDateOf(clock().getTime());
    const yearsOfService = Math.max(0, completedYearsBetween(employee.serviceStartDate, today));
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

  async function assess(employee: Employee): Promise<StudyEligibility> {
    const latest = await evaluations.latestAppraisalsOf(employee.agencyId, [employee.id]);
    return assessWith(employee, latest.get(employee.id) ?? null);
  }

  const reasonsOf = (assessed: StudyEligibility, funding: StudyFunding) => {
    const arrangement = assessed.arrangements.find((a) => a.funding === funding);
    return arrangement?.eligible ? [] : (arrangement?.reasons ?? []);
  };

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
      const problem = arrangementProblem(program.format, funding);
      if (problem) throw BadUserInputError.of('input.studyFunding', problem);
      if (funding) await this.requireEligible(employee, funding);
    },

    /** Refuses degree study in `funding` for an employee who may not take it, with every reason. */
    async requireEligible(employee: Employee, funding: StudyFunding): Promise<void> {
      const reasons = reasonsOf(await assess(employee), funding);
      if (!reasons.length) return;
      throw new BadUserInputError(reasons.map((reason) => ({ field: 'input.studyFunding', reason })));
    },

    /**
     * `requireEligible` for many employees of one agency at once (an import's batch): the reasons
     * each is refused (empty: eligible). Only tugas belajar reads an appraisal: the latest of each
     * employee, one bounded Query each, a few at a time.
     */
    async refusals(
      agencyId: string,
      requests: readonly { employee: Employee; funding: StudyFunding }[],
    ): Promise<string[][]> {
      const reading = requests.filter((r) => r.funding === 'TUGAS_BELAJAR').map((r) => r.employee.id);
      const latest = await evaluations.latestAppraisalsOf(agencyId, [...new Set(reading)]);
      return requests.map(({ employee, funding }) =>
        reasonsOf(assessWith(employee, latest.get(employee.id) ?? null), funding),
      );
    },
  };
}

export type StudyEligibilityService = ReturnType<typeof createStudyEligibility>;
