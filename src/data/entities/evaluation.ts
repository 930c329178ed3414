import {
  type Appraisal,
  type Evaluation,
  type ProgramEvaluation,
  periodMonths,
} from '../../domain/evaluation';
import { ConflictError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import type { Item, ItemKey } from '../item';
import { ordered } from '../sort-keys';
import { putNew, type UpdateWrite, type Write } from '../write';
import { uniqueValueKey } from './unique-value';

/** Index partitions of evaluations, shared by the declaration below and the repository's queries. */
export const evaluationPartitions = {
  agency: (agencyId: string) => `${agencyId}#Evaluation`,
  employee: (agencyId: string, employeeId: string) => `${agencyId}#Employee#${employeeId}#Appraisal`,
  program: (agencyId: string, programId: string) => `${agencyId}#TrainingProgram#${programId}#Evaluation`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#Appraisal`,
};

/**
 * Evaluations (appraisals and program evaluations). gsi1: every evaluation of an agency by
 * time; gsi2 (appraisals): an employee's appraisals by period start (periods of one employee
 * never overlap, so this is period order); gsi3 (program evaluations): a program's evaluations
 * by time; gsi4 (appraisals): appraisals made in a unit by period start.
 */
export const evaluationEntity = defineEntity<Evaluation>({
  type: 'Evaluation',
  indexes: {
    gsi1: (e) => ({ pk: evaluationPartitions.agency(e.agencyId), sk: ordered(e.evaluatedAt, e.id) }),
    gsi2: (e) =>
      e.kind === 'APPRAISAL'
        ? { pk: evaluationPartitions.employee(e.agencyId, e.employeeId), sk: ordered(e.periodStart, e.id) }
        : undefined,
    gsi3: (e) =>
      e.kind === 'PROGRAM'
        ? { pk: evaluationPartitions.program(e.agencyId, e.programId), sk: ordered(e.evaluatedAt, e.id) }
        : undefined,
    gsi4: (e) =>
      e.kind === 'APPRAISAL'
        ? { pk: evaluationPartitions.unit(e.agencyId, e.unitId), sk: ordered(e.periodStart, e.id) }
        : undefined,
  },
  // Program evaluations count their follow-up actions (`follow-up-action.ts` keeps the limit).
  external: ['followUpCount'],
});

const GUARD_KIND = 'AppraisalYear';

/** The attribute of a month slot on the guard (`m01`–`m12`); it holds the owning appraisal. */
export const monthSlot = (month: string) => `m${month}`;

/** A slot's value: the owning appraisal's id and its period key (`<id>@<period>`). */
const slotValue = (a: Appraisal) => `${a.id}@${a.period}`;

/**
 * One guard item per employee and calendar year holds a slot per month, set to the appraisal
 * covering it. Appraisal periods never cross a year, so two appraisals of one employee overlap
 * exactly when they claim a common slot of the same guard: the same period twice, or `2026`
 * against `2026-Q2`, both fail one conditional write, whatever the timing.
 */
export function appraisalGuardKey(agencyId: string, employeeId: string, year: string): ItemKey {
  return uniqueValueKey(agencyId, GUARD_KIND, `${employeeId}:${year}`);
}

const yearOf = (a: Appraisal) => a.periodStart.slice(0, 4);
const monthsOf = (a: Appraisal) => periodMonths({ start: a.periodStart, end: a.periodEnd });

/** The periods of the appraisals already holding a month of `appraisal`, from a guard's stored image. */
export function overlappingPeriods(guard: Item | undefined, appraisal: Appraisal): string[] {
  const owners = monthsOf(appraisal).map((month) => guard?.[monthSlot(month)]);
  const periods = owners.filter((o): o is string => typeof o === 'string').map((o) => o.split('@')[1] ?? '');
  return [...new Set(periods)];
}

/** The CONFLICT of a period whose months another appraisal of the employee already holds. */
function overlapConflict(appraisal: Appraisal, guard: Item | undefined, cause: unknown): ConflictError {
  const periods = overlappingPeriods(guard, appraisal).filter(Boolean);
  return new ConflictError(
    periods.includes(appraisal.period)
      ? `The employee already has an appraisal for ${appraisal.period}`
      : `${appraisal.period} overlaps the employee's appraisal for ${periods.join(', ') || 'another period'}`,
    { field: 'input.period', conflictingPeriods: periods },
    cause,
  );
}

/** Claims the appraisal's months on its guard, only if none of them is taken (creates the guard if needed). */
function claimAppraisalMonths(appraisal: Appraisal): UpdateWrite {
  const names: Record<string, string> = {};
  const slots: Record<string, string> = {};
  const free = monthsOf(appraisal).map((month, i) => {
    names[`#m${i}`] = monthSlot(month);
    slots[monthSlot(month)] = slotValue(appraisal);
    return `attribute_not_exists(#m${i})`;
  });
  return {
    update: appraisalGuardKey(appraisal.agencyId, appraisal.employeeId, yearOf(appraisal)),
    set: {
      entity: 'Unique',
      agencyId: appraisal.agencyId,
      kind: GUARD_KIND,
      value: `${appraisal.employeeId}:${yearOf(appraisal)}`,
      ...slots,
    },
    condition: { expression: free.join(' AND '), names },
    refused: (stored, cause) => overlapConflict(appraisal, stored, cause),
  };
}

/** The writes of evaluations. */
export const evaluationWrites = {
  /**
   * An appraisal with its months claimed on the employee's year guard, in one transaction: an
   * appraisal of the same or an overlapping period is a CONFLICT naming the periods in the way.
   */
  recordAppraisal(appraisal: Appraisal): Write[] {
    return [claimAppraisalMonths(appraisal), putNew(evaluationEntity.toItem(appraisal))];
  },

  /** A program evaluation. */
  recordProgramEvaluation(evaluation: ProgramEvaluation): Write[] {
    return [putNew(evaluationEntity.toItem(evaluation))];
  },
};
