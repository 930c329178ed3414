import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import * as fc from 'fast-check';
import { expect } from 'vitest';
import { employeeEntity } from '../../src/data/entities/employee';
import { trainingProgramEntity } from '../../src/data/entities/training-program';
import type { ItemKey } from '../../src/data/item';
import { recomputeRollups } from '../../src/data/rollups/recompute';
import type { Item, Table } from '../../src/data/table';
import type { EmployeeProfile } from '../../src/domain/employee';

/** Small value domains, so random items collide in cells and tallies (the interesting cases). */
const units = ['u1', 'u2', 'u3'];
/** p1 and p2 are stored programs (categoryOf), p3 is not found: its enrollments count under `-`. */
const programs = ['p1', 'p2', 'p3'];
const categoryOf: Record<string, string> = { p1: 'IT', p2: 'FINANCE' };
const employees = ['e1', 'e2', 'e3', 'e4'];
const profile: fc.Arbitrary<EmployeeProfile> = fc.record({
  unitId: fc.constantFrom(...units),
  grade: fc.constantFrom('III_A', 'III_B', 'PPPK-IX'),
  employmentType: fc.constantFrom('PNS', 'PPPK'),
  gender: fc.constantFrom('MALE', 'FEMALE'),
});
const day = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const enrollment = fc
  .record({
    employeeId: fc.constantFrom(...employees),
    programId: fc.constantFrom(...programs),
    unitId: fc.constantFrom(...units),
    employeeProfile: profile,
    programStartDate: day,
    partnerId: fc.option(fc.constant('usu'), { nil: undefined }),
    status: fc.constantFrom(
      'INVITED',
      'ENROLLED',
      'WAITLISTED',
      'COMPLETED',
      'DROPPED',
      'NO_SHOW',
      'DECLINED',
    ),
    invited: fc.boolean(),
    jp: fc.integer({ min: 1, max: 40 }),
    pre: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    post: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    completedOn: day,
  })
  .map(({ jp, pre, post, completedOn, invited, ...e }) => ({
    entity: 'Enrollment',
    ...e,
    // Invitations: pending and declined ones always were; others may have been, then accepted.
    ...(invited || e.status === 'INVITED' || e.status === 'DECLINED'
      ? { invitedAt: `${e.programStartDate}T00:00:00.000Z` }
      : {}),
    ...(invited && e.status !== 'INVITED' && e.status !== 'DECLINED'
      ? { acceptedAt: `${e.programStartDate}T01:00:00.000Z` }
      : {}),
    ...(e.status === 'DECLINED' ? { declineReason: 'WORKLOAD' } : {}),
    jpCredited: e.status === 'COMPLETED' ? jp : 0,
    ...(e.status === 'COMPLETED'
      ? { completedAt: `${completedOn}T00:00:00.000Z`, preTestScore: pre, postTestScore: post }
      : {}),
  }));

const feedback = fc
  .record({
    unitId: fc.constantFrom(...units),
    channel: fc.constantFrom('FORUM', 'ONLINE', 'SURVEY'),
    kind: fc.constantFrom('SURVEY', 'SUGGESTION', 'COMPLAINT'),
    answers: fc.option(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), {
      nil: undefined,
    }),
    submittedOn: day,
    respondedAfterHours: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    resolvedAfterDays: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    hidden: fc.boolean(),
  })
  .map(({ answers, submittedOn, respondedAfterHours, resolvedAfterDays, hidden, ...f }) => {
    const submittedAt = `${submittedOn}T02:00:00.000Z`;
    const at = (hours: number) => new Date(Date.parse(submittedAt) + hours * 3_600_000).toISOString();
    return {
      entity: 'Feedback',
      ...f,
      serviceName: 'Layanan',
      submittedAt,
      surveyAnswers: answers,
      moderationStatus: hidden ? 'HIDDEN' : 'PUBLISHED',
      ...(respondedAfterHours ? { firstResponseAt: at(respondedAfterHours) } : {}),
      ...(resolvedAfterDays ? { resolvedAt: at(resolvedAfterDays * 24) } : {}),
    };
  });

const session = fc
  .record({
    menteeId: fc.constantFrom(...employees),
    menteeProfile: profile,
    date: day,
    minutes: fc.integer({ min: 30, max: 480 }),
  })
  .map((s) => ({ entity: 'MentoringSession', mentorshipId: 'm1', agreedActions: [], ...s }));

/** Employees are stored under their own key (`id` one of the learners'), so learning tallies find them. */
const employee = fc
  .record({
    id: fc.constantFrom(...employees),
    unitId: fc.constantFrom(...units),
    golongan: fc.constantFrom('III_A', 'IV_A'),
    gender: fc.constantFrom('MALE', 'FEMALE'),
    // Mostly active, so learning tallies have a unit to count learners in.
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'RETIRED'),
  })
  .map((e) => ({ entity: 'Employee', employmentType: 'PNS', ...e }));

const measurement = fc
  .record({
    unitId: fc.constantFrom(...units),
    period: fc.constantFrom('2025-03', '2025-Q2', '2026'),
    achievementPercent: fc.integer({ min: 0, max: 200 }),
  })
  .map((m) => ({ entity: 'Measurement', indicatorId: 'i1', value: 1, ...m }));

const appraisal = fc
  .record({
    employeeProfile: profile,
    periodStart: day,
    predikat: fc.constantFrom('BAIK', 'SANGAT_BAIK', 'KURANG'),
  })
  .map((a) => ({ entity: 'Evaluation', kind: 'APPRAISAL', ...a }));

const plan = fc
  .record({
    unitId: fc.option(fc.constantFrom(...units), { nil: undefined }),
    year: fc.constantFrom(2025, 2026),
    planned: fc.integer({ min: 0, max: 1_000_000 }),
    spent: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ planned, spent, ...p }) => ({
    entity: 'DevelopmentPlan',
    ...p,
    planned,
    committed: planned,
    spent,
  }));

/** The body of one random base item (without keys). */
export const baseItemBody: fc.Arbitrary<Item> = fc.oneof(
  enrollment,
  feedback,
  // Twice as often: learning for the INACTIVE_EMPLOYEES tallies in most histories.
  { arbitrary: session, weight: 2 },
  employee,
  measurement,
  appraisal,
  plan,
);

/** A random operation on one of a few record slots: write a new body, or delete. */
export const operation = fc.record({
  slot: fc.integer({ min: 0, max: 11 }),
  body: fc.option(baseItemBody, { nil: undefined, freq: 5 }),
  replay: fc.boolean(),
});

/** Operations hiring e1–e4 (active), before a random history moves, retires or deletes them. */
export const hiredFirst = employees.map((id, i) => ({
  slot: i,
  body: {
    entity: 'Employee',
    id,
    unitId: units[i % units.length],
    golongan: 'III_A',
    gender: 'FEMALE',
    status: 'ACTIVE',
    employmentType: 'PNS',
  } as Item,
  replay: false,
}));

/**
 * Key and id of an operation's item: a slot of its own (`r<slot>`), or an employee's key for an
 * Employee body and for deletes of slots 0–3 (employees e1–e4 join, move, leave and come back).
 */
export function operationTarget(op: { slot: number; body?: Item | undefined }): { key: ItemKey; id: string } {
  const employeeId = op.body
    ? op.body.entity === 'Employee'
      ? String(op.body.id)
      : undefined
    : employees[op.slot];
  if (employeeId) return { key: employeeEntity.key('medan', employeeId), id: employeeId };
  return { key: { pk: `medan#Slot#${op.slot}`, sk: 'Slot' }, id: `r${op.slot}` };
}

/** The stored programs of the enrollments (written first: a program precedes its enrollments). */
export const programItems: Item[] = Object.entries(categoryOf).map(([id, category]) => ({
  ...trainingProgramEntity.key('medan', id),
  entity: 'TrainingProgram',
  agencyId: 'medan',
  id,
  category,
  title: `Program ${id}`,
}));

/** Items the aggregator writes; everything else is a base item recomputation starts from. */
const DERIVED_ENTITIES = new Set(['Rollup', 'JpTally', 'LearningTally']);

/** Every item of a table (consistent reads). */
export async function scan(table: Table): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new ScanCommand({ TableName: table.name, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Stored rollups as `pk sk attribute -> value`, zeros left out (ADD leaves zeros behind). */
export function storedRollups(items: Item[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items.filter((i) => i.entity === 'Rollup')) {
    for (const [name, value] of Object.entries(item)) {
      if (typeof value === 'number' && name.includes('|') && Math.abs(value) > 1e-6)
        out.set(`${item.pk} ${item.sk} ${name}`, value);
    }
  }
  return out;
}

/** The rollups recomputed from the base items among `items`, as `pk sk attribute -> value`. */
export function expectedRollups(items: Item[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const rollup of recomputeRollups(
    items.filter((i) => !DERIVED_ENTITIES.has(String(i.entity))),
  ).rollups.values()) {
    for (const [name, value] of Object.entries(rollup.values))
      out.set(`${rollup.pk} ${rollup.sk} ${name}`, value);
  }
  return out;
}

/** Fails with the list of differing rollup values. */
export function expectSame(actual: Map<string, number>, expected: Map<string, number>) {
  const keys = new Set([...actual.keys(), ...expected.keys()]);
  const differences = [...keys].filter((k) => Math.abs((actual.get(k) ?? 0) - (expected.get(k) ?? 0)) > 1e-6);
  expect(differences.map((k) => `${k}: stored ${actual.get(k)} expected ${expected.get(k)}`)).toEqual([]);
}
