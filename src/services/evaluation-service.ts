import type { ItemLoader } from '../data/item-loader';
import type { Connection, PageArgs } from '../data/paginate';
import type { EvaluationListFilter } from '../data/repositories/evaluation-repository';
import type { Employee } from '../domain/employee';
import {
  type Appraisal,
  type Evaluation,
  type EvaluationKind,
  type TalentBox,
  talentBoxOf,
} from '../domain/evaluation';
import type { Predikat } from '../domain/skp-predikat';
import { ForbiddenError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import { createProgramEvaluator } from './evaluate-program';
import type { ServiceDeps } from './ports';
import { createAppraisalRecorder } from './record-appraisal';
import type { Ref, RequestScope } from './request-scope';
import { canManageIn, isSelf, unitInReach } from './staff-scope';

/** Evaluation list filter with references checked against the caller's agency. */
export interface EvaluationFilter {
  kind?: EvaluationKind | undefined;
  employee?: Ref | undefined;
  program?: Ref | undefined;
  unit?: Ref | undefined;
  period?: string | undefined;
  predikat?: Predikat | undefined;
}

/**
 * SKP appraisals (PermenPANRB 6/2022) and post-training program evaluations. Appraisals are
 * personnel records: administrators, the heads of the employee's unit (or a parent unit) and
 * the employee see them. Program evaluations are open to the agency's staff.
 */
export function createEvaluationService(deps: ServiceDeps) {
  const { evaluations, employees, organization } = deps;
  // One query per employee and request, shared by `appraisals`-derived fields (latest, talent).
  const appraisalsByRequest = new WeakMap<ItemLoader, Map<string, Promise<Appraisal[]>>>();

  function allAppraisals(scope: RequestScope, employee: Employee): Promise<Appraisal[]> {
    const cache = appraisalsByRequest.get(scope.loader) ?? new Map<string, Promise<Appraisal[]>>();
    appraisalsByRequest.set(scope.loader, cache);
    let found = cache.get(employee.id);
    if (!found) {
      found = evaluations.allAppraisalsOf(employee.agencyId, employee.id);
      cache.set(employee.id, found);
    }
    return found;
  }

  /** Administrators, the employee, and heads of a unit in whose reach one of `unitIds` lies. */
  async function requireAppraisalReader(scope: RequestScope, employeeId: string, unitIds: string[]) {
    const caller = requireStaff(scope.caller);
    if (caller.role === 'ADMIN' || isSelf(caller, employeeId)) return;
    if (caller.role === 'UNIT_HEAD') {
      const units = await Promise.all(
        unitIds.map((id) => organization.getUnit(scope.loader, caller.agencyId, id)),
      );
      if (units.some((unit) => unit && unitInReach(caller, unit))) return;
    }
    throw new ForbiddenError(
      "Only an administrator, the employee or the head of the employee's unit may see appraisals",
    );
  }

  return {
    /** One evaluation of the caller's agency (appraisals only for those who may see them), or null. */
    async get(scope: RequestScope, ref: Ref): Promise<Evaluation | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      const found = await evaluations.get(scope.loader, ref.agencyId, ref.id);
      if (!found) return null;
      if (found.kind === 'APPRAISAL') {
        const employee = await employees.get(scope.loader, found.agencyId, found.employeeId);
        await requireAppraisalReader(scope, found.employeeId, [
          found.unitId,
          ...(employee ? [employee.unitId] : []),
        ]);
      }
      return found;
    },

    /**
     * Evaluations of the caller's agency. Administrators list anything; others list the
     * appraisals of an employee (or, unit heads, of a unit) they may see, or program evaluations.
     */
    async list(
      scope: RequestScope,
      filter: EvaluationFilter,
      page: PageArgs,
    ): Promise<Connection<Evaluation>> {
      const caller = requireStaff(scope.caller);
      for (const ref of [filter.employee, filter.program, filter.unit])
        if (ref) requireSameAgency(caller, ref.agencyId);
      const query: EvaluationListFilter = {
        kind: filter.kind,
        employeeId: filter.employee?.id,
        programId: filter.program?.id,
        unitId: filter.unit?.id,
        period: filter.period,
        predikat: filter.predikat,
      };
      if (caller.role !== 'ADMIN') {
        if (filter.employee) {
          const employee = await employees.get(scope.loader, caller.agencyId, filter.employee.id);
          if (employee) await requireAppraisalReader(scope, employee.id, [employee.unitId]);
        } else if (filter.unit) {
          const unit = await organization.getUnit(scope.loader, caller.agencyId, filter.unit.id);
          if (!unit || !canManageIn(caller, unit))
            throw new ForbiddenError('Only an administrator or the head of the unit may list its appraisals');
        } else if (filter.kind === 'PROGRAM' || filter.program) {
          query.kind = 'PROGRAM';
        } else {
          throw new ForbiddenError(
            'List appraisals of one employee (employeeId) or program evaluations (kind: PROGRAM)',
          );
        }
      }
      return evaluations.list(caller.agencyId, query, page);
    },

    /** An employee's appraisals, newest period first. */
    async appraisalsOf(
      scope: RequestScope,
      employee: Employee,
      page: PageArgs,
    ): Promise<Connection<Evaluation>> {
      await requireAppraisalReader(scope, employee.id, [employee.unitId]);
      return evaluations.list(employee.agencyId, { employeeId: employee.id }, page);
    },

    /** The appraisal of the employee's latest period, or null. */
    async latestAppraisal(scope: RequestScope, employee: Employee): Promise<Appraisal | null> {
      await requireAppraisalReader(scope, employee.id, [employee.unitId]);
      return (await allAppraisals(scope, employee))[0] ?? null;
    },

    /**
     * The employee's 9-box (PermenPANRB 3/2020): performance from the latest appraisal's predikat,
     * potential from the latest appraisal that assessed one; null without either.
     */
    async talent(scope: RequestScope, employee: Employee): Promise<TalentBox | null> {
      await requireAppraisalReader(scope, employee.id, [employee.unitId]);
      const all = await allAppraisals(scope, employee);
      const potential = all.find((a) => a.potential)?.potential;
      return all[0] && potential ? talentBoxOf(all[0].predikat, potential) : null;
    },

    /** A program's evaluations, newest first. */
    listOfProgram(scope: RequestScope, program: Ref, page: PageArgs): Promise<Connection<Evaluation>> {
      requireSameAgency(requireStaff(scope.caller), program.agencyId);
      return evaluations.list(program.agencyId, { programId: program.id }, page);
    },

    recordAppraisal: createAppraisalRecorder(deps),
    evaluateProgram: createProgramEvaluator(deps),
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
