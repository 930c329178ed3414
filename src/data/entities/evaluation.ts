import { type Appraisal, type Evaluation, periodMonths } from '../../domain/evaluation';
import { defineEntity } from '../entity';
import type { Item, ItemKey, Table, WriteOp } from '../table';
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
    gsi1: (e) => ({ pk: evaluationPartitions.agency(e.agencyId), sk: `${e.evaluatedAt}#${e.id}` }),
    gsi2: (e) =>
      e.kind === 'APPRAISAL'
        ? { pk: evaluationPartitions.employee(e.agencyId, e.employeeId), sk: `${e.periodStart}#${e.id}` }
        : undefined,
    gsi3: (e) =>
      e.kind === 'PROGRAM'
        ? { pk: evaluationPartitions.program(e.agencyId, e.programId), sk: `${e.evaluatedAt}#${e.id}` }
        : undefined,
    gsi4: (e) =>
      e.kind === 'APPRAISAL'
        ? { pk: evaluationPartitions.unit(e.agencyId, e.unitId), sk: `${e.periodStart}#${e.id}` }
        : undefined,
  },
});

const GUARD_KIND = 'AppraisalYear';

/** The attribute of a month slot on the guard (`m01`–`m12`); it holds the owning appraisal's id. */
export const monthSlot = (month: string) => `m${month}`;

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

/** Claims the appraisal's months on its guard, only if none of them is taken (creates the guard if needed). */
export function claimAppraisalMonthsOp(table: Table, appraisal: Appraisal): WriteOp {
  const names: Record<string, string> = {
    '#entity': 'entity',
    '#agency': 'agencyId',
    '#kind': 'kind',
    '#value': 'value',
  };
  const values: Record<string, unknown> = {
    ':entity': 'Unique',
    ':agency': appraisal.agencyId,
    ':kind': GUARD_KIND,
    ':value': `${appraisal.employeeId}:${yearOf(appraisal)}`,
    ':owner': appraisal.id,
  };
  const sets = ['#entity = :entity', '#agency = :agency', '#kind = :kind', '#value = :value'];
  const free = monthsOf(appraisal).map((month, i) => {
    names[`#m${i}`] = monthSlot(month);
    sets.push(`#m${i} = :owner`);
    return `attribute_not_exists(#m${i})`;
  });
  return {
    Update: {
      TableName: table.name,
      Key: appraisalGuardKey(appraisal.agencyId, appraisal.employeeId, yearOf(appraisal)),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: free.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** Ids of the appraisals already holding any month of `appraisal`, from a guard's stored image. */
export function overlappingOwners(guard: Item | undefined, appraisal: Appraisal): string[] {
  const owners = monthsOf(appraisal).map((month) => guard?.[monthSlot(month)]);
  return [...new Set(owners.filter((o): o is string => typeof o === 'string'))];
}

/** The guard items of a set of appraisals (seeding): one per employee and year with every claimed month. */
export function appraisalGuardItems(appraisals: readonly Appraisal[]): Item[] {
  const guards = new Map<string, Item>();
  for (const a of appraisals) {
    const key = appraisalGuardKey(a.agencyId, a.employeeId, yearOf(a));
    const guard = guards.get(key.pk) ?? {
      ...key,
      entity: 'Unique',
      agencyId: a.agencyId,
      kind: GUARD_KIND,
      value: `${a.employeeId}:${yearOf(a)}`,
    };
    for (const month of monthsOf(a)) {
      if (guard[monthSlot(month)]) throw new Error(`Overlapping demo appraisals of ${a.employeeId}`);
      guard[monthSlot(month)] = a.id;
    }
    guards.set(key.pk, guard);
  }
  return [...guards.values()];
}
