import { idempotencyClaimOf } from '../data/idempotency';
import { jakartaDateOf } from '../domain/calendar-date';
import { type AppraiserSnapshot, type Evaluation, newAppraisal, rankOf } from '../domain/evaluation';
import type { Potential } from '../domain/nine-box';
import type { Period } from '../domain/period';
import { newRecord } from '../domain/record';
import type { Rating } from '../domain/skp-predikat';
import { BadUserInputError, ForbiddenError } from '../errors/app-error';
import { requireSameAgency, requireStaff, type StaffCaller } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { canManageIn, isSelf } from './staff-scope';

/** Validated input of recordAppraisal. */
export interface RecordAppraisalCommand {
  employee: Ref;
  period: Period;
  resultRating: Rating;
  behaviourRating: Rating;
  potential?: Potential | undefined;
  notes?: string | undefined;
  idempotencyKey?: string | undefined;
}

const APPRAISERS = ['ADMIN', 'UNIT_HEAD'] as const;

/**
 * Records SKP appraisals (PermenPANRB 6/2022): the predikat follows from the work-result and
 * work-behaviour ratings; one appraisal per employee and period, overlapping periods refused.
 */
export function createAppraisalRecorder(deps: ServiceDeps) {
  const { evaluations, employees, organization, idempotency, clock, newId } = deps;

  /** The appraiser as at the appraisal (SIASN records the appraiser's NIP, name, position, rank and unit). */
  async function appraiserOf(
    scope: RequestScope,
    caller: StaffCaller,
  ): Promise<AppraiserSnapshot | undefined> {
    if (!caller.employeeId) return undefined;
    const appraiser = await employees.get(scope.loader, caller.agencyId, caller.employeeId);
    if (!appraiser) return undefined;
    const unit = await organization.getUnit(scope.loader, caller.agencyId, appraiser.unitId);
    return {
      employeeId: appraiser.id,
      nip: appraiser.nip,
      name: appraiser.name,
      positionTitle: appraiser.position.title,
      rank: rankOf(appraiser),
      unitName: unit?.name,
    };
  }

  /**
   * Records an employee's appraisal for a period: administrators, or the head of the employee's
   * unit or a parent unit; never the employee themself. The period must have started and must
   * not end before the employee's service began.
   */
  return async function recordAppraisal(
    scope: RequestScope,
    input: RecordAppraisalCommand,
  ): Promise<Evaluation> {
    const caller = requireStaff(scope.caller, APPRAISERS);
    requireSameAgency(caller, input.employee.agencyId);
    const claim = idempotencyClaimOf(caller.agencyId, 'recordAppraisal', input);
    const replay = { type: 'Evaluation', load: (id: string) => evaluations.getLatest(caller.agencyId, id) };
    return idempotency.once(
      claim,
      async (): Promise<Evaluation> => {
        const employee = await employees.getLatest(caller.agencyId, input.employee.id);
        if (!employee) throw BadUserInputError.of('input.employeeId', 'no such employee in this agency');
        if (isSelf(caller, employee.id)) throw new ForbiddenError('Nobody may appraise themself');
        const unit = await organization.getUnit(scope.loader, caller.agencyId, employee.unitId);
        if (!unit || !canManageIn(caller, unit))
          throw new ForbiddenError("Only an administrator or the head of the employee's unit may appraise");
        const { period } = input;
        const now = clock();
        if (period.start > jakartaDateOf(now.getTime()))
          throw BadUserInputError.of('input.period', `${period.key} has not started yet`);
        if (period.end < employee.serviceStartDate)
          throw BadUserInputError.of(
            'input.period',
            `${period.key} ends before the employee's service started`,
          );
        const appraisal = newAppraisal(newRecord(caller.agencyId, newId(), now.toISOString()), {
          employee,
          period,
          resultRating: input.resultRating,
          behaviourRating: input.behaviourRating,
          potential: input.potential,
          notes: input.notes,
          evaluatorId: caller.employeeId,
          appraiser: await appraiserOf(scope, caller),
        });
        // Overlapping periods are a CONFLICT naming them (entities/evaluation.ts).
        await evaluations.recordAppraisal(appraisal, now, claim);
        return appraisal;
      },
      replay,
    );
  };
}
