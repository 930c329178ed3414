import { agencyEntity } from '../data/entities/agency';
import { employeeEntity } from '../data/entities/employee';
import { uniqueValueItem } from '../data/entities/unique-value';
import { UNIT_CODE_GUARD, unitEntity } from '../data/entities/unit';
import { recomputeRollups, rollupItems } from '../data/rollups/recompute';
import type { Item, Table } from '../data/table';
import type { Unit } from '../domain/organization';
import { buildDemoEvaluations, demoEvaluationItems } from './build-evaluations';
import { demoFeedbackItems } from './build-feedback';
import { buildDemoMentoring } from './build-mentorship';
import { buildDemoOrganization } from './build-organization';
import { demoPerformanceItems } from './build-performance';
import { buildDemoPlans, demoPlanItems, linkProgramsToPlans } from './build-plans';
import { buildDemoTraining } from './build-training';
import { demoPartnerFeedItems } from './partner-feed-items';
import { trainingItems } from './training-items';

/** Bump when the demo data set changes; a table seeded with an older version is seeded again. */
export const DEMO_DATA_VERSION = 7;
const MARKER = { pk: 'System#Seed', sk: 'demo' };

/** A unit and the guard of its code. */
function unitItems(u: Unit): Item[] {
  return [
    unitEntity.toItem(u),
    ...(u.code ? [uniqueValueItem(u.agencyId, UNIT_CODE_GUARD, u.code, u.id)] : []),
  ];
}

/** Agencies, units and employees only: the base the tests build their own scenarios on. */
export function demoOrganizationItems(now: Date): Item[] {
  const { agencies, units, employees } = buildDemoOrganization(now);
  return [
    ...agencies.map((a) => agencyEntity.toItem(a)),
    ...units.flatMap((u) => unitItems(u)),
    ...employees.flatMap((e) => [employeeEntity.toItem(e), uniqueValueItem(e.agencyId, 'Nip', e.nip, e.id)]),
  ];
}

/** Whether an item belongs to one of the agencies (by its agencyId, or its key's agency prefix). */
function ofAgencies(item: Item, agencies: readonly string[]): boolean {
  if (typeof item.agencyId === 'string') return agencies.includes(item.agencyId);
  return agencies.some((a) => String(item.pk).startsWith(`${a}#`));
}

/**
 * Every item of the demo data set, built for `now`; with `agencies`, only theirs (the partner
 * feeds then hold only their enrollments' changes, numbered without gaps).
 */
export function demoItems(now: Date, only?: readonly string[]): Item[] {
  const org = buildDemoOrganization(now);
  const { agencies, units } = org;
  const demoTraining = buildDemoTraining(now, org);
  const plans = buildDemoPlans(now, org, demoTraining);
  const programs = linkProgramsToPlans(demoTraining.programs, plans.links);
  const training = trainingItems(org, { ...demoTraining, programs }, buildDemoMentoring(now, org));
  const enrollments = demoTraining.enrollments.filter((e) => !only || only.includes(e.agencyId));
  const items = [
    ...agencies.map((a) => agencyEntity.toItem(a)),
    ...units.flatMap((u) => unitItems(u)),
    ...training.employees.flatMap((e) => [
      employeeEntity.toItem(e),
      uniqueValueItem(e.agencyId, 'Nip', e.nip, e.id),
    ]),
    ...training.items,
    ...demoPerformanceItems(now),
    ...demoFeedbackItems(now),
    ...demoEvaluationItems(buildDemoEvaluations(now, org, demoTraining)),
    ...demoPlanItems(plans),
  ];
  return [
    ...(only ? items.filter((item) => ofAgencies(item, only)) : items),
    ...demoPartnerFeedItems(enrollments),
  ];
}

/**
 * Seeds the demo data once per table (a marker item remembers the version). `organization`
 * seeds only agencies, units and employees. With `rollups` (a table that was empty), the
 * dashboard rollups of the seeded items are written too, computed in memory: no rebuild needed.
 * `agencies` narrows the full data set to some agencies (tests that need only those).
 */
export async function seedDemoData(
  table: Table,
  now: Date,
  scope: 'all' | 'organization' = 'all',
  options: { rollups?: boolean; agencies?: readonly string[] } = {},
): Promise<{ items: number; rollups: number }> {
  const marker = await table.get(MARKER);
  if (marker && Number(marker.version) >= DEMO_DATA_VERSION) return { items: 0, rollups: 0 };
  const items = scope === 'all' ? demoItems(now, options.agencies) : demoOrganizationItems(now);
  const rollups = options.rollups ? rollupItems(recomputeRollups(items)) : [];
  await table.batchPut([...items, ...rollups]);
  await table.put({ ...MARKER, entity: 'Seed', version: DEMO_DATA_VERSION, seededAt: now.toISOString() });
  return { items: items.length, rollups: rollups.length };
}
