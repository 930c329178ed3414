import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { buildDemoPerformance, demoPerformanceItems } from '../../src/demo/build-performance';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { indicatorChange } from '../../src/domain/indicator-achievement';
import { recommendProgramAction } from '../../src/domain/program-evaluation';
import { roundHalfUp } from '../../src/domain/round-half-up';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
// Demo data appraise Kecamatan Medan Belawan quarterly in 2026; these tests appraise elsewhere.
const staff = demo.employees.filter(
  (e) => e.agencyId === 'medan' && e.status === 'ACTIVE' && e.unitId !== 'medan-belawan',
);
const employee = (i: number) => {
  const found = staff[i];
  if (!found) throw new Error(`no demo employee ${i}`);
  return found;
};
const employeeId = (i: number) => toGlobalId('Employee', 'medan', employee(i).id);
const ADMIN = { claims: adminOf('medan') };
const unitOf = (id: string) => {
  const found = demo.units.find((u) => u.id === id);
  if (!found?.headEmployeeId) throw new Error(`no demo unit ${id}`);
  return { ...found, headEmployeeId: found.headEmployeeId };
};
const headOf = (unitId: string): { claims: ApiClaims } => ({
  claims: {
    sub: `head-${unitId}`,
    'cognito:groups': ['UNIT_HEAD'],
    agency_id: 'medan',
    unit_id: unitId,
    employee_id: unitOf(unitId).headEmployeeId,
  },
});
const selfOf = (employeeLocalId: string, unitId: string): { claims: ApiClaims } => ({
  claims: {
    sub: `self-${employeeLocalId}`,
    'cognito:groups': ['EMPLOYEE'],
    agency_id: 'medan',
    unit_id: unitId,
    employee_id: employeeLocalId,
  },
});

const RECORD = `mutation($input: RecordAppraisalInput!) {
  recordAppraisal(input: $input) {
    id kind period periodLabel periodStart periodEnd resultRating behaviourRating predikat predikatLabel potential
    talentBox { box performance potential guidance disciplinary }
    employee { id } appraiser { id name } evaluator { id }
    siasnSkpRecord { nip tahun hasilKinerja perilakuKerja kuadranKinerja penilaiNipNrp penilaiNama statusPenilai }
    program { id } levels { learning } recommendation
  }
}`;
const EVALUATE = `mutation($input: EvaluateProgramInput!) {
  evaluateProgram(input: $input) {
    id kind recommendation recommendationLabel reasons findings { figure value threshold } predikat employee { id } program { id title }
    levels { reaction learning learningParticipants behaviour results
      resultsEvidence { source indicator { code } beforePeriod afterPeriod beforePeriods afterPeriods beforeValue afterValue changePercent } }
  }
}`;

let app: TestApp;

type Appraisal = Record<string, unknown> & { id: string };
async function record(input: Record<string, unknown>, auth: { claims: ApiClaims } = ADMIN) {
  return app.request<{ recordAppraisal: Appraisal }>(RECORD, { input }, auth);
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  // The organization and the demo indicators are all these tests read; programs are made through the API.
  await seedDemoData(app.deps.table, NOW, 'organization');
  await app.deps.table.batchPut(demoPerformanceItems(NOW));
});
afterAll(() => app.close());

describe('recordAppraisal: the SKP matrix (PermenPANRB 6/2022)', () => {
  it.each([
    [0, 'ABOVE', 'ABOVE', 'SANGAT_BAIK', 'Sangat Baik'],
    [1, 'ABOVE', 'AS_EXPECTED', 'BAIK', 'Baik'],
    [2, 'ABOVE', 'BELOW', 'KURANG', 'Kurang'],
    [3, 'AS_EXPECTED', 'ABOVE', 'BAIK', 'Baik'],
    [4, 'AS_EXPECTED', 'AS_EXPECTED', 'BAIK', 'Baik'],
    [5, 'AS_EXPECTED', 'BELOW', 'KURANG', 'Kurang'],
    [6, 'BELOW', 'ABOVE', 'BUTUH_PERBAIKAN', 'Butuh Perbaikan'],
    [7, 'BELOW', 'AS_EXPECTED', 'BUTUH_PERBAIKAN', 'Butuh Perbaikan'],
    [8, 'BELOW', 'BELOW', 'SANGAT_KURANG', 'Sangat Kurang'],
  ])(
    '(employee %i) rates result %s and behaviour %s as %s',
    async (i, resultRating, behaviourRating, predikat, label) => {
      const res = await record({ employeeId: employeeId(i), period: '2026', resultRating, behaviourRating });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordAppraisal).toMatchObject({
        kind: 'APPRAISAL',
        period: '2026',
        periodLabel: '2026',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        resultRating,
        behaviourRating,
        predikat,
        predikatLabel: label,
        talentBox: null,
        program: null,
        levels: null,
        recommendation: null,
        siasnSkpRecord: {
          nip: employee(i).nip,
          tahun: 2026,
          kuadranKinerja: label,
          penilaiNipNrp: null,
          statusPenilai: null,
        },
      });
    },
  );

  it("records the unit head as appraiser of a parent unit's staff, in SIASN's SKP shape", async () => {
    const kelurahanStaff = demo.employees.find(
      (e) => e.unitId === 'medan-belawan1' && e.id !== unitOf('medan-belawan1').headEmployeeId,
    );
    const head = demo.employees.find((e) => e.id === unitOf('medan-belawan').headEmployeeId);
    const res = await record(
      {
        employeeId: toGlobalId('Employee', 'medan', kelurahanStaff?.id ?? ''),
        period: '2026-q2',
        resultRating: 'AS_EXPECTED',
        behaviourRating: 'ABOVE',
        potential: 'HIGH',
      },
      headOf('medan-belawan'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordAppraisal).toMatchObject({
      period: '2026-Q2',
      periodLabel: 'Triwulan II 2026',
      predikat: 'BAIK',
      talentBox: { box: 8, performance: 'AS_EXPECTED', potential: 'HIGH', disciplinary: false },
      appraiser: { id: toGlobalId('Employee', 'medan', head?.id ?? ''), name: head?.name },
      // SIASN keeps the annual SKP only.
      siasnSkpRecord: null,
    });
    const later = await record(
      {
        employeeId: toGlobalId('Employee', 'medan', kelurahanStaff?.id ?? ''),
        period: '2026-Q3',
        resultRating: 'ABOVE',
        behaviourRating: 'ABOVE',
      },
      headOf('medan-belawan'),
    );
    expect(later.data?.recordAppraisal.predikat).toBe('SANGAT_BAIK');
  });
});

describe('one appraisal per employee and period', () => {
  it('refuses the same period and overlapping periods with CONFLICT and writes nothing', async () => {
    const first = await record({
      employeeId: employeeId(20),
      period: '2026-Q2',
      resultRating: 'AS_EXPECTED',
      behaviourRating: 'AS_EXPECTED',
    });
    expect(first.errors).toBeUndefined();
    const before = await tableSnapshot(app);
    for (const [period, conflicting] of [
      ['2026-Q2', 'The employee already has an appraisal for 2026-Q2'],
      ['2026', "2026 overlaps the employee's appraisal for 2026-Q2"],
      ['2026-05', '2026-05 overlaps'],
    ] as const) {
      const res = await record({
        employeeId: employeeId(20),
        period,
        resultRating: 'ABOVE',
        behaviourRating: 'ABOVE',
      });
      expect(res.errors?.[0]?.message).toContain(conflicting);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'input.period',
        conflictingPeriods: ['2026-Q2'],
      });
    }
    expect(await tableSnapshot(app)).toEqual(before);
    const adjacent = await record({
      employeeId: employeeId(20),
      period: '2026-07',
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
    });
    expect(adjacent.errors).toBeUndefined();
  });

  it('lets exactly one of concurrent overlapping appraisals through', async () => {
    // Every pair of these overlaps (2026-02 lies in 2026-Q1, which lies in 2026).
    const periods = ['2026', '2026-Q1', '2026-02', '2026-Q1', '2026', '2026-02'];
    const results = await Promise.all(
      periods.map((period) =>
        record({ employeeId: employeeId(21), period, resultRating: 'ABOVE', behaviourRating: 'AS_EXPECTED' }),
      ),
    );
    expect(results.filter((r) => r.data?.recordAppraisal)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(5);
    const stored = await app.request<{
      employee: { appraisals: { edges: { node: { period: string } }[] } };
    }>(
      'query($id: ID!) { employee(id: $id) { appraisals(first: 20) { edges { node { period } } } } }',
      { id: employeeId(21) },
      ADMIN,
    );
    const periods2026 = stored.data?.employee.appraisals.edges.filter((e) =>
      e.node.period.startsWith('2026'),
    );
    expect(periods2026).toHaveLength(1);
  });

  it('answers a retried idempotency key with the first appraisal', async () => {
    const input = {
      employeeId: employeeId(22),
      period: '2026-Q1',
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
      idempotencyKey: 'appraisal-22-q1',
    };
    const [a, b] = await Promise.all([record(input), record(input)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.recordAppraisal.id).toBe(b.data?.recordAppraisal.id);
  });

  it.each([['2026-Q5'], ['2026-13'], ['2026-00'], ['26'], ['2026/01'], ['Q1-2026'], ['next year']])(
    'refuses the period %s with BAD_USER_INPUT on input.period',
    async (period) => {
      const before = await tableSnapshot(app);
      const res = await record({
        employeeId: employeeId(23),
        period,
        resultRating: 'ABOVE',
        behaviourRating: 'ABOVE',
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
      expect(await tableSnapshot(app)).toEqual(before);
    },
  );

  it('refuses a period that has not started', async () => {
    const res = await record({
      employeeId: employeeId(23),
      period: '2027',
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
  });
});

describe('who may appraise and read appraisals', () => {
  const input = (id: string) => ({
    employeeId: id,
    period: '2026-01',
    resultRating: 'AS_EXPECTED',
    behaviourRating: 'AS_EXPECTED',
  });

  it('refuses an employee of another agency, an EMPLOYEE, a head of another unit and oneself (FORBIDDEN)', async () => {
    const before = await tableSnapshot(app);
    const binjai = demo.employees.find((e) => e.agencyId === 'binjai');
    const foreign = await record(input(toGlobalId('Employee', 'binjai', binjai?.id ?? '')));
    const target = employee(30);
    const asEmployee = await record(input(employeeId(31)), selfOf(target.id, target.unitId));
    const otherUnit = target.unitId === 'medan-kominfo' ? 'medan-bappeda' : 'medan-kominfo';
    const otherHead = await record(input(employeeId(30)), headOf(otherUnit));
    const dinkesHead = unitOf('medan-dinkes').headEmployeeId;
    const own = await record(input(toGlobalId('Employee', 'medan', dinkesHead)), headOf('medan-dinkes'));
    for (const res of [foreign, asEmployee, otherHead, own]) {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('shows appraisals to the employee and their heads, not to colleagues', async () => {
    const target = employee(32);
    await record(input(employeeId(32)));
    const query = 'query($id: ID!) { employee(id: $id) { latestAppraisal { period predikat } } }';
    const own = await app.request<{ employee: { latestAppraisal: { period: string } } }>(
      query,
      { id: employeeId(32) },
      selfOf(target.id, target.unitId),
    );
    expect(own.data?.employee.latestAppraisal.period).toBe('2026-01');
    const head = await app.request(query, { id: employeeId(32) }, headOf(target.unitId));
    expect(head.errors).toBeUndefined();
    const colleague = staff.find((e) => e.unitId === target.unitId && e.id !== target.id);
    const other = await app.request(
      query,
      { id: employeeId(32) },
      selfOf(colleague?.id ?? '', target.unitId),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await app.request('{ evaluations { totalCount } }', {}, selfOf(target.id, target.unitId));
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('talent 9-box (PermenPANRB 3/2020)', () => {
  it('places the employee by the latest predikat and the latest assessed potential', async () => {
    const id = employeeId(40);
    await record({
      employeeId: id,
      period: '2026-Q1',
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
      potential: 'HIGH',
    });
    const query = `query($id: ID!) { employee(id: $id) {
      talent { box performance potential potentialLabel guidance }
      latestAppraisal { period }
      appraisals(first: 2) { edges { node { period predikat } } }
    } }`;
    const first = await app.request<{ employee: { talent: Record<string, unknown> } }>(query, { id }, ADMIN);
    expect(first.data?.employee.talent).toMatchObject({
      box: 9,
      performance: 'ABOVE',
      potential: 'HIGH',
      potentialLabel: 'Tinggi',
    });
    await record({
      employeeId: id,
      period: '2026-Q2',
      resultRating: 'BELOW',
      behaviourRating: 'AS_EXPECTED',
    });
    const next = await app.request<{
      employee: {
        talent: Record<string, unknown>;
        latestAppraisal: { period: string };
        appraisals: { edges: { node: { period: string; predikat: string } }[] };
      };
    }>(query, { id }, ADMIN);
    expect(next.data?.employee.talent).toMatchObject({ box: 6, performance: 'BELOW', potential: 'HIGH' });
    expect(next.data?.employee.latestAppraisal.period).toBe('2026-Q2');
    expect(next.data?.employee.appraisals.edges.map((e) => e.node)).toEqual([
      { period: '2026-Q2', predikat: 'BUTUH_PERBAIKAN' },
      { period: '2026-Q1', predikat: 'SANGAT_BAIK' },
    ]);
  });
});

describe('evaluateProgram (Kirkpatrick)', () => {
  const performance = buildDemoPerformance(NOW);
  const responseTime = performance.indicators.find((i) => i.code === 'IKU-BLW-02');
  const measured = (period: string) =>
    performance.measurements.find((m) => m.indicatorId === responseTime?.id && m.period === period)?.value ??
    NaN;
  let programId = '';

  beforeAll(async () => {
    const created = await app.request<{ createTrainingProgram: { id: string } }>(
      `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id } }`,
      {
        input: {
          title: 'Pelatihan Penanganan Pengaduan',
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
      ADMIN,
    );
    programId = created.data?.createTrainingProgram.id ?? '';
    const scores: [number, number][] = [
      [50, 70],
      [60, 75],
      [40, 80],
    ];
    for (const [n, pair] of [...scores, undefined].entries()) {
      const enrolled = await app.request<{ enrollEmployee: { id: string } }>(
        `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }`,
        { input: { programId, employeeId: employeeId(50 + n) } },
        ADMIN,
      );
      const scored = pair ? { preTestScore: pair[0], postTestScore: pair[1] } : {};
      await app.request(
        `mutation($input: CompleteEnrollmentInput!) { completeEnrollment(input: $input) { id } }`,
        { input: { enrollmentId: enrolled.data?.enrollEmployee.id, completedOn: '2026-10-02', ...scored } },
        ADMIN,
      );
    }
    // A fifth participant never completes: not part of the learning level.
    await app.request(
      `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id } }`,
      { input: { programId, employeeId: employeeId(54) } },
      ADMIN,
    );
  });

  it('refuses a program that has not run yet', async () => {
    const res = await app.request(EVALUATE, { input: { programId, reactionScore: 80 } }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programId' });
    const running = await app.request(
      `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { status } }`,
      { input: { id: programId, version: 1, status: 'RUNNING' } },
      ADMIN,
    );
    expect(running.data).toEqual({ updateTrainingProgram: { status: 'RUNNING' } });
  });

  it('computes learning from the completed enrollments and results from three periods either side, honouring the direction', async () => {
    const res = await app.request<{
      evaluateProgram: Record<string, unknown> & { levels: Record<string, unknown> };
    }>(
      EVALUATE,
      {
        input: {
          programId,
          reactionScore: 85,
          behaviourScore: 78,
          indicatorId: toGlobalId('PerformanceIndicator', 'medan', responseTime?.id ?? ''),
          beforePeriod: '2025-03',
          afterPeriod: '2026-07',
        },
      },
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    // Gains 20, 15 and 40 points: average 25. Results: the mean of the three months up to March
    // 2025 against the mean of the three from July 2026 (the agency's default thresholds).
    const mean = (periods: string[]) => roundHalfUp(periods.reduce((s, p) => s + measured(p), 0) / 3, 4);
    const before = mean(['2025-01', '2025-02', '2025-03']);
    const after = mean(['2026-07', '2026-08', '2026-09']);
    const change = indicatorChange({ direction: 'LOWER_IS_BETTER', before, after });
    const expected = recommendProgramAction({
      reactionScore: 85,
      avgLearningGain: 25,
      behaviourScore: 78,
      resultsChange: change,
      resultsPeriods: { before: 3, after: 3 },
    });
    expect(change).toBeGreaterThan(10);
    expect(res.data?.evaluateProgram).toMatchObject({
      kind: 'PROGRAM',
      predikat: null,
      employee: null,
      program: { id: programId },
      recommendation: 'EXPAND',
      recommendationLabel: 'Perluas',
      reasons: expected.reasons,
      findings: expected.findings.map(({ figure, value, threshold }) => ({ figure, value, threshold })),
      levels: {
        reaction: 85,
        learning: 25,
        learningParticipants: 3,
        behaviour: 78,
        results: change,
        resultsEvidence: {
          source: 'INDICATOR',
          indicator: { code: 'IKU-BLW-02' },
          beforePeriod: '2025-03',
          afterPeriod: '2026-07',
          beforePeriods: ['2025-01', '2025-02', '2025-03'],
          afterPeriods: ['2026-07', '2026-08', '2026-09'],
          beforeValue: before,
          afterValue: after,
        },
      },
    });
  });

  it('says NOT_ENOUGH_DATA with fewer measured periods than the thresholds ask, naming each', async () => {
    const res = await app.request<{ evaluateProgram: { recommendation: string; findings: unknown[] } }>(
      EVALUATE,
      {
        input: {
          programId,
          reactionScore: 85,
          indicatorId: toGlobalId('PerformanceIndicator', 'medan', responseTime?.id ?? ''),
          beforePeriod: '2024-12',
          afterPeriod: '2026-10',
        },
      },
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.evaluateProgram.recommendation).toBe('NOT_ENOUGH_DATA');
    expect(res.data?.evaluateProgram.findings).toEqual([
      { figure: 'PERIODS_BEFORE', value: 2, threshold: 3 },
      { figure: 'PERIODS_AFTER', value: 1, threshold: 3 },
    ]);
  });

  it.each([
    ['REVIEW', { reactionScore: 80, resultsChangePercent: 0.5 }],
    ['CONTINUE', { reactionScore: 80, resultsChangePercent: 4 }],
    ['STOP', { reactionScore: 40, resultsChangePercent: -8 }],
  ])('recommends %s from the results', async (recommendation, evidence) => {
    const res = await app.request<{ evaluateProgram: { recommendation: string } }>(
      EVALUATE,
      { input: { programId, ...evidence } },
      ADMIN,
    );
    expect(res.data?.evaluateProgram.recommendation).toBe(recommendation);
  });

  it.each([
    ['an indicator without periods', { indicatorId: 'ind' }, 'input.beforePeriod'],
    [
      'both an indicator and a reported change',
      { resultsChangePercent: 3, beforePeriod: '2025-01', afterPeriod: '2026-01' },
      'input.resultsChangePercent',
    ],
    [
      'a quarter for a monthly indicator',
      { beforePeriod: '2025-Q1', afterPeriod: '2026-09' },
      'input.beforePeriod',
    ],
    ['periods in the wrong order', { beforePeriod: '2026-09', afterPeriod: '2025-01' }, 'input.afterPeriod'],
    [
      'a period without a measurement',
      { beforePeriod: '2020-01', afterPeriod: '2026-09' },
      'input.beforePeriod',
    ],
    ['a reaction score above 100', { reactionScore: 101 }, 'input.reactionScore'],
  ])('refuses %s with BAD_USER_INPUT', async (_, overrides, field) => {
    const indicatorId = toGlobalId('PerformanceIndicator', 'medan', responseTime?.id ?? '');
    const input: Record<string, unknown> = { programId, ...overrides };
    if ('beforePeriod' in overrides || 'indicatorId' in overrides) input.indicatorId = indicatorId;
    const before = await tableSnapshot(app);
    const res = await app.request(EVALUATE, { input }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('is for administrators, and lists the evaluations on the program', async () => {
    const denied = await app.request(
      EVALUATE,
      { input: { programId, reactionScore: 90 } },
      headOf('medan-dinkes'),
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await app.request<{
      trainingProgram: { evaluations: { totalCount: number; edges: { node: { kind: string } }[] } };
    }>(
      'query($id: ID!) { trainingProgram(id: $id) { evaluations(first: 10) { totalCount edges { node { kind } } } } }',
      { id: programId },
      headOf('medan-dinkes'),
    );
    expect(listed.data?.trainingProgram.evaluations.totalCount).toBe(5);
    const programOnly = await app.request<{ evaluations: { edges: { node: { kind: string } }[] } }>(
      '{ evaluations(filter: { kind: PROGRAM }, first: 50) { edges { node { kind } } } }',
      {},
      headOf('medan-dinkes'),
    );
    expect(new Set(programOnly.data?.evaluations.edges.map((e) => e.node.kind))).toEqual(
      new Set(['PROGRAM']),
    );
  });
});
