import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from '../../resolvers/global-id';
import { nodeFetchers } from '../../resolvers/node-fetchers';
import { type ApiClaims, PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { buildDemoTraining } from '../../src/demo/build-training';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import {
  generateLocalKeyPair,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  signLocalToken,
} from '../../src/local/local-issuer';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const BINJAI = { claims: adminOf('binjai') };
const MEDAN = { claims: adminOf('medan') };
const partnerClaims = (code: string, scope = PARTNER_READ_SCOPE): ApiClaims => ({
  client_id: `partner-${code}`,
  partner_id: code,
  scope,
});
let app: TestApp;

/** Strings that only a Medan record holds: NIPs and names of Medan employees that Binjai has none of. */
const binjaiPeople = org.employees.filter((e) => e.agencyId === 'binjai');
const medanOnly = new Set(
  org.employees
    .filter((e) => e.agencyId === 'medan')
    .flatMap((e) => [e.nip, e.name])
    .filter((v) => !binjaiPeople.some((b) => b.nip === v || b.name === v)),
);
const medanNips = org.employees.filter((e) => e.agencyId === 'medan').map((e) => e.nip);

/** Every string inside a response's data. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Agencies of the global ids in a response's data. */
const agenciesIn = (data: unknown) =>
  new Set(stringsIn(data).flatMap((s) => (parseGlobalId(s) ? [parseGlobalId(s)?.ref.agencyId] : [])));

/** What of Medan a response reveals: Medan global ids, names or NIPs in its data, Medan NIPs in its errors. */
function medanLeaks(res: GraphQLResponse): string[] {
  const data = stringsIn(res.data);
  const ids = data.filter((s) => parseGlobalId(s)?.ref.agencyId === 'medan');
  const people = data.filter((s) => medanOnly.has(s));
  const messages = stringsIn(res.errors).filter((s) => medanNips.some((nip) => s.includes(nip)));
  return [...ids, ...people, ...messages];
}

/** Refused with FORBIDDEN or NOT_FOUND, nothing returned, nothing of Medan revealed. */
function expectRefused(res: GraphQLResponse, field: string) {
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
  expect(res.data?.[field] ?? null).toBeNull();
  expect(medanLeaks(res)).toEqual([]);
}

interface MedanRecords {
  agency: string;
  employee: { id: string; nip: string; version: number };
  otherEmployee: { id: string };
  unit: { id: string; regionCode: string };
  program: { id: string; version: number };
  enrollment: { id: string; version: number };
  mentorship: { id: string; version: number };
  complaint: { id: string; version: number };
  indicator: { id: string; version: number };
  plan: { id: string; version: number; programId: string };
  appraisal: { id: string };
  programEvaluation: { id: string };
  partner: { id: string };
  importJob: { id: string };
  followUpAction: { id: string };
}
const medan = {} as MedanRecords;
const binjai = {} as {
  employee: string;
  plan: string;
  program: string;
  unitIds: string[];
  programIds: string[];
};

type Edges<T> = { edges: { node: T }[] };
const first = <T>(connection: Edges<T> | undefined, what: string): T => {
  const node = connection?.edges[0]?.node;
  if (!node) throw new Error(`the demo data has no ${what}`);
  return node;
};

/** An import job of Medan's (the demo data has none): ordered by Medan's administrator. */
async function orderMedanImport() {
  const res = await app.request<{ createImport: { id: string } }>(
    'mutation($input: CreateImportInput!) { createImport(input: $input) { id } }',
    { input: { kind: 'EMPLOYEES', fileName: 'pegawai.csv' } },
    MEDAN,
  );
  expect(res.errors).toBeUndefined();
  return { id: res.data?.createImport.id as string };
}

/** A follow-up action on a Medan program evaluation (the demo data has none), owned by a Medan employee. */
async function addMedanFollowUp(evaluationId: string, ownerId: string) {
  const res = await app.request<{ addFollowUpAction: { id: string } }>(
    'mutation($input: AddFollowUpActionInput!) { addFollowUpAction(input: $input) { id } }',
    { input: { evaluationId, ownerId, title: 'Tinjau ulang materi pelatihan', dueDate: '2026-12-31' } },
    MEDAN,
  );
  expect(res.errors).toBeUndefined();
  return { id: res.data?.addFollowUpAction.id as string };
}

/** Real Medan records of every type, read by Medan's administrator (so a refusal is not just "no such record"). */
async function collectMedanRecords() {
  const res = await app.request<
    Record<string, Edges<Record<string, unknown>>> & { me: { agency: { id: string } } }
  >(
    `{
      me { agency { id } }
      employees(first: 2, filter: { status: [ACTIVE] }) { edges { node { id nip version } } }
      units(first: 1) { edges { node { id region { code } } } }
      trainingPrograms(first: 1, filter: { partnerCode: "usu" }) { edges { node { id version
        enrollments(first: 1, status: [ENROLLED]) { edges { node { id version } } } } } }
      mentorships(first: 1, filter: { status: [ACTIVE] }) { edges { node { id version } } }
      feedback(first: 1, filter: { kind: COMPLAINT }) { edges { node { id version } } }
      performanceIndicators(first: 1) { edges { node { id version } } }
      developmentPlans(first: 10) { edges { node { id version programs(first: 1) { edges { node { id } } } } } }
      appraisals: evaluations(first: 1, filter: { kind: APPRAISAL }) { edges { node { id } } }
      programEvaluations: evaluations(first: 1, filter: { kind: PROGRAM }) { edges { node { id } } }
      partners(first: 1) { edges { node { id } } }
    }`,
    {},
    MEDAN,
  );
  expect(res.errors).toBeUndefined();
  const d = res.data as Record<string, Edges<Record<string, unknown>>> & { me: { agency: { id: string } } };
  const [employee, other] = d.employees?.edges.map((e) => e.node) ?? [];
  if (!employee || !other) throw new Error('the demo data has too few Medan employees');
  const unit = first(d.units, 'Medan unit') as { id: string; region: { code: string } };
  const program = first(d.trainingPrograms, 'usu program in Medan') as {
    id: string;
    version: number;
    enrollments: Edges<{ id: string; version: number }>;
  };
  const plan = d.developmentPlans?.edges
    .map((e) => e.node as { id: string; version: number; programs: Edges<{ id: string }> })
    .find((p) => p.programs.edges.length > 0);
  if (!plan) throw new Error('the demo data has no Medan plan with a program');
  Object.assign(medan, {
    agency: d.me.agency.id,
    employee,
    otherEmployee: other,
    unit: { id: unit.id, regionCode: unit.region.code },
    program: { id: program.id, version: program.version },
    enrollment: first(program.enrollments, 'enrolled participant of a usu program in Medan'),
    mentorship: first(d.mentorships, 'active Medan mentorship'),
    complaint: first(d.feedback, 'Medan complaint'),
    indicator: first(d.performanceIndicators, 'Medan indicator'),
    plan: { id: plan.id, version: plan.version, programId: plan.programs.edges[0]?.node.id },
    appraisal: first(d.appraisals, 'Medan appraisal'),
    programEvaluation: first(d.programEvaluations, 'Medan program evaluation'),
    partner: first(d.partners, 'Medan partner'),
    importJob: await orderMedanImport(),
  });
  medan.followUpAction = await addMedanFollowUp(medan.programEvaluation.id, employee.id as string);
  for (const [name, value] of Object.entries(medan)) {
    const id = typeof value === 'string' ? value : (value as { id: string }).id;
    expect(parseGlobalId(id)?.ref.agencyId, name).toBe('medan');
  }

  const own = await app.request<Record<string, Edges<{ id: string }>>>(
    `{ employees(first: 1, filter: { status: [ACTIVE] }) { edges { node { id } } }
       developmentPlans(first: 1) { edges { node { id } } }
       trainingPrograms(first: 1, filter: { partnerCode: "usu" }) { edges { node { id } } } }`,
    {},
    BINJAI,
  );
  binjai.employee = first(own.data?.employees, 'Binjai employee').id;
  binjai.plan = first(own.data?.developmentPlans, 'Binjai plan').id;
  binjai.program = first(own.data?.trainingPrograms, 'usu program in Binjai').id;
  binjai.unitIds = org.units.filter((u) => u.agencyId === 'binjai').map((u) => u.id);
  binjai.programIds = training.programs.filter((p) => p.agencyId === 'binjai').map((p) => p.id);
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', {
    rollups: true,
    agencies: ['medan', 'binjai', 'gorontalo'],
  });
  await collectMedanRecords();
}, 300_000);
afterAll(() => app.close());

describe("an administrator of binjai reads nothing of medan's", () => {
  const single: [string, string, () => Record<string, unknown>][] = [
    ['employee', 'query($id: ID!) { employee(id: $id) { id nip name } }', () => ({ id: medan.employee.id })],
    [
      'employeeByNip',
      'query($nip: String!) { employeeByNip(nip: $nip) { id nip name } }',
      () => ({ nip: medan.employee.nip }),
    ],
    ['unit', 'query($id: ID!) { unit(id: $id) { id name } }', () => ({ id: medan.unit.id })],
    [
      'trainingProgram',
      'query($id: ID!) { trainingProgram(id: $id) { id title } }',
      () => ({ id: medan.program.id }),
    ],
    [
      'enrollment',
      'query($id: ID!) { enrollment(id: $id) { id employee { nip name } } }',
      () => ({ id: medan.enrollment.id }),
    ],
    [
      'mentorship',
      'query($id: ID!) { mentorship(id: $id) { id mentor { nip } } }',
      () => ({ id: medan.mentorship.id }),
    ],
    [
      'evaluation',
      'query($id: ID!) { evaluation(id: $id) { id predikat employee { nip } } }',
      () => ({ id: medan.appraisal.id }),
    ],
    [
      'evaluation',
      'query($id: ID!) { evaluation(id: $id) { id recommendation } }',
      () => ({ id: medan.programEvaluation.id }),
    ],
    [
      'feedbackEntry',
      'query($id: ID!) { feedbackEntry(id: $id) { id text } }',
      () => ({ id: medan.complaint.id }),
    ],
    [
      'performanceIndicator',
      'query($id: ID!) { performanceIndicator(id: $id) { id name } }',
      () => ({ id: medan.indicator.id }),
    ],
    [
      'developmentPlan',
      'query($id: ID!) { developmentPlan(id: $id) { id title } }',
      () => ({ id: medan.plan.id }),
    ],
    ['partner', 'query($id: ID!) { partner(id: $id) { id name } }', () => ({ id: medan.partner.id })],
  ];

  it.each(single)('through %s', async (field, query, variables) => {
    // Prepare: Medan's administrator does see the record.
    const own = await app.request(query, variables(), MEDAN);
    expect(own.errors).toBeUndefined();
    expect(own.data?.[field]).not.toBeNull();
    // Act, Assess
    const res = await app.request(query, variables(), BINJAI);
    if (field === 'employeeByNip') {
      // A NIP is looked up in the caller's own agency only: Medan's is simply not there.
      expect(res.errors).toBeUndefined();
      expect(res.data?.employeeByNip).toBeNull();
      return;
    }
    expectRefused(res, field);
  });

  it.each(Object.keys(nodeFetchers))('through node(id) of a %s', async (type) => {
    const ids: Record<string, string[]> = {
      Agency: [medan.agency],
      Unit: [medan.unit.id],
      Employee: [medan.employee.id],
      PerformanceIndicator: [medan.indicator.id],
      Feedback: [medan.complaint.id],
      Partner: [medan.partner.id],
      TrainingProgram: [medan.program.id],
      Enrollment: [medan.enrollment.id],
      Mentorship: [medan.mentorship.id],
      Evaluation: [medan.appraisal.id, medan.programEvaluation.id],
      DevelopmentPlan: [medan.plan.id],
      ImportJob: [medan.importJob.id],
      FollowUpAction: [medan.followUpAction.id],
    };
    expect(ids[type], `a medan ${type} for node(id)`).toBeDefined();
    for (const id of ids[type] ?? []) {
      const query = 'query($id: ID!) { node(id: $id) { __typename id } }';
      expect((await app.request<{ node: unknown }>(query, { id }, MEDAN)).data?.node).toMatchObject({ id });
      expectRefused(await app.request(query, { id }, BINJAI), 'node');
    }
  });

  it.each([
    [
      'employees',
      'query($u: ID!) { employees(filter: { unitId: $u }) { totalCount edges { node { id nip } } } }',
    ],
    [
      'feedback',
      'query($u: ID!) { feedback(filter: { unitId: $u }) { totalCount edges { node { id text } } } }',
    ],
    [
      'performanceIndicators',
      'query($u: ID!) { performanceIndicators(filter: { unitId: $u }) { totalCount edges { node { id } } } }',
    ],
    [
      'developmentPlans',
      'query($u: ID!) { developmentPlans(filter: { unitId: $u }) { totalCount edges { node { id } } } }',
    ],
    [
      'evaluations',
      'query($u: ID!) { evaluations(filter: { unitId: $u }) { totalCount edges { node { id } } } }',
    ],
    ['units', 'query($u: ID!) { units(filter: { parentId: $u }) { totalCount edges { node { id name } } } }'],
  ])('through %s filtered by a medan unit (refused, or nothing)', async (field, query) => {
    const res = await app.request<Record<string, { totalCount: number }>>(
      query,
      { u: medan.unit.id },
      BINJAI,
    );
    if (res.errors) expectRefused(res, field);
    else expect(res.data?.[field]?.totalCount).toBe(0);
    expect(medanLeaks(res)).toEqual([]);
  });

  it.each([
    [
      'evaluations of a medan employee',
      '{ evaluations(filter: { employeeId: $id }) { totalCount } }',
      'employee',
    ],
    [
      'evaluations of a medan program',
      '{ evaluations(filter: { programId: $id }) { totalCount } }',
      'program',
    ],
  ] as const)('through %s', async (_, body, record) => {
    const res = await app.request(`query($id: ID!) ${body}`, { id: medan[record].id }, BINJAI);
    expectRefused(res, 'evaluations');
  });

  it.each([
    [
      'employees, their units and enrollments',
      `{ employees(first: 50) { edges { node { id nip unit { id head { id nip } }
        enrollments(first: 20) { edges { node { id program { id } unit { id } } } } } } } }`,
    ],
    [
      'employees, their mentors and appraisals',
      `{ employees(first: 25) { edges { node { id
        mentors(first: 5) { edges { node { id mentor { id nip } } } }
        appraisals(first: 5) { edges { node { id unit { id } } } } } } } }`,
    ],
    [
      'programs, their organizer and partner',
      `{ trainingPrograms(first: 100) { edges { node { id organizerUnit { id } partner { id } } } } }`,
    ],
    [
      'programs and their participants',
      `{ trainingPrograms(first: 30) { edges { node { id
        enrollments(first: 30) { edges { node { id employee { id nip name } } } } } } } }`,
    ],
    [
      'partners and their programs',
      `{ partners { edges { node { id programs(first: 100) { edges { node { id } } } } } } }`,
    ],
    [
      'units, heads and children',
      `{ units(first: 100) { edges { node { id parent { id } head { id nip } children { edges { node { id } } } } } } }`,
    ],
    ['feedback and its units', `{ feedback(first: 100) { edges { node { id unit { id } } } } }`],
    ['mentorships', `{ mentorships(first: 100) { edges { node { id mentor { id } mentee { id } } } } }`],
    [
      'evaluations',
      `{ evaluations(first: 100) { edges { node { id employee { id } program { id } unit { id } } } } }`,
    ],
    [
      'indicators and plans',
      `{ performanceIndicators(first: 100) { edges { node { id unit { id } employee { id } } } }
         developmentPlans(first: 100) { edges { node { id owner { id } unit { id } programs { edges { node { id } } } } } } }`,
    ],
  ])('through nested fields: %s', async (_, query) => {
    const res = await app.request(query, {}, BINJAI);
    expect(res.errors).toBeUndefined();
    expect([...agenciesIn(res.data)]).toEqual(['binjai']);
    expect(medanLeaks(res)).toEqual([]);
  });
});

describe("aggregate for an administrator of binjai never counts medan's records", () => {
  const AGGREGATE = `query($input: AggregateInput!) { aggregate(input: $input) {
    totals { measure value } groups { key { dimension value } values { measure value } } } }`;
  type Answer = {
    aggregate: {
      totals: { measure: string; value: number | null }[];
      groups: { key: { dimension: string; value: string }[] }[];
    };
  };

  it.each([
    ['a medan unit', () => ({ unitIds: [medan.unit.id] })],
    ['a medan program', () => ({ programIds: [medan.program.id] })],
    [
      'a binjai and a medan unit',
      () => ({ unitIds: [toGlobalId('Unit', 'binjai', binjai.unitIds[0] ?? ''), medan.unit.id] }),
    ],
  ])('refuses a filter naming %s', async (_, filter) => {
    const res = await app.request(
      AGGREGATE,
      { input: { measures: ['ENROLLMENT_COUNT'], filter: filter() } },
      BINJAI,
    );
    expectRefused(res, 'aggregate');
  });

  it("answers nothing for medan's region", async () => {
    const medanAnswer = await app.request<Answer>(
      AGGREGATE,
      {
        input: {
          measures: ['ENROLLMENT_COUNT', 'EMPLOYEE_COUNT'],
          filter: { regionIds: [medan.unit.regionCode] },
        },
      },
      MEDAN,
    );
    expect(medanAnswer.data?.aggregate.totals.some((t) => (t.value ?? 0) > 0)).toBe(true);
    const res = await app.request<Answer>(
      AGGREGATE,
      {
        input: {
          measures: ['ENROLLMENT_COUNT', 'EMPLOYEE_COUNT'],
          filter: { regionIds: [medan.unit.regionCode] },
        },
      },
      BINJAI,
    );
    expect(res.errors).toBeUndefined();
    for (const total of res.data?.aggregate.totals ?? []) expect(total.value ?? 0).toBe(0);
  });

  it('groups only by binjai units and programs, also for the partner both agencies share', async () => {
    const res = await app.request<Answer>(
      AGGREGATE,
      {
        input: {
          measures: ['ENROLLMENT_COUNT', 'COMPLETION_COUNT'],
          groupBy: ['UNIT', 'PROGRAM'],
          filter: { partnerCodes: ['usu'] },
        },
      },
      BINJAI,
    );
    expect(res.errors).toBeUndefined();
    const groups = res.data?.aggregate.groups ?? [];
    expect(groups.length).toBeGreaterThan(0);
    for (const { key } of groups) {
      expect(binjai.unitIds).toContain(key.find((k) => k.dimension === 'UNIT')?.value);
      expect(binjai.programIds).toContain(key.find((k) => k.dimension === 'PROGRAM')?.value);
    }
  });
});

describe('partner delta sync keeps partners and agencies apart', () => {
  const FEED = `query($after: String) { partnerEnrollments(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { enrollmentId agencyCode enrollment { program { partner { code } } } } } } }`;
  type Feed = {
    partnerEnrollments: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          enrollmentId: string;
          agencyCode: string;
          enrollment: { program: { partner: { code: string } } } | null;
        };
      }[];
    };
  };

  async function wholeFeed(claims: ApiClaims) {
    const nodes: Feed['partnerEnrollments']['edges'][number]['node'][] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse<Feed> = await app.request<Feed>(FEED, { after }, { claims });
      expect(res.errors).toBeUndefined();
      const page = res.data?.partnerEnrollments;
      nodes.push(...(page?.edges.map((e) => e.node) ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }
  const enrollmentIdsOf = (partner: string) =>
    new Set(
      training.enrollments
        // An invitation reaches the partner only once accepted (INVITED and DECLINED never do).
        .filter((e) => e.partnerId === partner && e.status !== 'INVITED' && e.status !== 'DECLINED')
        .map((e) => toGlobalId('Enrollment', e.agencyId, e.id)),
    );

  it('refuses staff tokens (FORBIDDEN) and the public (UNAUTHENTICATED)', async () => {
    const staff = await app.request(FEED, {}, BINJAI);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(staff.data).toBeNull();
    const anonymous = await app.request(FEED, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives usu the changes of its programs in medan and binjai, and nothing else', async () => {
    const changes = await wholeFeed(partnerClaims('usu'));
    const mine = enrollmentIdsOf('usu');
    expect(new Set(changes.map((c) => c.agencyCode))).toEqual(new Set(['medan', 'binjai']));
    expect(new Set(changes.map((c) => c.enrollmentId))).toEqual(mine);
    for (const change of changes) expect(change.enrollment?.program.partner.code).toBe('usu');
  });

  it("gives ung none of usu's changes", async () => {
    const changes = await wholeFeed(partnerClaims('ung'));
    const usu = enrollmentIdsOf('usu');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => usu.has(c.enrollmentId))).toEqual([]);
    expect(new Set(changes.map((c) => c.agencyCode))).toEqual(new Set(['gorontalo']));
  });

  it("refuses a partner another partner's enrollment and program, by id and by node(id)", async () => {
    const ung = training.enrollments.find((e) => e.partnerId === 'ung');
    if (!ung) throw new Error('no ung enrollment in the demo data');
    const enrollment = toGlobalId('Enrollment', ung.agencyId, ung.id);
    const program = toGlobalId('TrainingProgram', ung.agencyId, ung.programId);
    const usu = { claims: partnerClaims('usu') };
    expectRefused(
      await app.request('query($id: ID!) { enrollment(id: $id) { id } }', { id: enrollment }, usu),
      'enrollment',
    );
    for (const id of [enrollment, program])
      expectRefused(await app.request('query($id: ID!) { node(id: $id) { id } }', { id }, usu), 'node');
  });

  it('refuses a partner token without the enrollments scope, on the feed and on single enrollments', async () => {
    const unscoped = { claims: partnerClaims('usu', 'pembinaan-asn/other.read') };
    const feed = await app.request(FEED, {}, unscoped);
    expect(feed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(feed.data).toBeNull();
    for (const query of [
      'query($id: ID!) { enrollment(id: $id) { id } }',
      'query($id: ID!) { node(id: $id) { id } }',
    ]) {
      const res = await app.request(query, { id: medan.enrollment.id }, unscoped);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(Object.values(res.data ?? {})).toEqual([null]);
    }
  });
});

const WRITE_COMMANDS = [
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
];

// A refused mutation must leave the table unchanged. Every request of the app goes through one
// client whose requests are counted: a mutation that sends no write cannot have changed anything
// (cheaper than two scans of the whole demo data set, and it also proves nothing was attempted).
describe("mutations of binjai's administrator on medan's records", () => {
  const cases: [string, string, () => Record<string, unknown>][] = [
    [
      'updateEmployee',
      'UpdateEmployeeInput',
      () => ({ id: medan.employee.id, version: medan.employee.version, name: 'Nama Baru' }),
    ],
    [
      'createEmployee',
      'CreateEmployeeInput',
      () => ({
        nip: '199001012015031002',
        name: 'Pegawai Baru',
        unitId: medan.unit.id,
        employmentType: 'PNS',
        golongan: 'III_A',
        position: { title: 'Analis', type: 'FUNCTIONAL' },
        education: 'S1',
      }),
    ],
    [
      'recordAppraisal',
      'RecordAppraisalInput',
      () => ({
        employeeId: medan.employee.id,
        period: '2026',
        resultRating: 'ABOVE',
        behaviourRating: 'ABOVE',
      }),
    ],
    ['evaluateProgram', 'EvaluateProgramInput', () => ({ programId: medan.program.id, reactionScore: 4 })],
    [
      'respondToComplaint',
      'RespondToComplaintInput',
      () => ({
        feedbackId: medan.complaint.id,
        response: 'Sudah ditindaklanjuti',
        version: medan.complaint.version,
      }),
    ],
    [
      'resolveComplaint',
      'ResolveComplaintInput',
      () => ({ feedbackId: medan.complaint.id, resolution: 'Selesai', version: medan.complaint.version }),
    ],
    [
      'moderateFeedback',
      'ModerateFeedbackInput',
      () => ({ feedbackId: medan.complaint.id, status: 'HIDDEN', version: medan.complaint.version }),
    ],
    [
      'startMentorship',
      'StartMentorshipInput',
      () => ({ mentorId: medan.employee.id, menteeId: medan.otherEmployee.id, goals: ['Belajar'] }),
    ],
    [
      'logMentoringSession',
      'LogMentoringSessionInput',
      () => ({ mentorshipId: medan.mentorship.id, date: '2026-10-30', minutes: 60 }),
    ],
    [
      'endMentorship',
      'EndMentorshipInput',
      () => ({ mentorshipId: medan.mentorship.id, version: medan.mentorship.version, status: 'COMPLETED' }),
    ],
    [
      'createPerformanceIndicator',
      'CreatePerformanceIndicatorInput',
      () => ({
        code: 'IKU-X1',
        name: 'Indikator baru',
        unitOfMeasure: '%',
        direction: 'HIGHER_IS_BETTER',
        target: 90,
        cadence: 'YEARLY',
        scope: 'UNIT',
        unitId: medan.unit.id,
      }),
    ],
    [
      'updatePerformanceIndicator',
      'UpdatePerformanceIndicatorInput',
      () => ({ id: medan.indicator.id, version: medan.indicator.version, name: 'Diubah' }),
    ],
    [
      'recordMeasurement',
      'RecordMeasurementInput',
      () => ({ indicatorId: medan.indicator.id, period: '2026', value: 1 }),
    ],
    [
      'createDevelopmentPlan',
      'CreateDevelopmentPlanInput',
      () => ({
        title: 'Rencana',
        year: 2027,
        scope: 'UNIT',
        unitId: medan.unit.id,
        ownerId: medan.employee.id,
        plannedBudget: 1000,
      }),
    ],
    [
      'updateDevelopmentPlan',
      'UpdateDevelopmentPlanInput',
      () => ({ id: medan.plan.id, version: medan.plan.version, title: 'Diubah' }),
    ],
    [
      'addProgramToPlan',
      'AddProgramToPlanInput',
      () => ({ planId: binjai.plan, programId: medan.program.id }),
    ],
    [
      'addProgramToPlan',
      'AddProgramToPlanInput',
      () => ({ planId: medan.plan.id, programId: binjai.program }),
    ],
    [
      'removeProgramFromPlan',
      'RemoveProgramFromPlanInput',
      () => ({ planId: medan.plan.id, programId: medan.plan.programId }),
    ],
    [
      'recordPlanSpending',
      'RecordPlanSpendingInput',
      () => ({ planId: medan.plan.id, amount: 1000, note: 'Belanja' }),
    ],
    [
      'createTrainingProgram',
      'CreateTrainingProgramInput',
      () => ({
        title: 'Pelatihan',
        category: 'IT',
        format: 'CLASSROOM',
        jp: 10,
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        capacity: 10,
        costPerParticipant: 0,
        organizerUnitId: medan.unit.id,
      }),
    ],
    [
      'updateTrainingProgram',
      'UpdateTrainingProgramInput',
      () => ({ id: medan.program.id, version: medan.program.version, title: 'Diubah' }),
    ],
    [
      'enrollEmployee',
      'EnrollEmployeeInput',
      () => ({ programId: medan.program.id, employeeId: binjai.employee }),
    ],
    [
      'enrollEmployee',
      'EnrollEmployeeInput',
      () => ({ programId: binjai.program, employeeId: medan.employee.id }),
    ],
    [
      'completeEnrollment',
      'CompleteEnrollmentInput',
      () => ({ enrollmentId: medan.enrollment.id, attended: true, completedOn: '2026-10-31' }),
    ],
    ['dropEnrollment', 'DropEnrollmentInput', () => ({ enrollmentId: medan.enrollment.id, reason: 'Batal' })],
  ];

  it.each(cases)('%s is refused before anything is written', async (mutation, inputType, input) => {
    app.counter.reset();
    const res = await app.request(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input: input() },
      BINJAI,
    );
    expectRefused(res, mutation);
    const writes = Object.keys(app.counter.byCommand).filter((c) => WRITE_COMMANDS.includes(c));
    expect(writes).toEqual([]);
  });

  it('(control: a mutation of binjai on its own records is counted as a write)', async () => {
    app.counter.reset();
    const res = await app.request(
      'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }',
      { input: { code: 'lan-ri', name: 'Lembaga Administrasi Negara', kind: 'GOVERNMENT_TRAINING_CENTER' } },
      BINJAI,
    );
    expect(res.errors).toBeUndefined();
    expect(Object.keys(app.counter.byCommand).filter((c) => WRITE_COMMANDS.includes(c))).not.toEqual([]);
  });
});

describe('tokens that do not verify', () => {
  const claims = adminOf('binjai');
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const payload = () => ({
    ...claims,
    token_use: 'access',
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 3600,
  });
  const signWith = async (change: (jwt: SignJWT) => SignJWT) => {
    const key = await importJWK(app.keys.privateJwk, 'ES256');
    return change(new SignJWT({ ...claims, token_use: 'access' }).setProtectedHeader({ alg: 'ES256' }))
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
  };

  const tokens: [string, () => Promise<string>][] = [
    ['signed with another key', async () => signLocalToken(await generateLocalKeyPair(), claims)],
    ['expired', () => app.token(claims, { now: new Date(Date.now() - 2 * 3600_000), expiresIn: '1h' })],
    ['for another audience', () => app.token(claims, { audience: 'another-api' })],
    [
      'from another issuer',
      () => signWith((jwt) => jwt.setIssuer('https://issuer.example').setAudience(LOCAL_AUDIENCE)),
    ],
    ['without an issuer', () => signWith((jwt) => jwt.setAudience(LOCAL_AUDIENCE))],
    ['with alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload())}.`],
    [
      'signed with HS256 using the public key as secret',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(app.keys.publicJwk));
        return new SignJWT(payload()).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      },
    ],
    [
      'signed with a key of its own, named in the header',
      async () => {
        const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
        return new SignJWT(payload())
          .setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(publicKey) })
          .sign(privateKey);
      },
    ],
    [
      'with a tampered payload',
      async () => {
        const [header, , signature] = (await app.token(adminOf('binjai'))).split('.');
        return `${header}.${b64({ ...payload(), agency_id: 'medan' })}.${signature}`;
      },
    ],
    ['without a role', () => app.token({ sub: 'someone' })],
    ['malformed', async () => 'not-a-jwt'],
    ['of three garbage parts', async () => 'a.b.c'],
    ['with a space inside', async () => 'abc def'],
  ];

  it.each(tokens)(
    'refuses a token %s with UNAUTHENTICATED and HTTP 401, even for public feedback',
    async (_, make) => {
      const token = await make();
      for (const query of [
        '{ me { role agency { code } } }',
        'mutation { submitFeedback(input: { unitId: "x", serviceName: "KTP", surveyAnswers: [4,4,4,4,4,4,4,4,4] }) { id } }',
      ]) {
        const res = await app.request(query, {}, { token });
        expect(res.status, query).toBe(401);
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.data ?? null).toBeNull();
      }
    },
  );

  it('accepts the same claims in a valid token (the cases above fail only on the token)', async () => {
    const res = await app.request<{ me: { role: string; agency: { code: string } } }>(
      '{ me { role agency { code } } }',
      {},
      { token: await app.token(claims) },
    );
    expect(res.status).toBe(200);
    expect(res.data?.me).toEqual({ role: 'ADMIN', agency: { code: 'binjai' } });
  });
});
