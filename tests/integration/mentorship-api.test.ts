import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { addDays } from '../../src/domain/calendar-date';
import type { Employee } from '../../src/domain/employee';
import { golonganOrder } from '../../src/domain/golongan';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const ADMIN = { claims: adminOf('binjai') };
const gid = (e: Employee | undefined) => toGlobalId('Employee', 'binjai', e?.id ?? 'missing');
const pns = demo.employees.filter(
  (e) => e.agencyId === 'binjai' && e.status === 'ACTIVE' && e.employmentType === 'PNS',
);
const byRank = [...pns].sort(
  (a, b) => golonganOrder(b.golongan ?? 'I_A') - golonganOrder(a.golongan ?? 'I_A'),
);
const seniors = byRank.slice(0, 3);
const juniors = byRank
  .filter((e) => golonganOrder(e.golongan ?? 'I_A') < golonganOrder(seniors[2]?.golongan ?? 'I_A'))
  .reverse();
let app: TestApp;

const START = `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { id status version mentor { id } mentee { id } } }`;
const LOG = `mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id minutes agreedActions mentorship { sessionCount totalMinutes } } }`;
const END = `mutation($input: EndMentorshipInput!) { endMentorship(input: $input) { status version mentor { activeMenteeCount } } }`;

const start = (
  mentor: Employee | undefined,
  mentee: Employee | undefined,
  extra: Record<string, unknown> = {},
) =>
  app.request<{ startMentorship: { id: string; status: string; version: number } }>(
    START,
    {
      input: {
        mentorId: gid(mentor),
        menteeId: gid(mentee),
        goals: ['Menyusun laporan kinerja'],
        startDate: '2026-09-01',
        ...extra,
      },
    },
    ADMIN,
  );

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('mentorship rules', () => {
  it('starts a senior-to-junior mentorship and shows it on both employees', async () => {
    const res = await start(seniors[0], juniors[0]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.startMentorship.status).toBe('ACTIVE');
    const check = await app.request<{
      mentor: { mentees: { edges: { node: { id: string } }[] } };
      mentee: { mentors: { edges: { node: { id: string } }[] } };
    }>(
      'query($a: ID!, $b: ID!) { mentor: employee(id: $a) { mentees { edges { node { id } } } } mentee: employee(id: $b) { mentors { edges { node { id } } } } }',
      { a: gid(seniors[0]), b: gid(juniors[0]) },
      ADMIN,
    );
    expect(check.data?.mentor.mentees.edges.map((e) => e.node.id)).toContain(res.data?.startMentorship.id);
    expect(check.data?.mentee.mentors.edges.map((e) => e.node.id)).toContain(res.data?.startMentorship.id);
  });

  it.each([
    ['a junior mentoring a senior', () => [juniors[1], seniors[1]], 'input.mentorId'],
    ['self-mentoring', () => [seniors[1], seniors[1]], 'input.menteeId'],
    ['an end before the start', () => [seniors[1], juniors[1]], 'input.endDate', { endDate: '2026-08-01' }],
    ['no goals', () => [seniors[1], juniors[1]], 'input.goals', { goals: [] }],
  ] as [string, () => (Employee | undefined)[], string, Record<string, unknown>?][])(
    'refuses %s with BAD_USER_INPUT and writes nothing',
    async (_, pair, field, extra = {}) => {
      const [mentor, mentee] = pair();
      const before = await tableSnapshot(app);
      const res = await start(mentor, mentee, extra);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tableSnapshot(app)).toEqual(before);
    },
  );

  it('caps a mentor at the agency limit even when requests race (exactly 5 of 8 succeed)', async () => {
    const mentor = seniors[2];
    const mentees = juniors.slice(10, 18);
    const results = await Promise.all(mentees.map((mentee) => start(mentor, mentee)));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(5);
    for (const refused of results.filter((r) => r.errors)) {
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.mentorId' });
    }
    const count = await app.request<{ employee: { activeMenteeCount: number } }>(
      'query($id: ID!) { employee(id: $id) { activeMenteeCount } }',
      { id: gid(mentor) },
      ADMIN,
    );
    expect(count.data?.employee.activeMenteeCount).toBe(5);
  });

  it('logs sessions into the totals and frees the mentor place when the mentorship ends', async () => {
    const started = await start(seniors[1], juniors[2]);
    const id = started.data?.startMentorship.id;
    const logged = await app.request<{
      logMentoringSession: { mentorship: { sessionCount: number; totalMinutes: number } };
    }>(
      LOG,
      {
        input: {
          mentorshipId: id,
          date: '2026-09-15',
          minutes: 90,
          notes: 'Membahas SKP',
          agreedActions: ['Menyusun draf SKP'],
        },
      },
      ADMIN,
    );
    expect(logged.data?.logMentoringSession.mentorship).toEqual({ sessionCount: 1, totalMinutes: 90 });
    const early = await app.request(
      LOG,
      { input: { mentorshipId: id, date: '2026-08-15', minutes: 30 } },
      ADMIN,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    const zero = await app.request(
      LOG,
      { input: { mentorshipId: id, date: '2026-09-16', minutes: 0 } },
      ADMIN,
    );
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });
    const stale = await app.request(
      END,
      { input: { mentorshipId: id, version: 7, status: 'COMPLETED' } },
      ADMIN,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const ended = await app.request<{ endMentorship: { status: string; version: number } }>(
      END,
      { input: { mentorshipId: id, version: 1, status: 'COMPLETED', outcome: 'Tujuan tercapai' } },
      ADMIN,
    );
    expect(ended.data?.endMentorship).toMatchObject({ status: 'COMPLETED', version: 2 });
    const after = await app.request(
      LOG,
      { input: { mentorshipId: id, date: '2026-10-01', minutes: 30 } },
      ADMIN,
    );
    expect(after.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.mentorshipId',
    });
  });

  it('counts mentoring received toward the mentee JP (non-classroom learning, 45 minutes a JP)', async () => {
    const started = await start(seniors[0], juniors[3]);
    const id = started.data?.startMentorship.id;
    for (const date of ['2026-09-10', '2026-09-24', '2026-10-08']) {
      await app.request(LOG, { input: { mentorshipId: id, date, minutes: 60 } }, ADMIN);
    }
    const hours = await app.request<{ employee: { trainingHours: { mentoringJp: number } } }>(
      'query($id: ID!) { employee(id: $id) { trainingHours(year: 2026) { mentoringJp } } }',
      { id: gid(juniors[3]) },
      ADMIN,
    );
    expect(hours.data?.employee.trainingHours.mentoringJp).toBeGreaterThanOrEqual(4);
  });

  it('refuses a start before either person began service, naming the date', async () => {
    const mentee = juniors.at(-1);
    const before = await tableSnapshot(app);
    const res = await start(seniors[0], mentee, { startDate: addDays(mentee?.serviceStartDate ?? '', -1) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startDate' });
    expect(String(res.errors?.[0]?.extensions?.reason)).toContain(
      `mentee's start of service (${mentee?.serviceStartDate})`,
    );
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses a mentorship started by an employee (FORBIDDEN) and across agencies (FORBIDDEN)', async () => {
    const asEmployee = await app.request(
      START,
      { input: { mentorId: gid(seniors[0]), menteeId: gid(juniors[4]), goals: ['x'] } },
      {
        claims: {
          sub: 'e',
          'cognito:groups': ['EMPLOYEE'],
          agency_id: 'binjai',
          employee_id: juniors[4]?.id,
        },
      },
    );
    expect(asEmployee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await app.request(
      START,
      { input: { mentorId: gid(seniors[0]), menteeId: gid(juniors[4]), goals: ['x'] } },
      { claims: adminOf('medan') },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
