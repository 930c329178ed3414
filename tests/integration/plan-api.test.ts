import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { demoItems, seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const bkpsdmHead = demo.units.find((u) => u.id === 'medan-bkpsdm')?.headEmployeeId ?? '';
const OWNER = toGlobalId('Employee', 'medan', bkpsdmHead);
const ADMIN = { claims: adminOf('medan') };
const MILLION = 1_000_000;

const PLAN_FIELDS = `id title year scope status statusLabel version
  owner { id } budget { planned committed spent remaining unspent }
  programs(first: 100) { totalCount edges { node { id } } }`;
const CREATE = `mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateDevelopmentPlanInput!) { updateDevelopmentPlan(input: $input) { ${PLAN_FIELDS} } }`;
const ADD = `mutation($input: AddProgramToPlanInput!) { addProgramToPlan(input: $input) { ${PLAN_FIELDS} } }`;
const REMOVE = `mutation($input: RemoveProgramFromPlanInput!) { removeProgramFromPlan(input: $input) { ${PLAN_FIELDS} } }`;
const SPEND = `mutation($input: RecordPlanSpendingInput!) { recordPlanSpending(input: $input) { ${PLAN_FIELDS}
  spendings(first: 10) { totalCount edges { node { amount note } } } } }`;
const PLAN = `query($id: ID!) { developmentPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PROGRAM = `query($id: ID!) { trainingProgram(id: $id) {
  developmentPlan { id } planCommitment { participants amount plan { id } } } }`;

interface Budget {
  planned: number;
  committed: number;
  spent: number;
  remaining: number;
  unspent: number;
}
interface Plan {
  id: string;
  version: number;
  status: string;
  budget: Budget;
  programs: { totalCount: number; edges: { node: { id: string } }[] };
}

let app: TestApp;

async function createPlan(overrides: Record<string, unknown> = {}): Promise<Plan> {
  const res = await app.request<{ createDevelopmentPlan: Plan }>(
    CREATE,
    {
      input: {
        title: 'Rencana Pembinaan ASN Uji',
        year: 2026,
        scope: 'AGENCY',
        ownerId: OWNER,
        goals: ['Meningkatkan kualitas pelayanan'],
        plannedBudget: 100 * MILLION,
        ...overrides,
      },
    },
    ADMIN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createDevelopmentPlan;
}

/** A program costing `costPerParticipant` x `capacity` rupiah. */
async function createProgram(costPerParticipant: number, capacity = 10): Promise<string> {
  const res = await app.request<{ createTrainingProgram: { id: string } }>(
    `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
    {
      input: {
        title: 'Workshop Teknologi Informasi',
        category: 'IT',
        format: 'WORKSHOP',
        jp: 16,
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        capacity,
        costPerParticipant,
        status: 'OPEN',
      },
    },
    ADMIN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createTrainingProgram.id;
}

async function plan(id: string): Promise<Plan> {
  const res = await app.request<{ developmentPlan: Plan }>(PLAN, { id }, ADMIN);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.developmentPlan;
}

function expectConsistent(budget: Budget) {
  expect(budget.remaining).toBe(budget.planned - budget.committed);
  expect(budget.unspent).toBe(budget.committed - budget.spent);
  expect(budget.committed).toBeLessThanOrEqual(budget.planned);
  expect(budget.spent).toBeLessThanOrEqual(budget.committed);
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('creating and changing a plan', () => {
  it('creates a DRAFT plan with an uncommitted budget', async () => {
    const created = await createPlan();
    expect(created).toMatchObject({
      year: 2026,
      scope: 'AGENCY',
      status: 'DRAFT',
      statusLabel: 'Rancangan',
      version: 1,
      owner: { id: OWNER },
      budget: { planned: 100 * MILLION, committed: 0, spent: 0, remaining: 100 * MILLION, unspent: 0 },
      programs: { totalCount: 0 },
    });
  });

  it.each([
    ['a UNIT plan without a unit', { scope: 'UNIT' }, 'input.unitId'],
    ['an AGENCY plan with a unit', { unitId: toGlobalId('Unit', 'medan', 'medan-dinkes') }, 'input.unitId'],
    ['a negative budget', { plannedBudget: -1 }, 'input.plannedBudget'],
    ['a fractional budget', { plannedBudget: 10.5 }, 'input.plannedBudget'],
    ['an unknown owner', { ownerId: toGlobalId('Employee', 'medan', 'nobody') }, 'input.ownerId'],
    ['a CLOSED start', { status: 'CLOSED' }, 'input.status'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, overrides, field) => {
    const before = await tableSnapshot(app);
    const res = await app.request(
      CREATE,
      {
        input: {
          title: 'Rencana X',
          year: 2026,
          scope: 'AGENCY',
          ownerId: OWNER,
          plannedBudget: 1,
          ...overrides,
        },
      },
      ADMIN,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses non-administrators and other agencies (FORBIDDEN)', async () => {
    const created = await createPlan();
    const employee: ApiClaims = {
      sub: 'e',
      'cognito:groups': ['EMPLOYEE'],
      agency_id: 'medan',
      employee_id: bkpsdmHead,
    };
    const asEmployee = await app.request(
      CREATE,
      { input: { title: 'Rencana Y', year: 2026, scope: 'AGENCY', ownerId: OWNER, plannedBudget: 1 } },
      { claims: employee },
    );
    expect(asEmployee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await app.request(PLAN, { id: created.id }, { claims: adminOf('binjai') });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a stale version with CONFLICT, and a planned budget below what is committed', async () => {
    const created = await createPlan({ plannedBudget: 50 * MILLION });
    const programId = await createProgram(2 * MILLION);
    await app.request(ADD, { input: { planId: created.id, programId } }, ADMIN);
    const raised = await app.request<{ updateDevelopmentPlan: Plan }>(
      UPDATE,
      { input: { id: created.id, version: 1, plannedBudget: 70 * MILLION, status: 'APPROVED' } },
      ADMIN,
    );
    expect(raised.data?.updateDevelopmentPlan).toMatchObject({
      version: 2,
      status: 'APPROVED',
      budget: { planned: 70 * MILLION, committed: 20 * MILLION, remaining: 50 * MILLION },
    });
    const before = await tableSnapshot(app);
    const stale = await app.request(UPDATE, { input: { id: created.id, version: 1, title: 'Baru' } }, ADMIN);
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 2,
    });
    const below = await app.request(
      UPDATE,
      { input: { id: created.id, version: 2, plannedBudget: 19 * MILLION } },
      ADMIN,
    );
    expect(below.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.plannedBudget',
    });
    const backwards = await app.request(
      UPDATE,
      { input: { id: created.id, version: 2, status: 'DRAFT' } },
      ADMIN,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.status',
    });
    expect(await tableSnapshot(app)).toEqual(before);
    const lowered = await app.request<{ updateDevelopmentPlan: Plan }>(
      UPDATE,
      { input: { id: created.id, version: 2, plannedBudget: 20 * MILLION } },
      ADMIN,
    );
    expect(lowered.data?.updateDevelopmentPlan.budget).toMatchObject({ planned: 20 * MILLION, remaining: 0 });
  });

  it('returns the first plan for a retried idempotency key', async () => {
    const input = { idempotencyKey: 'plan-create-once-1' };
    const [a, b] = await Promise.all([createPlan(input), createPlan(input)]);
    expect(a.id).toBe(b.id);
  });
});

describe('committing programs to the budget', () => {
  it('commits cost x participants (default: capacity) and links the program to the plan', async () => {
    const created = await createPlan({ plannedBudget: 100 * MILLION });
    const full = await createProgram(2 * MILLION, 10);
    const half = await createProgram(3 * MILLION, 10);
    const res = await app.request<{ addProgramToPlan: Plan }>(
      ADD,
      { input: { planId: created.id, programId: full } },
      ADMIN,
    );
    expect(res.data?.addProgramToPlan.budget).toMatchObject({
      committed: 20 * MILLION,
      remaining: 80 * MILLION,
    });
    const partial = await app.request<{ addProgramToPlan: Plan }>(
      ADD,
      { input: { planId: created.id, programId: half, participants: 5 } },
      ADMIN,
    );
    expect(partial.data?.addProgramToPlan).toMatchObject({
      budget: { planned: 100 * MILLION, committed: 35 * MILLION, remaining: 65 * MILLION, spent: 0 },
      programs: { totalCount: 2, edges: [{ node: { id: full } }, { node: { id: half } }] },
    });
    const program = await app.request(PROGRAM, { id: half }, ADMIN);
    expect(program.data).toEqual({
      trainingProgram: {
        developmentPlan: { id: created.id },
        planCommitment: { participants: 5, amount: 15 * MILLION, plan: { id: created.id } },
      },
    });
  });

  it('refuses a commitment beyond the remaining budget with CONFLICT and the shortfall, writing nothing', async () => {
    const created = await createPlan({ plannedBudget: 30 * MILLION });
    await app.request(
      ADD,
      { input: { planId: created.id, programId: await createProgram(2 * MILLION) } },
      ADMIN,
    );
    const tooMuch = await createProgram(2 * MILLION);
    const before = await tableSnapshot(app);
    const res = await app.request(ADD, { input: { planId: created.id, programId: tooMuch } }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'BUDGET_EXCEEDED',
      field: 'input.programId',
      shortfall: 10 * MILLION,
    });
    expect(await tableSnapshot(app)).toEqual(before);
    const tooMany = await app.request(
      ADD,
      { input: { planId: created.id, programId: tooMuch, participants: 11 } },
      ADMIN,
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.participants',
    });
    const fits = await app.request<{ addProgramToPlan: Plan }>(
      ADD,
      { input: { planId: created.id, programId: tooMuch, participants: 5 } },
      ADMIN,
    );
    expect(fits.data?.addProgramToPlan.budget).toMatchObject({ committed: 30 * MILLION, remaining: 0 });
  });

  it('lets exactly the commitments that fit through when they race (3 of 5)', async () => {
    const created = await createPlan({ plannedBudget: 60 * MILLION });
    const programs = await Promise.all(Array.from({ length: 5 }, () => createProgram(2 * MILLION)));
    const results = await Promise.all(
      programs.map((programId) => app.request(ADD, { input: { planId: created.id, programId } }, ADMIN)),
    );
    const accepted = programs.filter((_, i) => !results[i]?.errors);
    expect(accepted).toHaveLength(3);
    const refused = results.filter((r) => r.errors);
    expect(refused.map((r) => r.errors?.[0]?.extensions?.rule)).toEqual([
      'BUDGET_EXCEEDED',
      'BUDGET_EXCEEDED',
    ]);
    const stored = await plan(created.id);
    expect(stored.budget).toMatchObject({ planned: 60 * MILLION, committed: 60 * MILLION, remaining: 0 });
    expectConsistent(stored.budget);
    expect(new Set(stored.programs.edges.map((e) => e.node.id))).toEqual(new Set(accepted));
    for (const programId of programs) {
      const res = await app.request<{ trainingProgram: { developmentPlan: { id: string } | null } }>(
        PROGRAM,
        { id: programId },
        ADMIN,
      );
      expect(res.data?.trainingProgram.developmentPlan?.id ?? null).toBe(
        accepted.includes(programId) ? created.id : null,
      );
    }
  });

  it('keeps a program in at most one plan, even when two plans race for it', async () => {
    const [a, b] = await Promise.all([createPlan(), createPlan()]);
    const programId = await createProgram(MILLION);
    const results = await Promise.all(
      [a, b].map((p) => app.request(ADD, { input: { planId: p?.id, programId } }, ADMIN)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'PROGRAM_IN_A_PLAN',
    });
    const committed = [await plan(a?.id ?? ''), await plan(b?.id ?? '')].map((p) => p.budget.committed);
    expect(committed.sort()).toEqual([0, 10 * MILLION]);
  });

  it('releases a commitment and unlinks the program, which can then join another plan', async () => {
    const [a, b] = await Promise.all([createPlan(), createPlan()]);
    const programId = await createProgram(MILLION);
    await app.request(ADD, { input: { planId: a?.id, programId } }, ADMIN);
    const removed = await app.request<{ removeProgramFromPlan: Plan }>(
      REMOVE,
      { input: { planId: a?.id, programId } },
      ADMIN,
    );
    expect(removed.data?.removeProgramFromPlan).toMatchObject({
      budget: { committed: 0, remaining: 100 * MILLION },
      programs: { totalCount: 0 },
    });
    const again = await app.request(REMOVE, { input: { planId: a?.id, programId } }, ADMIN);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programId' });
    const moved = await app.request<{ addProgramToPlan: Plan }>(
      ADD,
      { input: { planId: b?.id, programId } },
      ADMIN,
    );
    expect(moved.data?.addProgramToPlan.budget.committed).toBe(10 * MILLION);
  });
});

describe('recording spending', () => {
  it('spends only under an APPROVED plan and never beyond what is committed, even concurrently', async () => {
    const created = await createPlan({ plannedBudget: 50 * MILLION });
    const programId = await createProgram(2 * MILLION);
    await app.request(ADD, { input: { planId: created.id, programId } }, ADMIN);
    const draft = await app.request(
      SPEND,
      { input: { planId: created.id, amount: MILLION, note: 'Honor narasumber' } },
      ADMIN,
    );
    expect(draft.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.planId' });
    await app.request(UPDATE, { input: { id: created.id, version: 1, status: 'APPROVED' } }, ADMIN);
    const paid = await app.request<{ recordPlanSpending: Plan & { spendings: { totalCount: number } } }>(
      SPEND,
      {
        input: {
          planId: created.id,
          amount: 15 * MILLION,
          note: 'Pembayaran penyelenggara',
          idempotencyKey: 'spend-once-0001',
        },
      },
      ADMIN,
    );
    expect(paid.data?.recordPlanSpending.budget).toMatchObject({
      committed: 20 * MILLION,
      spent: 15 * MILLION,
      unspent: 5 * MILLION,
    });
    const retried = await app.request<{ recordPlanSpending: Plan }>(
      SPEND,
      {
        input: {
          planId: created.id,
          amount: 15 * MILLION,
          note: 'Pembayaran penyelenggara',
          idempotencyKey: 'spend-once-0001',
        },
      },
      ADMIN,
    );
    expect(retried.data?.recordPlanSpending.budget.spent).toBe(15 * MILLION);
    const before = await tableSnapshot(app);
    const over = await app.request(
      SPEND,
      { input: { planId: created.id, amount: 6 * MILLION, note: 'Konsumsi' } },
      ADMIN,
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'SPENDING_EXCEEDS_COMMITMENT',
      field: 'input.amount',
      shortfall: MILLION,
    });
    const release = await app.request(REMOVE, { input: { planId: created.id, programId } }, ADMIN);
    expect(release.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'COMMITMENT_SPENT' });
    expect(await tableSnapshot(app)).toEqual(before);
    const racing = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        app.request(
          SPEND,
          { input: { planId: created.id, amount: 2 * MILLION, note: `Cicilan ${i + 1}` } },
          ADMIN,
        ),
      ),
    );
    expect(racing.filter((r) => !r.errors)).toHaveLength(2);
    const stored = await plan(created.id);
    expect(stored.budget).toMatchObject({ spent: 19 * MILLION, unspent: MILLION });
    expectConsistent(stored.budget);
    const entries = await app.request<{ developmentPlan: { spendings: { totalCount: number } } }>(
      'query($id: ID!) { developmentPlan(id: $id) { spendings { totalCount } } }',
      { id: created.id },
      ADMIN,
    );
    expect(entries.data?.developmentPlan.spendings.totalCount).toBe(3);
  });
});

describe('demo plans', () => {
  beforeAll(async () => {
    // Only this describe needs the demo training programs and plans (of Binjai).
    const wanted = new Set(['TrainingProgram', 'DevelopmentPlan', 'PlanCommitment', 'PlanSpending']);
    await app.deps.table.batchPut(
      demoItems(NOW, ['binjai']).filter((item) => wanted.has(String(item.entity))),
    );
  });

  it("shows Binjai's nearly fully committed plan for the current year, with a consistent budget", async () => {
    const res = await app.request<{ developmentPlans: { edges: { node: Plan & { title: string } }[] } }>(
      `{ developmentPlans(filter: { year: 2026 }) { edges { node { title ${PLAN_FIELDS} } } } }`,
      {},
      { claims: adminOf('binjai') },
    );
    const plans = res.data?.developmentPlans.edges.map((e) => e.node) ?? [];
    const agencyPlan = plans.find((p) => p.title === 'Rencana Pembinaan ASN Kota Binjai 2026');
    expect(agencyPlan?.status).toBe('APPROVED');
    expect(agencyPlan?.programs.totalCount).toBeGreaterThan(1);
    for (const p of plans) expectConsistent(p.budget);
    const budget = agencyPlan?.budget;
    expect((budget?.remaining ?? 0) / (budget?.planned ?? 1)).toBeLessThan(0.06);
  });
});
