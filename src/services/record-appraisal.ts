import { idempotencyClaimOf, replayedResult } from '../data/transact-create';
import { jakartaDateOf } from '../domain/calendar-date';
import { profileOf } from '../domain/employee';
import { type Appraisal, type AppraiserSnapshot, type Evaluation, rankOf } from '../domain/evaluation';
import type { Potential } from '../domain/nine-box';
import type { Period } from '../domain/period';
import { newRecord } from '../domain/record';
import { predikatOf, type Rating } from '../domain/skp-predikat';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
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
  const { evaluations, employees, organization, table, clock, newId } = deps;

  async function latest(agencyId: string, id: string): Promise<Evaluation> {
    const found = await evaluations.getLatest(agencyId, id);
    if (!found) throw new NotFoundError('Evaluation', id);
    return found;
  }

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

  /** The CONFLICT of a period whose months another appraisal of the employee already holds. */
  async function overlapConflict(agencyId: string, period: Period, owners: string[]): Promise<ConflictError> {
    const others = await Promise.all(owners.map((id) => evaluations.getLatest(agencyId, id)));
    const periods = others.flatMap((e) => (e?.kind === 'APPRAISAL' ? [e.period] : []));
    return new ConflictError(
      periods.includes(period.key)
        ? `The employee already has an appraisal for ${period.key}`
        : `${period.key} overlaps the employee's appraisal for ${periods.join(', ') || 'another period'}`,
      { field: 'input.period', conflictingPeriods: periods },
    );
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
    const replayed = claim ? await replayedResult(table, claim) : undefined;
    if (replayed) return latest(caller.agencyId, replayed);
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
      throw BadUserInputError.of('input.period', `${period.key} ends before the employee's service started`);
    const appraisal: Appraisal = {
      ...newRecord(caller.agencyId, newId(), now.toISOString()),
      kind: 'APPRAISAL',
      evaluatedAt: now.toISOString(),
      evaluatorId: caller.employeeId,
      notes: input.notes,
      employeeId: employee.id,
      unitId: employee.unitId,
      employeeProfile: profileOf(employee),
      period: period.key,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      resultRating: input.resultRating,
      behaviourRating: input.behaviourRating,
      predikat: predikatOf(input.resultRating, input.behaviourRating),
      potential: input.potential,
      appraiser: await appraiserOf(scope, caller),
    };
    const written = await evaluations.recordAppraisal(appraisal, now, claim);
    if ('overlapping' in written) throw await overlapConflict(caller.agencyId, period, written.overlapping);
    return written.replayed ? latest(caller.agencyId, written.id) : appraisal;
  };
}
