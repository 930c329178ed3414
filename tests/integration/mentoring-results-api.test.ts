import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Employee } from '../../src/domain/employee';
import { compareSeniority, type SeniorityProfile } from '../../src/domain/mentorship-rules';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2027-02-01T03:00:00.000Z');
const AGENCY = 'gorontalo';
const demo = buildDemoOrganization(NOW);
const ADMIN = { claims: adminOf(AGENCY) };
const inService = demo.employees.filter(
  (e) => e.agencyId === AGENCY && e.status === 'ACTIVE' && e.serviceStartDate < '2025-01-01',
);
const counts = new Map<string, number>();
for (const e of inService) counts.set(e.unitId, (counts.get(e.unitId) ?? 0) + 1);
const [unitId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['missing', 0];
const profile = (e: Employee): SeniorityProfile => ({
  employmentType: e.employmentType,
  serviceStartDate: e.serviceStartDate,
  ...(e.golongan ? { golongan: e.golongan } : {}),
  ...(e.pppkGrade ? { pppkGrade: e.pppkGrade } : {}),
});
// Most senior first: the first mentors, the last three are mentees A, B and F (cancelled).
const staff = inService
  .filter((e) => e.unitId === unitId)
  .sort((a, b) => compareSeniority(profile(b), profile(a), '2026-03-02'));
const unitStaff = demo.employees.filter((e) => e.unitId === unitId && e.status === 'ACTIVE');
const [mentor, colleagueC, colleagueD, colleagueE] = staff;
const [menteeF, menteeB, menteeA] = staff.slice(-3);
const gid = (e: Employee | undefined) => toGlobalId('Employee', AGENCY, e?.id ?? 'missing');
const unitGid = toGlobalId('Unit', AGENCY, unitId);
const self = (e: Employee | undefined, role = 'EMPLOYEE') => ({
  claims: {
    sub: `emp-${e?.id}`,
    'cognito:groups': [role],
    agency_id: AGENCY,
    unit_id: role === 'UNIT_HEAD' ? 'elsewhere' : e?.unitId,
    employee_id: e?.id,
  },
});

const RESULTS = `query($filter: MentoringResultsFilter!) { mentoringResults(filter: $filter) {
  year units { id } mentorshipCount meanChangeDifference improvedShareDifference goalsUnrecorded averageRating ratingCount
  goalOutcomes { outcome count }
  mentored { people measured improved unchanged declined meanChange improvedShare before { predikat count } after { predikat count } }
  notMentored { people measured improved unchanged declined meanChange improvedShare } } }`;
const GOAL = `mutation($input: RecordGoalOutcomeInput!) { recordGoalOutcome(input: $input) { version goalResults { index goal outcome note } } }`;
const RATE = `mutation($input: RateMentorshipInput!) { rateMentorship(input: $input) { menteeRating { rating comment } } }`;

let app: TestApp;
const mentorships: Record<string, { id: string; version: number }> = {};

async function ok<T>(query: string, variables: Record<string, unknown>, auth: object = ADMIN): Promise<T> {
  const res = await app.request<T>(query, variables, auth as typeof ADMIN);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}
const appraise = (e: Employee | undefined, period: string, resultRating: string, behaviourRating: string) =>
  ok(`mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }`, {
    input: { employeeId: gid(e), period, resultRating, behaviourRating },
  });
async function start(name: string, mentee: Employee | undefined, goals: string[]) {
  const started = await ok<{ startMentorship: { id: string; version: number } }>(
    `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { id version } }`,
    { input: { mentorId: gid(mentor), menteeId: gid(mentee), goals, startDate: '2026-03-02' } },
  );
  mentorships[name] = started.startMentorship;
}
async function end(name: string, status: string) {
  const m = mentorships[name];
  const ended = await ok<{ endMentorship: { version: number } }>(
    `mutation($input: EndMentorshipInput!) { endMentorship(input: $input) { version } }`,
    { input: { mentorshipId: m?.id, version: m?.version, status } },
  );
  if (m) m.version = ended.endMentorship.version;
}
async function goal(name: string, goalIndex: number, outcome: string, auth: object = self(mentor)) {
  const m = mentorships[name];
  const res = await app.request<{
    recordGoalOutcome: { version: number; goalResults: { outcome: string | null }[] };
  }>(GOAL, { input: { mentorshipId: m?.id, version: m?.version, goalIndex, outcome } }, auth as typeof ADMIN);
  if (m && res.data) m.version = res.data.recordGoalOutcome.version;
  return res;
}
const rate = (name: string, rating: number, auth: object, comment?: string) =>
  app.request<{ rateMentorship: { menteeRating: { rating: number; comment: string | null } } }>(
    RATE,
    { input: { mentorshipId: mentorships[name]?.id, rating, ...(comment ? { comment } : {}) } },
    auth as typeof ADMIN,
  );

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
  // Mentees: A BUTUH_PERBAIKAN -> BAIK (+1), B BAIK -> SANGAT_BAIK (+1).
  await appraise(menteeA, '2025', 'BELOW', 'AS_EXPECTED');
  await appraise(menteeA, '2026', 'AS_EXPECTED', 'AS_EXPECTED');
  await appraise(menteeB, '2025', 'AS_EXPECTED', 'AS_EXPECTED');
  await appraise(menteeB, '2026', 'ABOVE', 'ABOVE');
  // Colleagues: C stays BAIK (0), D BAIK -> BUTUH_PERBAIKAN (−1), E has no 2026 appraisal.
  await appraise(colleagueC, '2025', 'AS_EXPECTED', 'AS_EXPECTED');
  await appraise(colleagueC, '2026', 'AS_EXPECTED', 'ABOVE');
  await appraise(colleagueD, '2025', 'ABOVE', 'AS_EXPECTED');
  await appraise(colleagueD, '2026', 'BELOW', 'ABOVE');
  await appraise(colleagueE, '2025', 'AS_EXPECTED', 'AS_EXPECTED');
  // F was mentored in 2026 but the mentorship was cancelled: in neither group, whatever F's predikat.
  await appraise(menteeF, '2025', 'BELOW', 'BELOW');
  await appraise(menteeF, '2026', 'ABOVE', 'ABOVE');
  await start('A', menteeA, ['Menyusun laporan kinerja bulanan', 'Memimpin rapat koordinasi unit']);
  await start('B', menteeB, ['Menguasai aplikasi e-Kinerja', 'Meningkatkan waktu respons pengaduan']);
  await start('F', menteeF, ['Menyusun SKP']);
}, 120_000);
afterAll(() => app.close());

describe('goal outcomes', () => {
  it('lets the mentor record an outcome per goal, and record it again', async () => {
    expect((await goal('A', 0, 'PARTLY')).errors).toBeUndefined();
    const again = await goal('A', 0, 'ACHIEVED');
    expect(again.errors).toBeUndefined();
    expect((await goal('A', 1, 'PARTLY')).errors).toBeUndefined();
    const last = await goal('B', 0, 'NOT_ACHIEVED', ADMIN);
    expect(last.errors).toBeUndefined();
    expect(last.data?.recordGoalOutcome.goalResults.map((g) => g.outcome)).toEqual(['NOT_ACHIEVED', null]);
  });

  it.each([
    ['the mentee', () => goal('A', 0, 'ACHIEVED', self(menteeA)), 'FORBIDDEN'],
    ['a goal that does not exist', () => goal('A', 2, 'ACHIEVED'), 'BAD_USER_INPUT'],
  ])('refuses %s and writes nothing', async (_, attempt, code) => {
    const before = await tableSnapshot(app);
    const res = await attempt();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const m = mentorships.A;
    const res = await app.request(
      GOAL,
      { input: { mentorshipId: m?.id, version: (m?.version ?? 0) - 1, goalIndex: 0, outcome: 'PARTLY' } },
      self(mentor) as typeof ADMIN,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
  });
});

describe('the mentee rating', () => {
  it('is refused while the mentorship is active', async () => {
    const res = await rate('A', 5, self(menteeA));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.mentorshipId',
    });
  });

  it('is given once by the mentee after the end; the mentor, a second rating and a 6 are refused', async () => {
    await end('A', 'COMPLETED');
    await end('B', 'COMPLETED');
    await end('F', 'CANCELLED');
    expect((await rate('A', 5, self(mentor))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await rate('A', 6, self(menteeA))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rating',
    });
    const rated = await rate('A', 5, self(menteeA), 'Sangat membantu');
    expect(rated.data?.rateMentorship.menteeRating).toEqual({ rating: 5, comment: 'Sangat membantu' });
    expect((await rate('A', 1, self(menteeA))).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await rate('B', 4, self(menteeB))).errors).toBeUndefined();
  });

  it('keeps the rating when goal outcomes are recorded after it', async () => {
    expect((await goal('A', 1, 'ACHIEVED')).errors).toBeUndefined();
    expect((await goal('A', 1, 'PARTLY')).errors).toBeUndefined();
    const read = await ok<{ mentorship: { menteeRating: { rating: number } } }>(
      `query($id: ID!) { mentorship(id: $id) { menteeRating { rating } } }`,
      { id: mentorships.A?.id },
    );
    expect(read.mentorship.menteeRating.rating).toBe(5);
  });
});

describe('mentoringResults', () => {
  it('compares mentees with colleagues not mentored, with goal outcomes and ratings (known answer)', async () => {
    const data = await ok<{ mentoringResults: Record<string, unknown> }>(RESULTS, {
      filter: { unitIds: [unitGid], year: 2026 },
    });
    const results = data.mentoringResults;
    expect(results).toMatchObject({
      year: 2026,
      units: [{ id: unitGid }],
      mentorshipCount: 2,
      mentored: {
        people: 2,
        measured: 2,
        improved: 2,
        unchanged: 0,
        declined: 0,
        meanChange: 1,
        improvedShare: 100,
      },
      // Every active colleague but the three mentees: C, D measured; E and the rest without both appraisals.
      notMentored: {
        people: unitStaff.length - 3,
        measured: 2,
        improved: 0,
        unchanged: 1,
        declined: 1,
        meanChange: -0.5,
        improvedShare: 0,
      },
      meanChangeDifference: 1.5,
      improvedShareDifference: 100,
      goalOutcomes: [
        { outcome: 'ACHIEVED', count: 1 },
        { outcome: 'PARTLY', count: 1 },
        { outcome: 'NOT_ACHIEVED', count: 1 },
      ],
      goalsUnrecorded: 1,
      averageRating: 4.5,
      ratingCount: 2,
    });
    const mentored = results.mentored as {
      before: { predikat: string; count: number }[];
      after: typeof results.before;
    };
    expect(mentored.before.filter((c) => c.count > 0)).toEqual([
      { predikat: 'BAIK', count: 1 },
      { predikat: 'BUTUH_PERBAIKAN', count: 1 },
    ]);
  });

  it('counts nobody in a year without mentorships', async () => {
    const data = await ok<{ mentoringResults: { mentorshipCount: number; mentored: { people: number } } }>(
      RESULTS,
      { filter: { unitIds: [unitGid], year: 2025 } },
    );
    expect(data.mentoringResults).toMatchObject({ mentorshipCount: 0, mentored: { people: 0 } });
  });

  it.each([
    ['an employee', self(colleagueC), 'FORBIDDEN'],
    ['the head of another unit', self(colleagueC, 'UNIT_HEAD'), 'FORBIDDEN'],
  ])('refuses %s', async (_, auth, code) => {
    const res = await app.request(
      RESULTS,
      { filter: { unitIds: [unitGid], year: 2026 } },
      auth as typeof ADMIN,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  it.each([
    ['no units', { unitIds: [], year: 2026 }, 'filter.unitIds'],
    ['more than ten units', { unitIds: Array(11).fill(unitGid), year: 2026 }, 'filter.unitIds'],
    ['a year out of range', { unitIds: [unitGid], year: 1999 }, 'filter.year'],
    ['an employee id as unit', { unitIds: [gid(mentor)], year: 2026 }, 'filter.unitIds.0'],
  ])('refuses %s with BAD_USER_INPUT', async (_, filter, field) => {
    const res = await app.request(RESULTS, { filter }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
