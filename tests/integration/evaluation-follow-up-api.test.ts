import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const staff = demo.employees.filter((e) => e.agencyId === 'medan' && e.status === 'ACTIVE');
const inactive = demo.employees.find((e) => e.agencyId === 'medan' && e.status !== 'ACTIVE');
const ADMIN = { claims: adminOf('medan') };
const person = (i: number) => staff[i] ?? staff[0];
const gid = (i: number) => toGlobalId('Employee', 'medan', person(i)?.id ?? '');
const selfOf = (i: number): { claims: ApiClaims } => ({
  claims: {
    sub: `self-${i}`,
    'cognito:groups': ['EMPLOYEE'],
    agency_id: 'medan',
    unit_id: person(i)?.unitId ?? '',
    employee_id: person(i)?.id ?? '',
  },
});

let app: TestApp;
type Errors = { extensions?: Record<string, unknown> }[] | undefined;
const errorOf = (errors: Errors) => errors?.[0]?.extensions;

async function must<T>(query: string, variables: Record<string, unknown>, as = ADMIN): Promise<T> {
  const res = await app.request<T>(query, variables, as);
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function runningProgram(title: string): Promise<string> {
  const created = await must<{ createTrainingProgram: { id: string } }>(
    `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
    {
      input: {
        title,
        category: 'PUBLIC_SERVICE',
        format: 'CLASSROOM',
        jp: 16,
        startDate: '2026-10-01',
        endDate: '2026-10-02',
        capacity: 10,
        costPerParticipant: 1_000_000,
        status: 'OPEN',
      },
    },
  );
  const id = created.createTrainingProgram.id;
  await must(
    `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { id } }`,
    { input: { id, version: 1, status: 'RUNNING' } },
  );
  return id;
}

const EVALUATE = `mutation($input: EvaluateProgramInput!) { evaluateProgram(input: $input) {
  id recommendation findings { figure value threshold text } } }`;
async function evaluate(programId: string, resultsChangePercent: number) {
  const data = await must<{
    evaluateProgram: {
      id: string;
      recommendation: string;
      findings: { figure: string; threshold: number }[];
    };
  }>(EVALUATE, { input: { programId, reactionScore: 85, behaviourScore: 80, resultsChangePercent } });
  return data.evaluateProgram;
}

const THRESHOLDS = `{ me { agency { evaluationThresholds {
  clearImprovementPercent significantChangePercent poorReactionBelow poorBehaviourBelow
  minPeriodsBefore minPeriodsAfter isDefault version } } } }`;
const SET = `mutation($input: SetEvaluationThresholdsInput!) { setEvaluationThresholds(input: $input) {
  clearImprovementPercent minPeriodsBefore isDefault version } }`;
const DEFAULTS = {
  clearImprovementPercent: 10,
  significantChangePercent: 2,
  poorReactionBelow: 60,
  poorBehaviourBelow: 60,
  minPeriodsBefore: 3,
  minPeriodsAfter: 3,
};

const ADD = `mutation($input: AddFollowUpActionInput!) { addFollowUpAction(input: $input) {
  id title status dueDate overdue recommendation version owner { id } evaluation { id } } }`;
const UPDATE = `mutation($input: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $input) {
  id status note closedAt version } }`;
const NEXT = `mutation($input: CreateNextCohortInput!) { createNextCohort(input: $input) {
  id title cohort status capacity category series { number cohorts { number completedCount program { id }
  latestEvaluation { recommendation } } } } }`;

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
}, 120_000);
afterAll(() => app.close());

describe('evaluation thresholds per agency', () => {
  it('shows the documented defaults until an administrator sets the agency’s own', async () => {
    const read = await must<{ me: { agency: { evaluationThresholds: Record<string, unknown> } } }>(
      THRESHOLDS,
      {},
    );
    expect(read.me.agency.evaluationThresholds).toMatchObject({ ...DEFAULTS, isDefault: true });
  });

  it('decides later evaluations with the new thresholds and names them in the findings', async () => {
    const read = await must<{ me: { agency: { evaluationThresholds: { version: number } } } }>(
      THRESHOLDS,
      {},
    );
    const { version } = read.me.agency.evaluationThresholds;
    const set = await must<{ setEvaluationThresholds: { version: number; isDefault: boolean } }>(SET, {
      input: { ...DEFAULTS, clearImprovementPercent: 15, version },
    });
    expect(set.setEvaluationThresholds).toMatchObject({ isDefault: false, version: version + 1 });
    const program = await runningProgram('Pelatihan Ambang Baru');
    const evaluation = await evaluate(program, 12);
    expect(evaluation.recommendation).toBe('CONTINUE');
    expect(evaluation.findings[0]).toMatchObject({ figure: 'RESULTS_CHANGE_PERCENT', threshold: 15 });
    const stale = await app.request(SET, { input: { ...DEFAULTS, version } }, ADMIN);
    expect(errorOf(stale.errors)).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const back = await must<{ setEvaluationThresholds: { isDefault: boolean } }>(SET, {
      input: { ...DEFAULTS, version: version + 1 },
    });
    expect(back.setEvaluationThresholds.isDefault).toBe(true);
  });

  it('refuses contradicting thresholds (BAD_USER_INPUT naming the field) and anyone but an administrator', async () => {
    const bad = await app.request(
      SET,
      { input: { ...DEFAULTS, clearImprovementPercent: 1, minPeriodsAfter: 0, version: 1 } },
      ADMIN,
    );
    expect(errorOf(bad.errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.clearImprovementPercent',
    });
    const denied = await app.request(SET, { input: { ...DEFAULTS, version: 1 } }, selfOf(1));
    expect(errorOf(denied.errors)?.code).toBe('FORBIDDEN');
    const read = await must<{ me: { agency: { evaluationThresholds: { isDefault: boolean } } } }>(
      THRESHOLDS,
      {},
    );
    expect(read.me.agency.evaluationThresholds.isDefault).toBe(true);
  });
});

describe('follow-up actions on a recommendation', () => {
  let evaluationId = '';
  beforeAll(async () => {
    evaluationId = (await evaluate(await runningProgram('Pelatihan Tindak Lanjut'), 0.5)).id;
  });
  const add = (overrides: Record<string, unknown> = {}, as = ADMIN) =>
    app.request<{ addFollowUpAction: Record<string, unknown> & { id: string; version: number } }>(
      ADD,
      {
        input: {
          evaluationId,
          title: 'Tinjau ulang metode pelatihan',
          ownerId: gid(1),
          dueDate: '2026-12-15',
          ...overrides,
        },
      },
      as,
    );

  it('adds an OPEN action with owner and due date, listed on the evaluation', async () => {
    const res = await add();
    expect(res.errors).toBeUndefined();
    expect(res.data?.addFollowUpAction).toMatchObject({
      status: 'OPEN',
      dueDate: '2026-12-15',
      overdue: false,
      recommendation: 'REVIEW',
      owner: { id: gid(1) },
      evaluation: { id: evaluationId },
    });
    const listed = await must<{ evaluation: { followUpActions: { id: string }[] } }>(
      'query($id: ID!) { evaluation(id: $id) { followUpActions { id } } }',
      { id: evaluationId },
    );
    expect(listed.evaluation.followUpActions.map((a) => a.id)).toContain(res.data?.addFollowUpAction.id);
  });

  it.each([
    [
      'an owner who is not ACTIVE',
      { ownerId: toGlobalId('Employee', 'medan', inactive?.id ?? 'x') },
      'input.ownerId',
    ],
    ['an owner who does not exist', { ownerId: toGlobalId('Employee', 'medan', 'nobody') }, 'input.ownerId'],
    ['a due date before the evaluation', { dueDate: '2026-10-31' }, 'input.dueDate'],
    ['an impossible due date', { dueDate: '2026-02-30' }, 'input.dueDate'],
    ['an empty title', { title: '  ' }, 'input.title'],
    [
      'an evaluation that does not exist',
      { evaluationId: toGlobalId('Evaluation', 'medan', 'none') },
      'input.evaluationId',
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, overrides, field) => {
    const before = await must<{ evaluation: { followUpActions: unknown[] } }>(
      'query($id: ID!) { evaluation(id: $id) { followUpActions { id } } }',
      { id: evaluationId },
    );
    const res = await add(overrides);
    expect(errorOf(res.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const after = await must<{ evaluation: { followUpActions: unknown[] } }>(
      'query($id: ID!) { evaluation(id: $id) { followUpActions { id } } }',
      { id: evaluationId },
    );
    expect(after.evaluation.followUpActions).toHaveLength(before.evaluation.followUpActions.length);
  });

  it('lets only administrators add actions', async () => {
    expect(errorOf((await add({}, selfOf(1))).errors)?.code).toBe('FORBIDDEN');
  });

  it('lets the owner close the action with a note; closed actions no longer change', async () => {
    const created = (await add()).data?.addFollowUpAction;
    const other = await app.request(
      UPDATE,
      { input: { id: created?.id, version: 1, status: 'DONE' } },
      selfOf(2),
    );
    expect(errorOf(other.errors)?.code).toBe('FORBIDDEN');
    const moved = await app.request(
      UPDATE,
      { input: { id: created?.id, version: 1, dueDate: '2027-01-31' } },
      selfOf(1),
    );
    expect(errorOf(moved.errors)?.code).toBe('FORBIDDEN');
    const done = await app.request<{ updateFollowUpAction: Record<string, unknown> }>(
      UPDATE,
      { input: { id: created?.id, version: 1, status: 'DONE', note: 'Metode diganti studi kasus' } },
      selfOf(1),
    );
    expect(done.data?.updateFollowUpAction).toMatchObject({
      status: 'DONE',
      note: 'Metode diganti studi kasus',
      closedAt: NOW.toISOString(),
      version: 2,
    });
    const stale = await app.request(
      UPDATE,
      { input: { id: created?.id, version: 1, status: 'DROPPED' } },
      ADMIN,
    );
    expect(errorOf(stale.errors)).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const again = await app.request(
      UPDATE,
      { input: { id: created?.id, version: 2, status: 'DROPPED' } },
      ADMIN,
    );
    expect(errorOf(again.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    const reopen = await app.request(
      UPDATE,
      { input: { id: created?.id, version: 2, status: 'OPEN' } },
      ADMIN,
    );
    expect(errorOf(reopen.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
  });

  it('holds at most 20 actions per evaluation however many arrive at once', async () => {
    const fresh = (await evaluate(await runningProgram('Pelatihan Batas Tindak Lanjut'), 4)).id;
    const results = await Promise.all(
      Array.from({ length: 23 }, (_, n) =>
        app.request(
          ADD,
          { input: { evaluationId: fresh, title: `Aksi ${n + 1}`, ownerId: gid(1), dueDate: '2026-12-01' } },
          ADMIN,
        ),
      ),
    );
    const refused = results.filter((r) => r.errors);
    expect(results.length - refused.length).toBe(20);
    expect(refused.map((r) => errorOf(r.errors)?.rule)).toEqual([
      'FOLLOW_UP_LIMIT_REACHED',
      'FOLLOW_UP_LIMIT_REACHED',
      'FOLLOW_UP_LIMIT_REACHED',
    ]);
    const listed = await must<{ evaluation: { followUpActions: unknown[] } }>(
      'query($id: ID!) { evaluation(id: $id) { followUpActions { id } } }',
      { id: fresh },
    );
    expect(listed.evaluation.followUpActions).toHaveLength(20);
  });
});

describe('createNextCohort and program.series', () => {
  let firstId = '';
  beforeAll(async () => {
    firstId = await runningProgram('Pelatihan Pelayanan Prima');
    await evaluate(firstId, 14);
  });

  it('creates cohort 2 linked to the first, and shows both cohorts side by side', async () => {
    const res = await app.request<{ createNextCohort: Record<string, unknown> }>(
      NEXT,
      { input: { fromProgramId: firstId, startDate: '2027-02-01', endDate: '2027-02-02' } },
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createNextCohort).toMatchObject({
      title: 'Pelatihan Pelayanan Prima (Angkatan 2)',
      cohort: 2,
      status: 'DRAFT',
      capacity: 10,
      category: 'PUBLIC_SERVICE',
      series: {
        number: 2,
        cohorts: [
          { number: 1, program: { id: firstId }, latestEvaluation: { recommendation: 'CONTINUE' } },
          { number: 2, completedCount: 0, latestEvaluation: null },
        ],
      },
    });
    const first = await must<{
      trainingProgram: { cohort: number | null; series: { number: number; cohorts: unknown[] } };
    }>('query($id: ID!) { trainingProgram(id: $id) { cohort series { number cohorts { number } } } }', {
      id: firstId,
    });
    expect(first.trainingProgram).toEqual({
      cohort: null,
      series: { number: 1, cohorts: [{ number: 1 }, { number: 2 }] },
    });
  });

  it('never gives one cohort number to two programs created at once', async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        app.request<{ createNextCohort: { cohort: number } }>(
          NEXT,
          { input: { fromProgramId: firstId, startDate: '2027-06-01', endDate: '2027-06-02' } },
          ADMIN,
        ),
      ),
    );
    const numbers = results.flatMap((r) => (r.data ? [r.data.createNextCohort.cohort] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.errors)) expect(errorOf(r.errors)?.code).toBe('CONFLICT');
  });

  it.each([
    ['an end before the start', { startDate: '2027-03-02', endDate: '2027-03-01' }, 'input.endDate'],
    ['a capacity of 0', { capacity: 0 }, 'input.capacity'],
  ])('refuses %s with BAD_USER_INPUT', async (_, overrides, field) => {
    const res = await app.request(
      NEXT,
      { input: { fromProgramId: firstId, startDate: '2027-03-01', endDate: '2027-03-02', ...overrides } },
      ADMIN,
    );
    expect(errorOf(res.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a program that never ran, and anyone but an administrator', async () => {
    const draft = await must<{ createTrainingProgram: { id: string } }>(
      `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
      {
        input: {
          title: 'Rancangan',
          category: 'IT',
          format: 'CLASSROOM',
          jp: 8,
          startDate: '2027-01-01',
          endDate: '2027-01-01',
          capacity: 5,
          costPerParticipant: 0,
        },
      },
    );
    const input = {
      fromProgramId: draft.createTrainingProgram.id,
      startDate: '2027-03-01',
      endDate: '2027-03-02',
    };
    expect(errorOf((await app.request(NEXT, { input }, ADMIN)).errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.fromProgramId',
    });
    expect(
      errorOf((await app.request(NEXT, { input: { ...input, fromProgramId: firstId } }, selfOf(1))).errors)
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
