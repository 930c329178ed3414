import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { type ApiClaims, PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { createPartnerFeedReader } from '../../src/data/partner-feed';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { EnrollmentChange } from '../../src/domain/partner-feed';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const DAY = 86_400_000;
const org = buildDemoOrganization(NOW);
const partner = (code: string, scope = PARTNER_READ_SCOPE): { claims: ApiClaims } => ({
  claims: { client_id: `partner-${code}`, partner_id: code, scope },
});
const USU = partner('usu');
const UNG = partner('ung');
const active = (agencyId: string) =>
  org.employees.filter((e) => e.agencyId === agencyId && e.status === 'ACTIVE');

let app: TestApp;
let now = NOW;
let feed: ReturnType<typeof createPartnerFeedReader>;

const FEED = `query($first: Int, $after: String, $updatedSince: DateTime) {
  partnerEnrollments(first: $first, after: $after, updatedSince: $updatedSince) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { sequence changeType changedAt enrollmentId status version agencyCode } } } }`;
interface Change {
  sequence: number;
  changeType: string;
  changedAt: string;
  enrollmentId: string;
  status: string;
  version: number;
  agencyCode: string;
}
interface FeedPage {
  partnerEnrollments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Change }[];
  };
}
const readFeed = (auth: { claims: ApiClaims }, variables: Record<string, unknown>) =>
  app.request<FeedPage>(FEED, variables, auth);

/** One page that must succeed. */
async function page(auth: { claims: ApiClaims }, variables: Record<string, unknown>) {
  const res = await readFeed(auth, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  if (!res.data) throw new Error('no page');
  return res.data.partnerEnrollments;
}

/** Every change of a partner's feed from a position on, by pages of `first`, resuming from the last cursor. */
async function drain(auth: { claims: ApiClaims }, after: string | null, first = 100) {
  const changes: Change[] = [];
  let cursor = after;
  for (;;) {
    const p = await page(auth, { first, after: cursor });
    changes.push(...p.edges.map((e) => e.node));
    cursor = p.pageInfo.endCursor ?? cursor;
    if (!p.pageInfo.hasNextPage) return { changes, cursor };
  }
}

/** The stored feed entries of a partner above a sequence (the source of truth the pages must match). */
async function storedFeed(partnerId: string, after = 0): Promise<EnrollmentChange[]> {
  const all: EnrollmentChange[] = [];
  for (let batch = await feed.after(partnerId, after, 500); batch.length > 0; ) {
    all.push(...batch);
    batch = await feed.after(partnerId, batch.at(-1)?.sequence ?? 0, 500);
  }
  return all;
}

const ENROLL = `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id status version } }`;
const COMPLETE = `mutation($input: CompleteEnrollmentInput!) { completeEnrollment(input: $input) { id status version } }`;
const DROP = `mutation($input: DropEnrollmentInput!) { dropEnrollment(input: $input) { id status version } }`;
interface Written {
  id: string;
  status: string;
  version: number;
}

/** A write through the API that must succeed; returns the enrollment as written. */
async function write(agencyId: string, query: string, input: Record<string, unknown>): Promise<Written> {
  const res = await app.request<Record<string, Written>>(query, { input }, { claims: adminOf(agencyId) });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const written = Object.values(res.data ?? {})[0];
  if (!written) throw new Error('nothing written');
  return written;
}

/** An OPEN program of `partnerCode` in an agency that started ten days ago, with room for everyone. */
async function createPartnerProgram(agencyId: string, partnerCode: string, title: string): Promise<string> {
  const today = now.getTime();
  const res = await app.request<{ createTrainingProgram: { id: string } }>(
    `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
    {
      input: {
        title,
        // A short course: a DEGREE program would need each employee's study arrangement (DOMAIN rule 3).
        category: 'TECHNICAL',
        format: 'COURSE',
        jp: 40,
        startDate: new Date(today - 10 * DAY).toISOString().slice(0, 10),
        endDate: new Date(today + 30 * DAY).toISOString().slice(0, 10),
        capacity: 100,
        costPerParticipant: 0,
        partnerCode,
        status: 'OPEN',
      },
    },
    { claims: adminOf(agencyId) },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.createTrainingProgram.id ?? '';
}

/** Runs tasks with at most `concurrency` in flight. */
async function runConcurrently(tasks: (() => Promise<void>)[], concurrency: number) {
  let next = 0;
  const worker = async () => {
    for (let task = tasks[next++]; task; task = tasks[next++]) await task();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** What the concurrent phase wrote, in the order each write returned. */
const writes: { partner: string; kind: 'CREATED' | 'COMPLETED' | 'CANCELLED'; written: Written }[] = [];
/** The usu changes the partner received page by page during and after the writes, in order. */
const received: Change[] = [];
/** How many of them arrived while the writers were still writing. */
let receivedWhileWriting = 0;
/** Where the partner started: shortly before the end of the demo history, by `updatedSince`. */
let startedAt = { since: '' };
let usuBefore = 0;
let ungBefore = 0;
let phaseOneAt = '';
let lastCursor: string | null = null;
/** The usu (Medan, Binjai) and ung (Gorontalo) programs the writers enroll into. */
let programs: Record<'medan' | 'binjai' | 'gorontalo', string>;

beforeAll(async () => {
  app = await createTestApp({ clock: () => now });
  await seedDemoData(app.deps.table, NOW, 'all', { agencies: ['medan', 'binjai', 'gorontalo'] });
  feed = createPartnerFeedReader(app.deps.table);
  // The clock starts after every demo change, and stays fixed while writers run: many changes
  // then carry the same millisecond, so only the sequence orders them.
  const demo = [...(await storedFeed('usu')), ...(await storedFeed('ung'))];
  const latest = demo.reduce((max, c) => (c.changedAt > max ? c.changedAt : max), '');
  now = new Date(Math.ceil((Date.parse(latest) + DAY) / DAY) * DAY + 3 * 3600_000);
  phaseOneAt = now.toISOString();
  usuBefore = await feed.last('usu');
  ungBefore = await feed.last('ung');
  programs = {
    medan: await createPartnerProgram('medan', 'usu', 'Magister Administrasi Publik (kelas sinkronisasi)'),
    binjai: await createPartnerProgram('binjai', 'usu', 'Magister Manajemen (kelas sinkronisasi)'),
    gorontalo: await createPartnerProgram(
      'gorontalo',
      'ung',
      'Magister Kebijakan Publik (kelas sinkronisasi)',
    ),
  };

  const participant = (agencyId: keyof typeof programs, index: number) => async () => {
    const employee = active(agencyId)[index];
    if (!employee) throw new Error(`too few active employees in ${agencyId}`);
    const code = agencyId === 'gorontalo' ? 'ung' : 'usu';
    const enrolled = await write(agencyId, ENROLL, {
      programId: programs[agencyId],
      employeeId: toGlobalId('Employee', agencyId, employee.id),
    });
    writes.push({ partner: code, kind: 'CREATED', written: enrolled });
    if (index % 3 === 0) {
      const completed = await write(agencyId, COMPLETE, { enrollmentId: enrolled.id, attended: true });
      writes.push({ partner: code, kind: 'COMPLETED', written: completed });
    } else if (index % 3 === 1) {
      const dropped = await write(agencyId, DROP, { enrollmentId: enrolled.id, reason: 'Tugas dinas' });
      writes.push({ partner: code, kind: 'CANCELLED', written: dropped });
    }
  };
  const tasks = [
    ...Array.from({ length: 10 }, (_, i) => participant('medan', i)),
    ...Array.from({ length: 10 }, (_, i) => participant('binjai', i)),
    ...Array.from({ length: 3 }, (_, i) => participant('gorontalo', i)),
  ];

  // The partner starts shortly before the end of the history (by `updatedSince`) and pages on in
  // small pages while the writers run, always resuming after the last cursor it got; after the
  // writers stop, it drains once more.
  const tail = (await storedFeed('usu', usuBefore - 5))[0];
  startedAt = { since: tail?.changedAt ?? '' };
  let writing = true;
  const writers = runConcurrently(tasks, 6).finally(() => {
    writing = false;
  });
  const reader = (async () => {
    for (;;) {
      const stopped = !writing;
      const p = await page(
        USU,
        lastCursor ? { first: 3, after: lastCursor } : { first: 3, updatedSince: startedAt.since },
      );
      const nodes = p.edges.map((e) => e.node);
      received.push(...nodes);
      if (!stopped) receivedWhileWriting += nodes.filter((c) => c.sequence > usuBefore).length;
      lastCursor = p.pageInfo.endCursor ?? lastCursor;
      if (stopped && !p.pageInfo.hasNextPage) return;
      if (!p.pageInfo.hasNextPage) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await Promise.all([writers, reader]);
}, 300_000);
afterAll(() => app.close());

describe('partner delta sync under concurrent writers', () => {
  it('read new changes while the writers were still committing them', () => {
    expect(receivedWhileWriting).toBeGreaterThan(0);
  });

  it('delivered every stored change from where it started exactly once, in sequence order without gaps', async () => {
    const start = (await storedFeed('usu')).find((c) => c.changedAt >= startedAt.since);
    const stored = await storedFeed('usu', (start?.sequence ?? 1) - 1);
    expect(received[0]?.sequence).toBe(start?.sequence);
    expect(received.map((c) => c.sequence)).toEqual(stored.map((c) => c.sequence));
    const first = received[0]?.sequence ?? 0;
    expect(received.map((c) => c.sequence)).toEqual(received.map((_, i) => first + i));
    expect(received.map((c) => [c.enrollmentId, c.version, c.status, c.changeType])).toEqual(
      stored.map((c) => [
        toGlobalId('Enrollment', c.agencyId, c.enrollmentId),
        c.version,
        c.status,
        c.changeType,
      ]),
    );
  });

  it('gives the whole stored feed, exactly, to a full resync in pages of 3', async () => {
    const stored = await storedFeed('usu');
    const { changes } = await drain(USU, null, 3);
    expect(changes.map((c) => c.sequence)).toEqual(stored.map((_, i) => i + 1));
    expect(changes.map((c) => [c.enrollmentId, c.version, c.changeType])).toEqual(
      stored.map((c) => [toGlobalId('Enrollment', c.agencyId, c.enrollmentId), c.version, c.changeType]),
    );
  });

  it('has one change per successful write of a usu enrollment, and no other new change', () => {
    const fresh = received.filter((c) => c.sequence > usuBefore);
    const expected = writes
      .filter((w) => w.partner === 'usu')
      .map((w) => [w.written.id, w.written.version, w.written.status, w.kind].join(' '));
    expect(fresh.map((c) => [c.enrollmentId, c.version, c.status, c.changeType].join(' ')).sort()).toEqual(
      expected.sort(),
    );
    expect(new Set(fresh.map((c) => c.agencyCode))).toEqual(new Set(['medan', 'binjai']));
  });

  it('orders changes of the same millisecond by sequence alone', () => {
    const fresh = received.filter((c) => c.sequence > usuBefore);
    expect(fresh.length).toBeGreaterThan(20);
    expect(new Set(fresh.map((c) => c.changedAt))).toEqual(new Set([phaseOneAt]));
  });

  it("gives ung its own new changes and none of usu's", async () => {
    const { changes } = await drain(UNG, null);
    const usuIds = new Set(received.map((c) => c.enrollmentId));
    expect(changes.filter((c) => usuIds.has(c.enrollmentId))).toEqual([]);
    const fresh = changes.filter((c) => c.sequence > ungBefore);
    expect(fresh.map((c) => c.enrollmentId).sort()).toEqual(
      writes
        .filter((w) => w.partner === 'ung')
        .map((w) => w.written.id)
        .sort(),
    );
    expect(new Set(changes.map((c) => c.agencyCode))).toEqual(new Set(['gorontalo']));
  });

  it('keeps a dropped enrollment as a CANCELLED tombstone under its enrollment id', async () => {
    const dropped = writes.find((w) => w.partner === 'usu' && w.kind === 'CANCELLED');
    if (!dropped) throw new Error('no drop was written');
    const tombstone = received.find(
      (c) => c.enrollmentId === dropped.written.id && c.changeType === 'CANCELLED',
    );
    expect(tombstone).toMatchObject({ status: 'DROPPED', version: dropped.written.version });
    const res = await app.request<{ node: { id: string; status: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Enrollment { id status } } }',
      { id: dropped.written.id },
      USU,
    );
    expect(res.data?.node).toEqual({ id: dropped.written.id, status: 'DROPPED' });
  });

  it('resumes from the last cursor with nothing new once everything is read', async () => {
    const p = await page(USU, { first: 3, after: lastCursor });
    expect(p.edges).toEqual([]);
    expect(p.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });
});

describe('partner delta sync from updatedSince', () => {
  it('starts at the first change at or after the instant, also in the middle of the history', async () => {
    const stored = await storedFeed('usu');
    const middle = stored[Math.floor(stored.length / 2)];
    if (!middle) throw new Error('empty feed');
    const firstAtOrAfter = stored.find((c) => c.changedAt >= middle.changedAt);
    const p = await page(USU, { first: 3, updatedSince: middle.changedAt });
    expect(p.edges[0]?.node.sequence).toBe(firstAtOrAfter?.sequence);
    expect(p.edges.map((e) => e.node.sequence)).toEqual(
      [0, 1, 2].map((i) => (firstAtOrAfter?.sequence ?? 0) + i),
    );
  });

  it('starts exactly at the new writes, and pages on from there by cursor', async () => {
    const fromPhaseOne = await page(USU, { first: 3, updatedSince: phaseOneAt });
    expect(fromPhaseOne.edges[0]?.node.sequence).toBe(usuBefore + 1);

    const before = await feed.last('usu');
    now = new Date(now.getTime() + 3600_000);
    const since = now.toISOString();
    for (const employee of active('binjai').slice(10, 14))
      await write('binjai', ENROLL, {
        programId: programs.binjai,
        employeeId: toGlobalId('Employee', 'binjai', employee.id),
      });

    const first = await page(USU, { first: 3, updatedSince: since });
    expect(first.edges.map((e) => e.node.sequence)).toEqual([before + 1, before + 2, before + 3]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await drain(USU, first.pageInfo.endCursor, 3);
    expect(rest.changes.map((c) => c.sequence)).toEqual([before + 4]);
  });

  it('answers an instant after the newest change with an empty page', async () => {
    const p = await page(USU, { first: 3, updatedSince: new Date(now.getTime() + DAY).toISOString() });
    expect(p.edges).toEqual([]);
    expect(p.pageInfo.hasNextPage).toBe(false);
  });
});

describe('partner delta sync refusals', () => {
  it('refuses a tampered cursor, and a cursor of another partner or another list, with BAD_USER_INPUT', async () => {
    const p = await page(USU, { first: 2 });
    const cursor = p.pageInfo.endCursor ?? '';
    const [payload, signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 1_000_000 })).toString('base64url');
    const ung = (await page(UNG, { first: 1 })).pageInfo.endCursor;
    const employees = await app.request<{ employees: { pageInfo: { endCursor: string } } }>(
      '{ employees(first: 1) { pageInfo { endCursor } } }',
      {},
      { claims: adminOf('medan') },
    );
    for (const after of [
      `${forged}.${signature}`,
      `${payload}.${signature?.slice(1)}A`,
      `${payload}x.${signature}`,
      'garbage',
      ung,
      employees.data?.employees.pageInfo.endCursor,
    ]) {
      const res = await readFeed(USU, { first: 2, after });
      expect(res.errors?.[0]?.extensions, String(after)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      expect(res.data).toBeNull();
    }
  });

  it('refuses a partner token without the enrollments scope with FORBIDDEN', async () => {
    const res = await readFeed(partner('usu', 'pembinaan-asn/other.read'), { first: 2 });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('refuses staff with FORBIDDEN', async () => {
    const res = await readFeed({ claims: adminOf('medan') }, { first: 2 });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what a partner sees of a participant', () => {
  const fresh = () => {
    const change = received.find((c) => c.sequence > usuBefore && c.agencyCode === 'medan');
    if (!change) throw new Error('no new medan change');
    return change;
  };

  it('the participant and the program, but no e-mail or phone (which the administrator does see)', async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Enrollment { id status
      program { title partner { code } } employee { nip name email phone } } } }`;
    const asPartner = await app.request<{ node: { employee: Record<string, unknown>; program: unknown } }>(
      query,
      { id: fresh().enrollmentId },
      USU,
    );
    expect(asPartner.errors).toBeUndefined();
    expect(asPartner.data?.node.employee).toMatchObject({ email: null, phone: null });
    expect(asPartner.data?.node.employee.nip).toEqual(expect.any(String));
    expect(asPartner.data?.node.program).toMatchObject({ partner: { code: 'usu' } });
    const asAdmin = await app.request<{ node: { employee: Record<string, unknown> } }>(
      query,
      { id: fresh().enrollmentId },
      { claims: adminOf('medan') },
    );
    expect(asAdmin.data?.node.employee.email).toEqual(expect.stringContaining('@'));
  });

  it.each([
    ['appraisals', 'appraisals { totalCount }'],
    ['latestAppraisal', 'latestAppraisal { predikat }'],
    ['talent', 'talent { box }'],
    ['trainingHours', 'trainingHours { earned }'],
    ['mentors', 'mentors { totalCount }'],
    ['enrollments', 'enrollments { totalCount }'],
    ['unit', 'unit { name }'],
  ])("refuses the participant's %s (FORBIDDEN), through the feed too", async (field, selection) => {
    const res = await app.request<{
      partnerEnrollments: { edges: { node: { enrollment: { employee: Record<string, unknown> } } }[] };
    }>(
      `query($after: String) { partnerEnrollments(first: 1, after: $after) { edges { node {
        enrollment { employee { nip ${selection} } } } } } }`,
      { after: null },
      USU,
    );
    const errors = res.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.path?.at(-1)).toBe(field);
    }
    expect(JSON.stringify(res.data)).not.toMatch(/predikat|@/);
  });

  it("reads its own programs by node(id), but not another agency's internal program", async () => {
    const stored = await storedFeed('usu');
    const mine = stored.find((c) => c.agencyId === 'binjai');
    if (!mine) throw new Error('no binjai change');
    const query = 'query($id: ID!) { node(id: $id) { ... on TrainingProgram { title partner { code } } } }';
    const own = await app.request<{ node: { partner: { code: string } } }>(
      query,
      { id: toGlobalId('TrainingProgram', 'binjai', mine.programId) },
      USU,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.node.partner.code).toBe('usu');
    const internal = await app.request<{ trainingPrograms: { edges: { node: { id: string } }[] } }>(
      '{ trainingPrograms(first: 50) { edges { node { id partner { code } } } } }',
      {},
      { claims: adminOf('medan') },
    );
    const other = (
      internal.data?.trainingPrograms.edges as { node: { id: string; partner: unknown } }[] | undefined
    )?.find((e) => e.node.partner === null)?.node.id;
    const res: GraphQLResponse = await app.request(query, { id: other }, USU);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.node ?? null).toBeNull();
  });
});
