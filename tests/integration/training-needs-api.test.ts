import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

// Hand-built figures whose answer is known (issue 14 item 1), in gorontalo's demo units:
// A (Puskesmas Kota Selatan): IKM 80.56 (B) in 2025 -> 75.00 (C) in 2026, first response 4 h -> 24 h.
// B (BKPSDM): the same IKM and response time both years.
// C (Setda): one complaint of 2026 first answered after 10 working days.
// D (Puskesmas Dungingi): an indicator at 80 % of target in 2026.
const AGENCY = 'gorontalo';
const A = 'gorontalo-pkm-selatan';
const B = 'gorontalo-bkpsdm';
const C = 'gorontalo-setda';
const D = 'gorontalo-pkm-dungingi';
const FINAL = new Date('2026-11-02T03:00:00.000Z');
const ADMIN = { claims: adminOf(AGENCY) };
const unitGid = (id: string) => toGlobalId('Unit', AGENCY, id);
const headOf = (unit: string): { claims: ApiClaims } => ({
  claims: { sub: `head-${unit}`, 'cognito:groups': ['UNIT_HEAD'], agency_id: AGENCY, unit_id: unit },
});
const B_ANSWERS = [4, 4, 3, 3, 3, 3, 3, 3, 3]; // 29 / 9 x 25 = 80.56 (B)
const C_ANSWERS = [3, 3, 3, 3, 3, 3, 3, 3, 3]; // 75.00 (C)

const NEEDS = `query($filter: TrainingNeedsFilter!) { trainingNeeds(filter: $filter) {
  unit { id } year needs { category categoryLabel reasons { figure period value threshold } }
  figures { ikmBefore ikm responseHoursBefore responseHours complaintsOverdue responsesOverdue indicatorAchievement } } }`;
interface Need {
  category: string;
  categoryLabel: string;
  reasons: { figure: string; period: string; value: number; threshold: number }[];
}
interface Answer {
  trainingNeeds: {
    unit: { id: string };
    year: number;
    needs: Need[];
    figures: Record<string, number | null>;
  }[];
}

let app: TestApp;
let poller: StreamPoller;
let now = new Date('2025-03-10T02:00:00.000Z');

async function ok<T>(query: string, variables: Record<string, unknown>, auth?: { claims: ApiClaims }) {
  const res = await app.request<T>(query, variables, auth);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}
const survey = (unit: string, answers: number[]) =>
  ok(`mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`, {
    input: { unitId: unitGid(unit), serviceName: 'Pelayanan', surveyAnswers: answers },
  });
async function complaint(unit: string): Promise<{ id: string; version: number }> {
  const data = await ok<{ submitFeedback: { id: string; version: number } }>(
    `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id version } }`,
    {
      input: {
        unitId: unitGid(unit),
        serviceName: 'Pelayanan',
        kind: 'COMPLAINT',
        text: 'Antrean lama sekali',
      },
    },
  );
  return data.submitFeedback;
}
async function answer(c: { id: string; version: number }) {
  const responded = await ok<{ respondToComplaint: { version: number } }>(
    `mutation($input: RespondToComplaintInput!) { respondToComplaint(input: $input) { version } }`,
    { input: { feedbackId: c.id, response: 'Sedang kami tangani', version: c.version } },
    ADMIN,
  );
  await ok(
    `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { id } }`,
    { input: { feedbackId: c.id, resolution: 'Selesai', version: responded.respondToComplaint.version } },
    ADMIN,
  );
}
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, FINAL, 'organization', { agencies: [AGENCY] });
  poller = await app.followStream();

  at('2025-03-10T02:00:00.000Z'); // a Monday
  await survey(A, B_ANSWERS);
  await survey(B, B_ANSWERS);
  const a1 = await complaint(A);
  const b1 = await complaint(B);
  at('2025-03-10T06:00:00.000Z');
  await answer(a1);
  await answer(b1);

  at('2026-03-02T02:00:00.000Z'); // a Monday
  await survey(A, C_ANSWERS);
  await survey(B, B_ANSWERS);
  const a2 = await complaint(A);
  const b2 = await complaint(B);
  const c2 = await complaint(C);
  at('2026-03-02T06:00:00.000Z');
  await answer(b2);
  at('2026-03-03T02:00:00.000Z');
  await answer(a2);
  at('2026-03-16T02:00:00.000Z'); // 10 working days later
  await answer(c2);

  const indicator = await ok<{ createPerformanceIndicator: { id: string } }>(
    `mutation($input: CreatePerformanceIndicatorInput!) { createPerformanceIndicator(input: $input) { id } }`,
    {
      input: {
        code: 'KUNJUNGAN',
        name: 'Kunjungan rumah',
        unitOfMeasure: 'kunjungan',
        direction: 'HIGHER_IS_BETTER',
        target: 100,
        cadence: 'YEARLY',
        scope: 'UNIT',
        unitId: unitGid(D),
      },
    },
    ADMIN,
  );
  await ok(
    `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { period } }`,
    { input: { indicatorId: indicator.createPerformanceIndicator.id, period: '2026', value: 80 } },
    ADMIN,
  );
  at(FINAL.toISOString());
  await poller.drain();
}, 300_000);
afterAll(async () => {
  await poller.stop();
  await app.close();
});

const ask = (filter: Record<string, unknown>, auth: { claims: ApiClaims } = ADMIN) =>
  app.request<Answer>(NEEDS, { filter }, auth);
const needsOf = (res: { data?: Answer | null }, unit: string) =>
  res.data?.trainingNeeds.find((u) => u.unit.id === unitGid(unit));

describe('trainingNeeds', () => {
  it('asks for public-service training where the IKM fell from B to C and the response time rose', async () => {
    const res = await ask({ unitIds: [unitGid(A), unitGid(B), unitGid(C), unitGid(D)], year: 2026 });
    expect(res.errors).toBeUndefined();
    const a = needsOf(res, A);
    expect(a?.needs).toEqual([
      {
        category: 'PUBLIC_SERVICE',
        categoryLabel: 'Pelayanan Publik',
        reasons: [
          { figure: 'IKM', period: '2026', value: 75, threshold: 76.61 },
          { figure: 'AVG_COMPLAINT_RESPONSE_HOURS', period: '2026', value: 24, threshold: 4 },
        ],
      },
    ]);
    expect(a?.figures).toMatchObject({
      ikmBefore: 80.56,
      ikm: 75,
      responseHoursBefore: 4,
      responseHours: 24,
    });
  });

  it('finds no need where nothing changed, and one reason per overdue figure or missed target', async () => {
    const res = await ask({ unitIds: [unitGid(A), unitGid(B), unitGid(C), unitGid(D)], year: 2026 });
    expect(res.data?.trainingNeeds.map((u) => u.unit.id)).toHaveLength(4);
    expect(needsOf(res, B)?.needs).toEqual([]);
    expect(needsOf(res, B)?.figures).toMatchObject({ ikmBefore: 80.56, ikm: 80.56, complaintsOverdue: 0 });
    expect(needsOf(res, C)?.needs.map((n) => [n.category, n.reasons.map((r) => r.figure)])).toEqual([
      ['PUBLIC_SERVICE', ['COMPLAINTS_OVERDUE', 'COMPLAINT_RESPONSES_OVERDUE']],
    ]);
    expect(needsOf(res, D)?.needs).toEqual([
      {
        category: 'TECHNICAL',
        categoryLabel: 'Teknis',
        reasons: [{ figure: 'INDICATOR_ACHIEVEMENT', period: '2026', value: 80, threshold: 100 }],
      },
    ]);
  });

  it('gives no IKM reason from a single year of figures', async () => {
    const res = await ask({ unitIds: [unitGid(A)], year: 2025 });
    expect(res.errors).toBeUndefined();
    expect(needsOf(res, A)?.needs).toEqual([]);
    expect(needsOf(res, A)?.figures).toMatchObject({ ikmBefore: null, ikm: 80.56 });
  });

  it('lists, without unit ids, only the units in reach that need training', async () => {
    const all = await ask({ year: 2026 });
    expect(all.errors).toBeUndefined();
    expect(all.data?.trainingNeeds.map((u) => u.unit.id).sort()).toEqual(
      [unitGid(A), unitGid(C), unitGid(D)].sort(),
    );
    const dinkes = await ask({ year: 2026 }, headOf('gorontalo-dinkes'));
    expect(dinkes.data?.trainingNeeds.map((u) => u.unit.id).sort()).toEqual([unitGid(A), unitGid(D)].sort());
  });

  it('reads a bounded number of DynamoDB calls, the same for one unit or every unit', async () => {
    app.counter.reset();
    await ask({ unitIds: [unitGid(A)], year: 2026 });
    const one = app.counter.requests;
    app.counter.reset();
    await ask({ year: 2026 });
    const every = app.counter.requests;
    // The units; then per aggregate question (UNIT x YEAR, and inactive staff per UNIT) the agency's
    // units and the watermark; feedback and indicator cells (24 months: read in 4 parts side by
    // side, rollup-reader.ts monthRangeParts); learner and workforce cells.
    expect(one).toBeLessThanOrEqual(15);
    expect(every).toBe(one);
  });

  it.each<[string, { claims: ApiClaims }, Record<string, unknown>]>([
    [
      'an employee',
      { claims: { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: AGENCY, unit_id: A } },
      { unitIds: [unitGid(A)], year: 2026 },
    ],
    ['the head of another unit', headOf(B), { unitIds: [unitGid(A)], year: 2026 }],
    ["another agency's administrator", { claims: adminOf('medan') }, { unitIds: [unitGid(A)], year: 2026 }],
  ])('refuses %s with FORBIDDEN', async (_, auth, filter) => {
    const res = await ask(filter, auth);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers the head of the unit', async () => {
    const res = await ask({ unitIds: [unitGid(A)], year: 2026 }, headOf(A));
    expect(res.errors).toBeUndefined();
    expect(needsOf(res, A)?.needs).toHaveLength(1);
  });

  it.each([
    ['a year out of range', { unitIds: [unitGid(A)], year: 1999 }, 'filter.year'],
    ['a year still to come', { unitIds: [unitGid(A)], year: 2027 }, 'filter.year'],
    [
      'an employee id as unit',
      { unitIds: [toGlobalId('Employee', AGENCY, 'x')], year: 2026 },
      'filter.unitIds.0',
    ],
    [
      'a unit that does not exist',
      { unitIds: [unitGid('gorontalo-nowhere')], year: 2026 },
      'filter.unitIds.0',
    ],
    ['an empty unit list', { unitIds: [], year: 2026 }, 'filter.unitIds'],
  ])('refuses %s with BAD_USER_INPUT', async (_, filter, field) => {
    const res = await ask(filter);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
