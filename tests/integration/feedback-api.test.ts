import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { PUBLIC_CALLER } from '../../src/auth/caller';
import type { ApiClaims } from '../../src/auth/token-claims';
import { createCursorCodec } from '../../src/data/cursor';
import { agencyEntity } from '../../src/data/entities/agency';
import { employeeEntity } from '../../src/data/entities/employee';
import { unitEntity } from '../../src/data/entities/unit';
import { createItemLoader } from '../../src/data/item-loader';
import { createRepositories } from '../../src/data/repositories/create-repositories';
import { buildDemoFeedback, demoFeedbackItems } from '../../src/demo/build-feedback';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { RateLimitedError } from '../../src/errors/app-error';
import { createFeedbackService, type FeedbackGateRequest } from '../../src/services/feedback-service';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const MONDAY_9_WIB = new Date('2026-11-02T02:00:00.000Z');
const HOUR = 3_600_000;
const organization = buildDemoOrganization(NOW);
const demo = buildDemoFeedback(NOW);
const unitId = (id: string) => toGlobalId('Unit', id.split('-')[0] ?? '', id);
const feedbackId = (id: string) => toGlobalId('Feedback', 'medan', id);
const staff = (role: 'UNIT_HEAD' | 'EMPLOYEE', unit: string): ApiClaims => ({
  sub: `${role}-${unit}`,
  'cognito:groups': [role],
  agency_id: 'medan',
  unit_id: unit,
});
const threes = [3, 3, 3, 3, 3, 3, 3, 3, 3];

const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) {
    id kind kindLabel channel serviceName surveyAnswers text moderationStatus version submittedAt
    ikm { index score band bandLabel } contact { name } complaint { stage } unit { name }
  }
}`;
const ENTRY = `query Entry($id: ID!) {
  feedbackEntry(id: $id) { id text version moderationStatus contact { name email phone } }
}`;
const COMPLAINT = `stage firstResponseDue resolutionDue firstResponseAt resolvedAt firstResponseOverdue
  resolutionOverdue responseHours resolutionHours response resolution
  deadlines { firstResponseDays resolutionDays resolutionInWorkingDays firstResponseDueDate resolutionDueDate }`;
const RESPOND = `mutation Respond($input: RespondToComplaintInput!) {
  respondToComplaint(input: $input) { version complaint { ${COMPLAINT} } }
}`;
const RESOLVE = `mutation Resolve($input: ResolveComplaintInput!) {
  resolveComplaint(input: $input) { version complaint { ${COMPLAINT} } }
}`;
const MODERATE = `mutation Moderate($input: ModerateFeedbackInput!) {
  moderateFeedback(input: $input) { version moderationStatus }
}`;
const LIST = `query List($filter: FeedbackFilter, $first: Int, $after: String) {
  feedback(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id submittedAt complaint { stage resolutionDue resolutionOverdue } } }
  }
}`;

interface Submitted {
  submitFeedback: { id: string; version: number; [field: string]: unknown };
}
interface ListPage {
  feedback: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        submittedAt: string;
        complaint: { stage: string; resolutionDue: string; resolutionOverdue: boolean } | null;
      };
    }[];
  };
}

let app: TestApp;
let now = NOW;

const input = (overrides: Record<string, unknown> = {}) => ({
  unitId: unitId('medan-belawan'),
  serviceName: 'Pelayanan KTP',
  surveyAnswers: threes,
  ...overrides,
});

/** Submits as the public (or with the given claims) and returns the stored entry. */
async function submit(overrides: Record<string, unknown> = {}, claims?: ApiClaims) {
  const res = await app.request<Submitted>(
    SUBMIT,
    { input: input(overrides) },
    claims ? { claims } : undefined,
  );
  expect(res.errors).toBeUndefined();
  if (!res.data) throw new Error('no data');
  return res.data.submitFeedback;
}

/** Sends a request that must be refused with `expected`, and proves nothing was written. */
async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  claims: ApiClaims | undefined,
  expected: Record<string, unknown>,
) {
  const before = await tableSnapshot(app);
  const res = await app.request(query, variables, claims ? { claims } : undefined);
  expect(res.errors?.[0]?.extensions).toMatchObject(expected);
  expect(await tableSnapshot(app)).toEqual(before);
}

/** Every page of the feedback list for a filter. */
async function listAll(filter: Record<string, unknown>, claims = adminOf('medan')) {
  const nodes: ListPage['feedback']['edges'][number]['node'][] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const res: GraphQLResponse<ListPage> = await app.request(LIST, { filter, first: 40, after }, { claims });
    expect(res.errors).toBeUndefined();
    const page = res.data?.feedback;
    if (!page) throw new Error('no page');
    nodes.push(...page.edges.map((e) => e.node));
    totalCount = page.totalCount;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { nodes, totalCount };
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await app.deps.table.batchPut([
    ...organization.agencies.map((a) => agencyEntity.toItem(a)),
    ...organization.units.map((u) => unitEntity.toItem(u)),
    ...organization.employees.map((e) => employeeEntity.toItem(e)),
    ...demoFeedbackItems(NOW),
  ]);
});
beforeEach(() => {
  now = NOW;
});
afterAll(() => app.close());

describe('submitting feedback (public, no token)', () => {
  it('scores a response of all 3s as IKM 3.00 = 75.00, band C, and returns no contact', async () => {
    const entry = await submit({ contact: { name: 'Nur Aisyah', email: 'nur@contoh.id' } });
    expect(entry).toMatchObject({
      kind: 'SURVEY',
      kindLabel: 'Survei Kepuasan Masyarakat',
      channel: 'ONLINE',
      surveyAnswers: threes,
      text: null,
      moderationStatus: 'PUBLISHED',
      version: 1,
      submittedAt: NOW.toISOString(),
      ikm: { index: 3, score: 75, band: 'C', bandLabel: 'Kurang Baik' },
      contact: null,
      complaint: null,
      unit: { name: 'Kecamatan Medan Belawan' },
    });
  });

  it('keeps a text with contact as a SUGGESTION awaiting moderation; only an admin of the agency sees the contact', async () => {
    const contact = { name: 'Andi Lubis', email: 'andi@contoh.id', phone: '+6281234567' };
    const entry = await submit({ surveyAnswers: null, text: '  Antrean terlalu lama.  ', contact });
    expect(entry).toMatchObject({
      kind: 'SUGGESTION',
      text: 'Antrean terlalu lama.',
      moderationStatus: 'PENDING',
      ikm: null,
      contact: null,
    });
    const asAdmin = await app.request<{ feedbackEntry: { contact: unknown } }>(
      ENTRY,
      { id: entry.id },
      { claims: adminOf('medan') },
    );
    expect(asAdmin.data?.feedbackEntry.contact).toEqual(contact);
    for (const claims of [staff('UNIT_HEAD', 'medan-belawan'), staff('EMPLOYEE', 'medan-belawan')]) {
      const res = await app.request<{ feedbackEntry: { contact: unknown; text: string } }>(
        ENTRY,
        { id: entry.id },
        { claims },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.feedbackEntry).toMatchObject({ contact: null, text: 'Antrean terlalu lama.' });
    }
    const otherAgency = await app.request(ENTRY, { id: entry.id }, { claims: adminOf('binjai') });
    expect(otherAgency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.request(ENTRY, { id: entry.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a token too, and never returns the contact to the submitter, even an admin', async () => {
    const entry = await submit(
      { channel: 'FORUM', text: 'Usul loket sore.', contact: { name: 'Admin' } },
      adminOf('medan'),
    );
    expect(entry).toMatchObject({ channel: 'FORUM', kind: 'SURVEY', contact: null });
  });

  const long = 'a'.repeat(2001);
  it.each([
    ['8 answers', { surveyAnswers: threes.slice(1) }, 'input.surveyAnswers'],
    ['10 answers', { surveyAnswers: [...threes, 3] }, 'input.surveyAnswers'],
    ['an answer 0', { surveyAnswers: [3, 3, 3, 0, 3, 3, 3, 3, 3] }, 'input.surveyAnswers.3'],
    ['an answer 5', { surveyAnswers: [3, 3, 3, 3, 3, 3, 3, 3, 5] }, 'input.surveyAnswers.8'],
    ['neither answers nor text', { surveyAnswers: null }, 'input'],
    ['a blank text alone', { surveyAnswers: null, text: '   ' }, 'input'],
    ['a text of 2,001 characters', { text: long }, 'input.text'],
    [
      'a SURVEY without answers',
      { surveyAnswers: null, text: 'Bagus', kind: 'SURVEY' },
      'input.surveyAnswers',
    ],
    ['a unit that does not exist', { unitId: unitId('medan-atlantis') }, 'input.unitId'],
    ['an agency that does not exist', { unitId: toGlobalId('Unit', 'atlantis', 'x') }, 'input.unitId'],
    ['a malformed unit id', { unitId: 'not-an-id' }, 'input.unitId'],
    ['an employee id as unit', { unitId: toGlobalId('Employee', 'medan', 'medan-belawan') }, 'input.unitId'],
    ['a bad e-mail address', { contact: { email: 'nur@' } }, 'input.contact.email'],
    ['a contact name of 101 characters', { contact: { name: 'n'.repeat(101) } }, 'input.contact.name'],
    ['a service name of 1 character', { serviceName: 'K' }, 'input.serviceName'],
  ])('refuses %s with BAD_USER_INPUT on its field and writes nothing', async (_, overrides, field) => {
    await expectRefused(SUBMIT, { input: input(overrides) }, undefined, { code: 'BAD_USER_INPUT', field });
  });

  it('takes a text of 2,000 characters after trimming', async () => {
    const entry = await submit({ text: ` ${'b'.repeat(2000)} ` });
    expect(entry.text).toHaveLength(2000);
  });
});

describe('complaints (SP4N-LAPOR!)', () => {
  it('carries the deadlines and records the first response and the resolution', async () => {
    now = MONDAY_9_WIB;
    const complaint = await submit({
      surveyAnswers: null,
      kind: 'COMPLAINT',
      text: 'KTP belum selesai dua minggu.',
    });
    const id = complaint.id;
    now = new Date(MONDAY_9_WIB.getTime() + 26 * HOUR);
    const head = staff('UNIT_HEAD', 'medan-belawan');
    const responded = await app.request<{
      respondToComplaint: { version: number; complaint: Record<string, unknown> };
    }>(
      RESPOND,
      { input: { feedbackId: id, version: 1, response: 'Berkas sedang diproses.' } },
      { claims: head },
    );
    expect(responded.errors).toBeUndefined();
    expect(responded.data?.respondToComplaint).toEqual({
      version: 2,
      complaint: {
        stage: 'IN_PROGRESS',
        deadlines: {
          firstResponseDays: 3,
          resolutionDays: 5,
          resolutionInWorkingDays: true,
          firstResponseDueDate: '2026-11-05',
          resolutionDueDate: '2026-11-09',
        },
        firstResponseDue: '2026-11-05T16:59:59.999Z',
        resolutionDue: '2026-11-09T16:59:59.999Z',
        firstResponseAt: now.toISOString(),
        resolvedAt: null,
        firstResponseOverdue: false,
        resolutionOverdue: false,
        responseHours: 26,
        resolutionHours: null,
        response: 'Berkas sedang diproses.',
        resolution: null,
      },
    });
    const firstResponseAt = now.toISOString();
    now = new Date(MONDAY_9_WIB.getTime() + 30 * HOUR);
    const again = await app.request<{
      respondToComplaint: { complaint: { firstResponseAt: string; response: string } };
    }>(
      RESPOND,
      { input: { feedbackId: id, version: 2, response: 'Dokumen dicetak besok.' } },
      { claims: adminOf('medan') },
    );
    expect(again.data?.respondToComplaint.complaint).toMatchObject({
      firstResponseAt,
      response: 'Dokumen dicetak besok.',
    });
    now = new Date(MONDAY_9_WIB.getTime() + 72 * HOUR);
    const resolved = await app.request<{
      resolveComplaint: { version: number; complaint: Record<string, unknown> };
    }>(
      RESOLVE,
      { input: { feedbackId: id, version: 3, resolution: 'KTP sudah diserahkan.' } },
      { claims: head },
    );
    expect(resolved.data?.resolveComplaint).toMatchObject({
      version: 4,
      complaint: {
        stage: 'RESOLVED',
        resolutionHours: 72,
        resolutionOverdue: false,
        resolution: 'KTP sudah diserahkan.',
      },
    });
    await expectRefused(RESOLVE, { input: { feedbackId: id, version: 4, resolution: 'Lagi' } }, head, {
      code: 'CONFLICT',
      field: 'input.feedbackId',
    });
  });

  it('refuses stale versions, other kinds and callers who may not handle the complaint', async () => {
    const complaint = await submit({ surveyAnswers: null, kind: 'COMPLAINT', text: 'Loket tutup siang.' });
    const survey = await submit();
    const respond = (id: string, version: number) => ({
      input: { feedbackId: id, version, response: 'Kami cek.' },
    });
    await expectRefused(RESPOND, respond(complaint.id, 2), adminOf('medan'), {
      code: 'CONFLICT',
      field: 'input.version',
    });
    await expectRefused(RESPOND, respond(survey.id, 1), adminOf('medan'), {
      code: 'BAD_USER_INPUT',
      field: 'input.feedbackId',
    });
    await expectRefused(RESPOND, respond(complaint.id, 1), staff('UNIT_HEAD', 'medan-bappeda'), {
      code: 'FORBIDDEN',
    });
    await expectRefused(RESPOND, respond(complaint.id, 1), staff('EMPLOYEE', 'medan-belawan'), {
      code: 'FORBIDDEN',
    });
    await expectRefused(RESPOND, respond(complaint.id, 1), adminOf('binjai'), { code: 'FORBIDDEN' });
    await expectRefused(RESPOND, respond(complaint.id, 1), undefined, { code: 'UNAUTHENTICATED' });
    await expectRefused(RESPOND, respond(feedbackId('no-such-entry'), 1), adminOf('medan'), {
      code: 'NOT_FOUND',
    });
  });

  it('lists an open complaint as overdue once its resolution deadline has passed, until it is resolved', async () => {
    now = MONDAY_9_WIB;
    const kominfo = unitId('medan-kominfo');
    const complaint = await submit({
      unitId: kominfo,
      surveyAnswers: null,
      kind: 'COMPLAINT',
      text: 'Wi-Fi publik mati.',
    });
    expect((await listAll({ unitId: kominfo, overdueOnly: true })).nodes).toEqual([]);
    now = new Date(MONDAY_9_WIB.getTime() + 8 * 24 * HOUR);
    const overdue = await listAll({ unitId: kominfo, overdueOnly: true });
    expect(overdue.nodes.map((n) => n.id)).toEqual([complaint.id]);
    expect(overdue.totalCount).toBe(1);
    expect(overdue.nodes[0]?.complaint).toMatchObject({
      stage: 'AWAITING_RESPONSE',
      resolutionOverdue: true,
    });

    const agencyWide = await listAll({ overdueOnly: true });
    expect(agencyWide.nodes.map((n) => n.id)).toContain(complaint.id);
    const dues = agencyWide.nodes.map((n) => n.complaint?.resolutionDue ?? '');
    expect(dues).toEqual([...dues].sort());
    for (const node of agencyWide.nodes) {
      expect(node.complaint).toMatchObject({ resolutionOverdue: true });
      expect(node.complaint?.stage).not.toBe('RESOLVED');
    }

    await app.request(
      RESOLVE,
      { input: { feedbackId: complaint.id, version: 1, resolution: 'Router diganti.' } },
      { claims: adminOf('medan') },
    );
    expect((await listAll({ unitId: kominfo, overdueOnly: true })).nodes).toEqual([]);
  });
});

describe('reading feedback', () => {
  const inMedan = demo.filter((f) => f.agencyId === 'medan');

  it.each([
    [
      'forum input in Belawan',
      { unitId: unitId('medan-belawan'), channel: 'FORUM' },
      (f: (typeof demo)[number]) => f.unitId === 'medan-belawan' && f.channel === 'FORUM',
    ],
    ['complaints in the agency', { kind: 'COMPLAINT' }, (f: (typeof demo)[number]) => f.kind === 'COMPLAINT'],
    [
      'hidden entries',
      { moderationStatus: 'HIDDEN' },
      (f: (typeof demo)[number]) => f.moderationStatus === 'HIDDEN',
    ],
    [
      'a time window',
      { from: '2026-01-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' },
      (f: (typeof demo)[number]) =>
        f.submittedAt >= '2025-12-31T17:00:00.000Z' && f.submittedAt < '2026-03-31T17:00:00.000Z',
    ],
  ])('lists %s newest first, across pages, each once', async (_, filter, expected) => {
    // Up to NOW: the entries other tests submit come later.
    const want = inMedan.filter(expected).filter((f) => f.submittedAt < NOW.toISOString());
    const { nodes, totalCount } = await listAll({ to: NOW.toISOString(), ...filter });
    expect(want.length).toBeGreaterThan(0);
    expect(nodes.map((n) => n.id).sort()).toEqual(want.map((f) => feedbackId(f.id)).sort());
    expect(totalCount).toBe(want.length);
    const times = nodes.map((n) => n.submittedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("lists a unit's feedback through the unit, and finds an entry by node(id)", async () => {
    const pkm = demo.filter((f) => f.unitId === 'medan-pkm-belawan');
    const res = await app.request<{
      unit: { feedback: { totalCount: number } };
      node: { serviceName: string };
    }>(
      'query($unit: ID!, $id: ID!) { unit(id: $unit) { feedback { totalCount } } node(id: $id) { ... on Feedback { serviceName } } }',
      { unit: unitId('medan-pkm-belawan'), id: feedbackId(pkm[0]?.id ?? '') },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.unit.feedback.totalCount).toBe(pkm.length);
    expect(res.data?.node.serviceName).toBe(pkm[0]?.serviceName);
  });

  it.each([
    [
      'a window that ends before it starts',
      { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      adminOf('medan'),
      { code: 'BAD_USER_INPUT', field: 'filter.to' },
    ],
    ["another agency's unit", { unitId: unitId('medan-belawan') }, adminOf('binjai'), { code: 'FORBIDDEN' }],
  ])('refuses %s', async (_, filter, claims, expected) => {
    const res = await app.request(LIST, { filter }, { claims });
    expect(res.errors?.[0]?.extensions).toMatchObject(expected);
  });

  it('is not for the public', async () => {
    const res = await app.request(LIST, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('moderating feedback', () => {
  it('lets an admin publish or hide an entry with the current version, nobody else', async () => {
    const entry = await submit({ text: 'Iklan pinjaman online' });
    const variables = (version: number) => ({ input: { feedbackId: entry.id, status: 'HIDDEN', version } });
    await expectRefused(MODERATE, variables(1), staff('UNIT_HEAD', 'medan-belawan'), { code: 'FORBIDDEN' });
    await expectRefused(MODERATE, variables(1), adminOf('binjai'), { code: 'FORBIDDEN' });
    const ok = await app.request(MODERATE, variables(1), { claims: adminOf('medan') });
    expect(ok.data).toEqual({ moderateFeedback: { version: 2, moderationStatus: 'HIDDEN' } });
    await expectRefused(MODERATE, variables(1), adminOf('medan'), {
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 2,
    });
  });
});

describe('satisfaction of a unit (IKM)', () => {
  const SATISFACTION = `query($id: ID!, $from: DateTime, $to: DateTime) {
    unit(id: $id) { satisfaction(from: $from, to: $to) { responses index score band bandLabel elements { code name mean } } }
  }`;
  type Summary = {
    unit: { satisfaction: Record<string, unknown> & { elements: { code: string; mean: number }[] } };
  };

  it('sums the answers of every response (78.70 B), rather than averaging rounded scores (78.71)', async () => {
    now = new Date('2030-01-01T01:00:00.000Z');
    const unit = unitId('medan-bappeda');
    await submit({ unitId: unit, surveyAnswers: [3, 3, 3, 3, 3, 3, 3, 3, 4] });
    await submit({ unitId: unit, surveyAnswers: [4, 3, 3, 3, 3, 3, 3, 3, 3] });
    await submit({ unitId: unit, surveyAnswers: [3, 3, 4, 3, 3, 3, 3, 3, 4], text: 'Cepat.' });
    await submit({ unitId: unit, surveyAnswers: null, text: 'Tanpa survei: tidak dihitung.' });
    const hidden = await submit({ unitId: unit, surveyAnswers: [1, 1, 1, 1, 1, 1, 1, 1, 1], text: 'Spam' });
    await app.request(
      MODERATE,
      { input: { feedbackId: hidden.id, status: 'HIDDEN', version: 1 } },
      { claims: adminOf('medan') },
    );
    const res = await app.request<Summary>(
      SATISFACTION,
      { id: unit, from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.unit.satisfaction).toMatchObject({
      responses: 3,
      index: 3.1481,
      score: 78.7,
      band: 'B',
      bandLabel: 'Baik',
    });
    expect(res.data?.unit.satisfaction.elements.map((e) => [e.code, e.mean])).toEqual([
      ['U1', 3.3333],
      ['U2', 3],
      ['U3', 3.3333],
      ['U4', 3],
      ['U5', 3],
      ['U6', 3],
      ['U7', 3],
      ['U8', 3],
      ['U9', 3.6667],
    ]);
  });

  it('has no score without responses in the range', async () => {
    const res = await app.request<Summary>(
      SATISFACTION,
      { id: unitId('medan-bappeda'), from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      { claims: adminOf('medan') },
    );
    expect(res.data?.unit.satisfaction).toEqual({
      responses: 0,
      index: null,
      score: null,
      band: null,
      bandLabel: null,
      elements: [],
    });
  });

  it('shows health-service satisfaction in Puskesmas Plaju rising from band C to band B (article 001)', async () => {
    const monthsAgo = (months: number) => new Date(NOW.getTime() - months * 30 * 24 * HOUR).toISOString();
    const query = (from: string, to: string) =>
      app.request<Summary>(
        SATISFACTION,
        { id: unitId('palembang-pkm-plaju'), from, to },
        { claims: adminOf('palembang') },
      );
    const before = await query(monthsAgo(25), monthsAgo(14));
    const after = await query(monthsAgo(10), NOW.toISOString());
    expect(before.data?.unit.satisfaction.band).toBe('C');
    expect(after.data?.unit.satisfaction.band).toBe('B');
  });

  it("refuses another agency's unit with FORBIDDEN", async () => {
    const res = await app.request(
      SATISFACTION,
      { id: unitId('medan-belawan') },
      { claims: adminOf('binjai') },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the gate in front of public submissions', () => {
  it('sees the client address before anything is read, and a refusal writes nothing', async () => {
    const seen: FeedbackGateRequest[] = [];
    const service = createFeedbackService({
      ...createRepositories(app.deps.table, createCursorCodec('gate-test-secret')),
      clock: () => NOW,
      newId: () => 'gate-test-entry',
      gate: {
        admit: async (request) => {
          seen.push(request);
          throw new RateLimitedError(30);
        },
      },
    });
    const scope = {
      caller: PUBLIC_CALLER,
      loader: createItemLoader(app.deps.table),
      logger: app.deps.logger,
      requestId: 'gate-test',
      sourceIp: '203.0.113.9',
    };
    const before = await tableSnapshot(app);
    await expect(
      service.submit(scope, {
        unit: { agencyId: 'medan', id: 'medan-belawan' },
        serviceName: 'Pelayanan KTP',
        channel: 'ONLINE',
        text: 'Halo',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } });
    expect(seen).toEqual([{ sourceIp: '203.0.113.9', agencyId: 'medan', unitId: 'medan-belawan' }]);
    expect(await tableSnapshot(app)).toEqual(before);
  });
});
