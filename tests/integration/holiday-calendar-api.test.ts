import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { markOverdueComplaints } from '../../src/services/overdue-complaints';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

// Times are 10:00 WIB (03:00 UTC) unless said otherwise.
let now = new Date('2026-03-02T03:00:00.000Z');
const at = (instant: string) => {
  now = new Date(instant);
};
const MEDAN = { claims: adminOf('medan') };
const belawan = toGlobalId('Unit', 'medan', 'medan-belawan');
const binjaiUnit = toGlobalId('Unit', 'binjai', 'binjai-bkpsdm');
let app: TestApp;
let poller: StreamPoller;

const CALENDAR = `query($year: Int!) { holidayCalendar(year: $year) { year official workingDays
  national { scope shipped version source deadlinesUpToDate days { date name kind } }
  agency { scope shipped version deadlinesUpToDate days { date name kind } }
  closedDays { date kind } } }`;
const SET = `mutation($input: SetHolidayCalendarInput!) { setHolidayCalendar(input: $input) { year official
  national { version shipped deadlinesUpToDate } agency { version deadlinesUpToDate days { date } } closedDays { date } } }`;
const DEADLINES = `query($id: ID!) { feedbackEntry(id: $id) { version complaint {
  firstResponseOverdue resolutionOverdue
  deadlines { firstResponseDays resolutionDays firstResponseDueDate resolutionDueDate provisional } } } }`;

interface Deadlines {
  firstResponseDueDate: string;
  resolutionDueDate: string;
  provisional: boolean;
}

async function complain(unitId: string): Promise<string> {
  const res = await app.request<{ submitFeedback: { id: string } }>(
    'mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }',
    { input: { unitId, serviceName: 'Pelayanan KTP', kind: 'COMPLAINT', text: 'KTP belum selesai.' } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.submitFeedback.id;
}

async function deadlinesOf(id: string, auth = MEDAN): Promise<Deadlines & { version: number }> {
  const res = await app.request<{
    feedbackEntry: { version: number; complaint: { deadlines: Deadlines } };
  }>(DEADLINES, { id }, auth);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { version: res.data.feedbackEntry.version, ...res.data.feedbackEntry.complaint.deadlines };
}

const sweep = () => markOverdueComplaints(app.deps.repositories, now);

async function overdueTotals(): Promise<Record<string, number | null>> {
  await poller.drain();
  const res = await app.request<{ aggregate: { totals: { measure: string; value: number | null }[] } }>(
    'query($input: AggregateInput!) { aggregate(input: $input) { totals { measure value } } }',
    {
      input: {
        measures: ['COMPLAINT_COUNT', 'COMPLAINTS_OVERDUE', 'COMPLAINT_RESPONSES_OVERDUE'],
        filter: { from: '2026-01-01', to: '2027-12-31' },
      },
    },
    MEDAN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return Object.fromEntries(res.data.aggregate.totals.map((t) => [t.measure, t.value]));
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, now, 'organization', { agencies: ['medan', 'binjai'] });
  poller = await app.followStream();
});
afterAll(async () => {
  await poller.stop();
  await app.close();
});

describe('holidayCalendar', () => {
  it('ships 2026: the SKB days, official, with its working days', async () => {
    const res = await app.request<{ holidayCalendar: Record<string, unknown> & { closedDays: unknown[] } }>(
      CALENDAR,
      { year: 2026 },
      MEDAN,
    );
    expect(res.data?.holidayCalendar).toMatchObject({
      year: 2026,
      official: true,
      workingDays: 240, // 261 weekdays minus 21 closed ones (4 of the 25 fall on a weekend)
      national: { scope: 'NATIONAL', shipped: true, version: null, deadlinesUpToDate: true },
      agency: null,
    });
    expect(res.data?.holidayCalendar.closedDays).toHaveLength(25);
  });

  it('says a year without a national calendar is not official: weekends only', async () => {
    const res = await app.request<{ holidayCalendar: Record<string, unknown> }>(
      CALENDAR,
      { year: 2030 },
      MEDAN,
    );
    expect(res.data?.holidayCalendar).toMatchObject({ official: false, national: null, workingDays: 261 });
  });
});

describe('complaint deadlines in working days', () => {
  it('counts a late first response as overdue in the measures, even with a timely resolution', async () => {
    at('2026-03-02T03:00:00.000Z'); // Monday: first response due Thursday 5, resolution Monday 9
    const id = await complain(belawan);
    at('2026-03-06T03:00:00.000Z'); // Friday
    const respond = await app.request<{ respondToComplaint: { version: number } }>(
      'mutation($input: RespondToComplaintInput!) { respondToComplaint(input: $input) { version } }',
      { input: { feedbackId: id, version: 1, response: 'Sedang kami proses.' } },
      MEDAN,
    );
    const resolve = await app.request(
      'mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { version } }',
      {
        input: {
          feedbackId: id,
          version: respond.data?.respondToComplaint.version,
          resolution: 'KTP sudah jadi.',
        },
      },
      MEDAN,
    );
    expect(resolve.errors).toBeUndefined();
    expect(await overdueTotals()).toEqual({
      COMPLAINT_COUNT: 1,
      COMPLAINTS_OVERDUE: 1,
      COMPLAINT_RESPONSES_OVERDUE: 1,
    });
  });

  let medanComplaint = '';
  let binjaiComplaint = '';
  it('gives a complaint received on Tuesday 17 March 2026 until 31 March, past Nyepi and Idul Fitri', async () => {
    at('2026-03-17T03:00:00.000Z');
    medanComplaint = await complain(belawan);
    binjaiComplaint = await complain(binjaiUnit);
    expect(await deadlinesOf(medanComplaint)).toMatchObject({
      firstResponseDueDate: '2026-03-27',
      resolutionDueDate: '2026-03-31',
      provisional: false,
    });
  });

  it("moves the agency's stored deadlines when it adds a closed day, after the sweep; other agencies keep theirs", async () => {
    const set = await app.request<{ setHolidayCalendar: Record<string, unknown> }>(
      SET,
      {
        input: {
          scope: 'AGENCY',
          year: 2026,
          days: [{ date: '2026-03-25', name: 'Kantor tutup: banjir rob', kind: 'OFFICE_CLOSURE' }],
        },
      },
      MEDAN,
    );
    expect(set.data?.setHolidayCalendar).toMatchObject({
      official: true,
      agency: { version: 1, deadlinesUpToDate: false, days: [{ date: '2026-03-25' }] },
    });
    expect(await deadlinesOf(medanComplaint)).toMatchObject({ resolutionDueDate: '2026-03-31', version: 1 });
    await sweep();
    expect(await deadlinesOf(medanComplaint)).toMatchObject({
      firstResponseDueDate: '2026-03-30',
      resolutionDueDate: '2026-04-01',
      version: 2,
    });
    expect(await deadlinesOf(binjaiComplaint, { claims: adminOf('binjai') })).toMatchObject({
      resolutionDueDate: '2026-03-31',
      version: 1,
    });
    const calendar = await app.request<{ holidayCalendar: { agency: { deadlinesUpToDate: boolean } } }>(
      CALENDAR,
      { year: 2026 },
      MEDAN,
    );
    expect(calendar.data?.holidayCalendar.agency.deadlinesUpToDate).toBe(true);
  });

  it('marks a deadline counted into a year without a calendar provisional, and fixes it once the year is set', async () => {
    at('2026-12-29T03:00:00.000Z');
    const id = await complain(belawan);
    expect(await deadlinesOf(id)).toMatchObject({ resolutionDueDate: '2027-01-05', provisional: true });
    const set = await app.request<{ setHolidayCalendar: Record<string, unknown> }>(
      SET,
      {
        input: {
          scope: 'NATIONAL',
          year: 2027,
          source: 'SKB (contoh)',
          days: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL_HOLIDAY' }],
        },
      },
      MEDAN,
    );
    expect(set.data?.setHolidayCalendar).toMatchObject({
      official: true,
      national: { version: 1, shipped: false, deadlinesUpToDate: false },
    });
    // Noon on 6 January: by the old deadline (5 January) it is overdue, by the corrected one not yet.
    at('2027-01-06T05:00:00.000Z');
    const overdueIds = async () => {
      const res = await app.request<{ feedback: { edges: { node: { id: string } }[] } }>(
        '{ feedback(filter: { overdueOnly: true }, first: 50) { edges { node { id } } } }',
        {},
        MEDAN,
      );
      return res.data?.feedback.edges.map((e) => e.node.id);
    };
    expect(await overdueIds()).toContain(id);
    await sweep();
    expect(await deadlinesOf(id)).toMatchObject({ resolutionDueDate: '2027-01-06', provisional: false });
    expect(await overdueIds()).not.toContain(id);
    expect(await overdueIds()).toContain(medanComplaint);
  });

  it('counts open complaints past their first-response deadline as overdue once the sweep marked them', async () => {
    // Medan now: the late-answered one, the March one (both deadlines missed), the December one
    // (first response due 4 January missed, resolution due 6 January not yet).
    expect(await overdueTotals()).toEqual({
      COMPLAINT_COUNT: 3,
      COMPLAINTS_OVERDUE: 3,
      COMPLAINT_RESPONSES_OVERDUE: 3,
    });
  });
});

describe('setHolidayCalendar: refusals', () => {
  it.each([
    [
      'a day outside the year',
      { scope: 'AGENCY', year: 2027, days: [{ date: '2026-12-31', name: 'Libur', kind: 'OFFICE_CLOSURE' }] },
      'input.days.0.date',
    ],
    [
      'a national kind in the agency scope',
      { scope: 'AGENCY', year: 2027, days: [{ date: '2027-02-02', name: 'Libur', kind: 'CUTI_BERSAMA' }] },
      'input.days.0.kind',
    ],
    [
      'a day listed twice',
      {
        scope: 'AGENCY',
        year: 2027,
        days: [
          { date: '2027-02-02', name: 'Libur A', kind: 'OFFICE_CLOSURE' },
          { date: '2027-02-02', name: 'Libur B', kind: 'OFFICE_CLOSURE' },
        ],
      },
      'input.days.1.date',
    ],
    ['a year before 2019', { scope: 'AGENCY', year: 2018, days: [] }, 'input.year'],
    [
      'a version for a list never stored',
      { scope: 'AGENCY', year: 2028, days: [], version: 1 },
      'input.version',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_, input, field) => {
    const before = await tableSnapshot(app);
    const res = await app.request(SET, { input }, MEDAN);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('lets exactly one of two concurrent first lists of a year win; the other gets CONFLICT', async () => {
    const list = (name: string) => ({
      scope: 'AGENCY',
      year: 2029,
      days: [{ date: '2029-02-02', name, kind: 'OFFICE_CLOSURE' }],
    });
    const results = await Promise.all(
      ['Rapat A', 'Rapat B'].map((name) => app.request(SET, { input: list(name) }, MEDAN)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const res = await app.request(
      SET,
      { input: { scope: 'NATIONAL', year: 2027, days: [], version: 7 } },
      MEDAN,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
  });

  it('is for administrators: a unit head is FORBIDDEN', async () => {
    const head = {
      claims: { sub: 'h', 'cognito:groups': ['UNIT_HEAD'], agency_id: 'medan', unit_id: 'medan-belawan' },
    };
    const res = await app.request(SET, { input: { scope: 'AGENCY', year: 2027, days: [] } }, head);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the national calendar is kept by the agencies NATIONAL_CALENDAR_AGENCIES names', () => {
  let restricted: TestApp;
  beforeAll(async () => {
    restricted = await createTestApp({ env: { NATIONAL_CALENDAR_AGENCIES: 'binjai' } });
  });
  afterAll(() => restricted.close());

  it('refuses the national scope to another agency (FORBIDDEN), lets it add its own days, and lets the steward set it', async () => {
    const national = { scope: 'NATIONAL', year: 2028, days: [] };
    const refused = await restricted.request(SET, { input: national }, MEDAN);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await restricted.request(SET, { input: { ...national, scope: 'AGENCY' } }, MEDAN);
    expect(own.errors).toBeUndefined();
    const steward = await restricted.request(SET, { input: national }, { claims: adminOf('binjai') });
    expect(steward.errors).toBeUndefined();
  });
});
