import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { buildDemoTraining } from '../../src/demo/build-training';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { DIMENSIONS } from '../../src/domain/analytics/dimensions';
import { MEASURE_NAMES } from '../../src/domain/analytics/measures';
import { quarterOf } from '../../src/domain/period';
import { callsSentDuring } from '../helpers/sent-calls';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const ADMIN = { claims: adminOf('medan') };
let app: TestApp;
let poller: StreamPoller;

interface Answer {
  aggregate: {
    asOf: string | null;
    totals: { measure: string; value: number | null }[];
    groups: {
      key: { dimension: string; value: string; label: string }[];
      values: { measure: string; value: number | null }[];
    }[];
  };
}
const AGGREGATE = `query($input: AggregateInput!) { aggregate(input: $input) { asOf totals { measure value }
  groups { key { dimension value label } values { measure value } } } }`;
const ask = (input: Record<string, unknown>, auth: Parameters<TestApp['request']>[2] = ADMIN) =>
  app.request<Answer>(AGGREGATE, { input }, auth);
const value = (group: Answer['aggregate']['groups'][number], measure: string) =>
  group.values.find((v) => v.measure === measure)?.value;

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', { rollups: true, agencies: ['medan', 'binjai'] });
  poller = await app.followStream();
}, 300_000);
afterAll(async () => {
  await poller.stop();
  await app.close();
});

describe('aggregate', () => {
  it('answers "completion rate and JP by unit and quarter for 2026, only IT programs" like a direct count', async () => {
    const res = await ask({
      measures: ['COMPLETION_RATE', 'TRAINING_HOURS', 'ENROLLMENT_COUNT'],
      groupBy: ['UNIT', 'QUARTER'],
      filter: { programCategories: ['IT'], from: '2026-01-01', to: '2026-12-31' },
    });
    expect(res.errors).toBeUndefined();
    const programs = new Map(training.programs.map((p) => [p.id, p]));
    const expected = new Map<string, { completed: number; finished: number; jp: number; n: number }>();
    for (const e of training.enrollments) {
      const p = programs.get(e.programId);
      if (e.agencyId !== 'medan' || p?.category !== 'IT' || !p.startDate.startsWith('2026')) continue;
      const key = `${e.unitId} 2026-Q${quarterOf(p.startDate)}`;
      const g = expected.get(key) ?? { completed: 0, finished: 0, jp: 0, n: 0 };
      g.n += 1;
      g.jp += e.jpCredited;
      if (e.status === 'COMPLETED') g.completed += 1;
      if (['COMPLETED', 'DROPPED', 'NO_SHOW'].includes(e.status)) g.finished += 1;
      expected.set(key, g);
    }
    expect(expected.size).toBeGreaterThan(0);
    const groups = res.data?.aggregate.groups ?? [];
    for (const [key, g] of expected) {
      const group = groups.find((x) => `${x.key[0]?.value} ${x.key[1]?.value}` === key);
      expect(group, key).toBeDefined();
      if (!group) continue;
      expect(value(group, 'ENROLLMENT_COUNT')).toBe(g.n);
      expect(value(group, 'TRAINING_HOURS')).toBe(g.jp);
      expect(value(group, 'COMPLETION_RATE')).toBe(
        g.finished ? Math.round((g.completed / g.finished) * 10000) / 100 : null,
      );
    }
    // Every unit with data gets all four quarters of 2026, in order, with labels in Indonesian.
    const first = groups.filter((g) => g.key[0]?.value === groups[0]?.key[0]?.value);
    expect(first.map((g) => g.key[1]?.label)).toEqual([
      'Triwulan I 2026',
      'Triwulan II 2026',
      'Triwulan III 2026',
      'Triwulan IV 2026',
    ]);
    expect(groups[0]?.key[0]?.label).toMatch(/Kota Medan|Kecamatan|Kelurahan|Puskesmas/);
  });

  it('fills every month of a range with zero groups, in order', async () => {
    const res = await ask({
      measures: ['ENROLLMENT_COUNT'],
      groupBy: ['MONTH'],
      filter: { from: '2024-12-01', to: '2026-11-30' },
    });
    const months = res.data?.aggregate.groups.map((g) => g.key[0]?.value) ?? [];
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-12');
    expect(months.at(-1)).toBe('2026-11');
    expect([...months].sort()).toEqual(months);
    const total = res.data?.aggregate.groups.reduce((sum, g) => sum + (value(g, 'ENROLLMENT_COUNT') ?? 0), 0);
    expect(total).toBe(res.data?.aggregate.totals[0]?.value);
  });

  it('computes IKM from the summed answers of all responses, never an average of averages', async () => {
    const res = await ask({ measures: ['IKM', 'FEEDBACK_COUNT'], groupBy: [] });
    const ikm = res.data?.aggregate.totals.find((t) => t.measure === 'IKM')?.value;
    expect(ikm).toBeGreaterThanOrEqual(25);
    expect(ikm).toBeLessThanOrEqual(100);
    const region = await ask({ measures: ['IKM'], groupBy: ['REGION'] });
    expect(region.data?.aggregate.groups.map((g) => g.key[0]?.label)).toContain('Kecamatan Medan Belawan');
  });

  it('refuses an unsupported pair, naming the supported dimensions', async () => {
    const res = await ask({ measures: ['IKM'], groupBy: ['PROGRAM'] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupBy' });
    expect(String(res.errors?.[0]?.extensions?.reason)).toMatch(
      /IKM cannot be grouped or filtered by PROGRAM; it supports UNIT, FEEDBACK_CHANNEL, REGION/,
    );
  });

  it('refuses a combination of dimensions the rollups do not keep', async () => {
    const res = await ask({ measures: ['ENROLLMENT_COUNT'], groupBy: ['PROGRAM', 'GOLONGAN', 'GENDER'] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupBy' });
  });

  it('costs the same few DynamoDB requests whatever the number of records, in two waves', async () => {
    const question = { measures: ['COMPLETION_RATE', 'IKM', 'APPRAISAL_COUNT'], groupBy: ['UNIT', 'YEAR'] };
    // The first question also counts the agency's values for the cost limit (briefly cached).
    await ask(question);
    app.counter.reset();
    const sent = await callsSentDuring(app, async () => {
      expect((await ask(question)).errors).toBeUndefined();
    });
    // One query per family's cuboid, the units, the freshness mark.
    expect(app.counter.requests).toBeLessThanOrEqual(6);
    // The units and the freshness mark, then the cuboids: the mark read before the rollups is a
    // time every change up to which the answer includes (the aggregator advances it after them).
    expect(app.counter.waves).toBe(2);
    const mark = sent.indexOf('GetItemCommand medan#RollupWatermark');
    const firstRollup = sent.findIndex((s) => s.includes('#Rollup#'));
    expect(mark).toBeGreaterThanOrEqual(0);
    expect(firstRollup).toBeGreaterThan(mark);
  });

  /** Medan's demo enrollments counted directly by a key of each enrollment and its program. */
  function directCounts(
    keyOf: (e: (typeof training.enrollments)[number], category: string) => string | undefined,
  ) {
    const programs = new Map(training.programs.map((p) => [p.id, p]));
    const counts = new Map<string, number>();
    for (const e of training.enrollments) {
      const category = programs.get(e.programId)?.category;
      const key = e.agencyId === 'medan' && category ? keyOf(e, category) : undefined;
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
  const answerCounts = (res: { data?: Answer | null | undefined }) =>
    new Map(
      (res.data?.aggregate.groups ?? [])
        .filter((g) => (value(g, 'ENROLLMENT_COUNT') ?? 0) > 0)
        .map((g) => [g.key.map((k) => k.value).join(' '), value(g, 'ENROLLMENT_COUNT')]),
    );

  it('answers the heatmap (unit x program category x month, 24 months) like a direct count', async () => {
    const res = await ask({
      measures: ['COMPLETION_RATE', 'TRAINING_HOURS', 'ENROLLMENT_COUNT'],
      groupBy: ['UNIT', 'PROGRAM_CATEGORY', 'MONTH'],
      filter: { from: '2024-12-01', to: '2026-11-30' },
    });
    expect(res.errors).toBeUndefined();
    const expected = directCounts((e, category) => {
      const month = e.programStartDate.slice(0, 7);
      return month >= '2024-12' && month <= '2026-11' ? `${e.unitId} ${category} ${month}` : undefined;
    });
    expect(expected.size).toBeGreaterThan(20);
    expect(answerCounts(res)).toEqual(expected);
    const group = res.data?.aggregate.groups.find((g) => g.key[1]?.value === 'IT');
    expect(group?.key[1]?.label).toBe('Teknologi Informasi');
  });

  it('answers the same heatmap as columns that rebuild every group exactly, each axis value once', async () => {
    const input = {
      measures: ['COMPLETION_RATE', 'TRAINING_HOURS', 'ENROLLMENT_COUNT'],
      groupBy: ['UNIT', 'PROGRAM_CATEGORY', 'MONTH'],
      filter: { from: '2024-12-01', to: '2026-11-30' },
    };
    const res = await app.request<{
      aggregate: Answer['aggregate'] & {
        columns: {
          axes: { dimension: string; values: { value: string; label: string }[] }[];
          keys: number[][];
          series: { measure: string; values: (number | null)[] }[];
        };
      };
    }>(
      `query($input: AggregateInput!) { aggregate(input: $input) {
        groups { key { dimension value label } values { measure value } }
        columns { axes { dimension values { value label } } keys series { measure values } } } }`,
      { input },
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    const { groups, columns } = res.data?.aggregate ?? {
      groups: [],
      columns: { axes: [], keys: [], series: [] },
    };
    expect(groups.length).toBeGreaterThan(100);
    expect(columns.axes.map((a) => a.dimension)).toEqual(input.groupBy);
    expect(columns.series.map((s) => s.measure)).toEqual(input.measures);
    const rebuilt = columns.keys.map((positions, i) => ({
      key: positions.map((p, d) => ({
        dimension: columns.axes[d]?.dimension,
        ...columns.axes[d]?.values[p],
      })),
      values: columns.series.map((s) => ({ measure: s.measure, value: s.values[i] })),
    }));
    expect(rebuilt).toEqual(groups);
    for (const axis of columns.axes)
      expect(new Set(axis.values.map((v) => v.value)).size).toBe(axis.values.length);
    const months = columns.axes[2]?.values.map((v) => v.value) ?? [];
    expect(months).toHaveLength(24);
    expect([...months].sort()).toEqual(months);
  });

  it('answers columns without dimensions as one group with no axes', async () => {
    const res = await app.request<{
      aggregate: {
        totals: { value: number | null }[];
        columns: { axes: unknown[]; keys: number[][]; series: { values: (number | null)[] }[] };
      };
    }>(
      `{ aggregate(input: { measures: [ENROLLMENT_COUNT], filter: { from: "2026-01-01", to: "2026-12-31" } }) {
        totals { value } columns { axes { dimension } keys series { values } } } }`,
      {},
      ADMIN,
    );
    expect(res.errors).toBeUndefined();
    const answer = res.data?.aggregate;
    expect(answer?.columns.axes).toEqual([]);
    expect(answer?.columns.keys).toEqual([[]]);
    expect(answer?.columns.series[0]?.values).toEqual([answer?.totals[0]?.value]);
  });

  it('answers category x golongan (no cuboid stores both) through the programs, like a direct count', async () => {
    const res = await ask({
      measures: ['ENROLLMENT_COUNT'],
      groupBy: ['PROGRAM_CATEGORY', 'GOLONGAN'],
      filter: { programCategories: ['IT', 'FINANCE'] },
    });
    expect(res.errors).toBeUndefined();
    const expected = directCounts((e, category) =>
      ['IT', 'FINANCE'].includes(category) ? `${category} ${e.employeeProfile.grade}` : undefined,
    );
    expect(expected.size).toBeGreaterThan(2);
    expect(answerCounts(res)).toEqual(expected);
  });

  it('refuses to answer from rollups of an older layout (SERVICE_UNAVAILABLE) rather than mix them', async () => {
    const stale = { pk: 'medan#Rollup#ENROLLMENT#UNIT+PROGRAM', sk: '2026-03#-' };
    await app.deps.table.put({ ...stale, entity: 'Rollup', 'medan-setda~p1|enrollments': 5 });
    try {
      const res = await ask({ measures: ['ENROLLMENT_COUNT'], groupBy: ['UNIT', 'PROGRAM'] });
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.errors)).not.toContain('rebuild');
    } finally {
      await app.deps.table.batchDelete([stale]);
    }
    const res = await ask({ measures: ['ENROLLMENT_COUNT'], groupBy: ['UNIT', 'PROGRAM'] });
    expect(res.errors).toBeUndefined();
  });

  it('follows writes through the stream: a new enrollment counts in its status, a drop moves it', async () => {
    const program = training.programs.find((p) => p.agencyId === 'medan' && p.status === 'OPEN');
    const employee = org.employees.find(
      (e) =>
        e.agencyId === 'medan' &&
        e.status === 'ACTIVE' &&
        !training.enrollments.some((x) => x.employeeId === e.id && x.programId === program?.id),
    );
    if (!program || !employee) throw new Error('demo data lacks an open program');
    const programId = toGlobalId('TrainingProgram', 'medan', program.id);
    const input = {
      measures: ['ENROLLMENT_COUNT'],
      groupBy: ['ENROLLMENT_STATUS'],
      filter: { programIds: [programId] },
    };
    const counts = async () =>
      new Map(
        (await ask(input)).data?.aggregate.groups.map((g) => [g.key[0]?.value, g.values[0]?.value ?? 0]) ??
          [],
      );
    // The same through the cells that store the program's category (the aggregator reads the program).
    const byCategory = async () =>
      answerCounts(
        await ask({ measures: ['ENROLLMENT_COUNT'], groupBy: ['PROGRAM_CATEGORY', 'ENROLLMENT_STATUS'] }),
      );
    const before = await counts();
    const categoriesBefore = await byCategory();
    const enrolled = await app.request<{ enrollEmployee: { id: string; status: string } }>(
      'mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id status } }',
      { input: { programId, employeeId: toGlobalId('Employee', 'medan', employee.id) } },
      ADMIN,
    );
    const status = enrolled.data?.enrollEmployee.status ?? 'missing';
    await poller.drain();
    const after = await counts();
    expect(after.get(status)).toBe((before.get(status) ?? 0) + 1);
    await app.request(
      'mutation($input: DropEnrollmentInput!) { dropEnrollment(input: $input) { id } }',
      { input: { enrollmentId: enrolled.data?.enrollEmployee.id } },
      ADMIN,
    );
    await poller.drain();
    const dropped = await counts();
    expect(dropped.get('DROPPED')).toBe((before.get('DROPPED') ?? 0) + 1);
    const droppedKey = `${program.category} DROPPED`;
    expect(await byCategory()).toEqual(
      new Map([...categoriesBefore, [droppedKey, (categoriesBefore.get(droppedKey) ?? 0) + 1]]),
    );
    expect((await ask(input)).data?.aggregate.asOf).not.toBeNull();
  });

  it('limits a unit head to their units, and refuses employees, partners and other agencies', async () => {
    const unitHead = {
      claims: { sub: 'h', 'cognito:groups': ['UNIT_HEAD'], agency_id: 'medan', unit_id: 'medan-belawan' },
    };
    const res = await ask({ measures: ['EMPLOYEE_COUNT'], groupBy: ['UNIT'] }, unitHead);
    expect(res.errors).toBeUndefined();
    const units = new Set(res.data?.aggregate.groups.map((g) => g.key[0]?.value));
    expect(units).toEqual(new Set(['medan-belawan', 'medan-belawan1', 'medan-bagandeli', 'medan-sicanang']));
    const other = await ask(
      { measures: ['EMPLOYEE_COUNT'], filter: { unitIds: [toGlobalId('Unit', 'medan', 'medan-dinkes')] } },
      unitHead,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const employee = await ask(
      { measures: ['EMPLOYEE_COUNT'] },
      { claims: { sub: 'e', 'cognito:groups': ['EMPLOYEE'], agency_id: 'medan', employee_id: 'x' } },
    );
    expect(employee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await ask(
      { measures: ['EMPLOYEE_COUNT'], filter: { unitIds: [toGlobalId('Unit', 'medan', 'medan-dinkes')] } },
      { claims: adminOf('binjai') },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists every measure and dimension with descriptions and the supported pairs', async () => {
    const res = await app.request<{
      aggregateCapabilities: {
        measures: { measure: string; description: string; dimensions: string[] }[];
        dimensions: { dimension: string }[];
        pairs: unknown[];
      };
    }>(
      '{ aggregateCapabilities { measures { measure description dimensions timeGrain } dimensions { dimension description measures } pairs { measure dimension } combinationRule } }',
      {},
      ADMIN,
    );
    const caps = res.data?.aggregateCapabilities;
    expect(caps?.measures.map((m) => m.measure)).toEqual(MEASURE_NAMES);
    expect(caps?.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
    expect(caps?.measures.find((m) => m.measure === 'COMPLETION_RATE')?.dimensions).toEqual(
      expect.arrayContaining(['UNIT', 'REGION', 'PROGRAM_CATEGORY', 'PARTNER', 'MONTH', 'QUARTER', 'YEAR']),
    );
    expect(caps?.pairs.length).toBeGreaterThan(100);
  });
});
