import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

/** Small limits, so the arithmetic of each case is plain. */
const MAX_COST = 5_000;
const MAX_TOKENS = 300;

let app: TestApp;
let units: number;
beforeAll(async () => {
  app = await createTestApp({
    env: { QUERY_MAX_COST: String(MAX_COST), QUERY_MAX_TOKENS: String(MAX_TOKENS) },
  });
  await seedDemoData(app.deps.table, new Date(), 'organization');
  units = (await app.deps.repositories.organization.allUnits('medan')).length;
});
afterAll(() => app.close());

const admin = { claims: adminOf('medan') };
const NESTED = `query Nested($n: Int) {
  employees(first: $n) { edges { node { name enrollments(first: $n) { edges { node { status } } } } } }
}`;

function expectRefusedBefore(res: Awaited<ReturnType<TestApp['request']>>, limit: string, maximum: number) {
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, maximum });
  expect(res.data ?? null).toBeNull();
}

describe('the operation cost, computed with variables and defaults before anything runs', () => {
  it('refuses nested pages of 100 x 100 given by a variable, reading nothing', async () => {
    app.counter.reset();
    const res = await app.request(NESTED, { n: 100 }, admin);
    expectRefusedBefore(res, 'QUERY_MAX_COST', MAX_COST);
    expect(res.errors?.[0]?.message).toContain(String(MAX_COST));
    expect(app.counter.requests).toBe(0);
  });

  it('answers the same operation with small pages', async () => {
    const res = await app.request(NESTED, { n: 5 }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toHaveProperty('employees.edges');
  });

  it("counts a variable's default and the default page size (no dodging by leaving `first` out)", async () => {
    const byDefault = await app.request(NESTED.replace('$n: Int', '$n: Int = 100'), {}, admin);
    expectRefusedBefore(byDefault, 'QUERY_MAX_COST', MAX_COST);
    // No `first` at all: pages of 20, so 2 + 20 x (4 + 20 x 2) = 882, within 5000; six such aliases are not.
    const one = 'employees { edges { node { name enrollments { edges { node { status } } } } } }';
    expect((await app.request(`{ ${one} }`, {}, admin)).errors).toBeUndefined();
    const six = `{ ${['a', 'b', 'c', 'd', 'e', 'f'].map((alias) => `${alias}: ${one}`).join(' ')} }`;
    expectRefusedBefore(await app.request(six, {}, admin), 'QUERY_MAX_COST', MAX_COST);
  });

  it("counts an aggregate by the groups its dimensions can form in the caller's agency", async () => {
    const capabilities = await app.request<{
      aggregateCapabilities: { dimensions: { dimension: string; valueCount: number }[] };
    }>('{ aggregateCapabilities { dimensions { dimension valueCount } } }', {}, admin);
    const count = (d: string) =>
      capabilities.data?.aggregateCapabilities.dimensions.find((x) => x.dimension === d)?.valueCount;
    // Units and one value for facts without a unit; one golongan per grade, PNS and PPPK.
    expect(count('UNIT')).toBe(units + 1);
    expect(count('GOLONGAN')).toBe(17 + 17 + 1);

    const question = (filter: string) => `query($from: Date, $to: Date) {
      aggregate(input: { measures: [ENROLLMENT_COUNT], groupBy: [UNIT, MONTH], filter: { from: $from, to: $to ${filter} } }) {
        groups { key { value } values { value } }
      } }`;
    // Ten years of months by every unit: (units + 1) x 120 groups x 7 fields each, over 5000.
    const decade = { from: '2016-01-01', to: '2025-12-31' };
    expectRefusedBefore(await app.request(question(''), decade, admin), 'QUERY_MAX_COST', MAX_COST);
    // The same question for one unit over one year: 12 groups.
    const unit = await app.request<{ units: { edges: { node: { id: string } }[] } }>(
      '{ units(first: 1) { edges { node { id } } } }',
      {},
      admin,
    );
    const unitId = unit.data?.units.edges[0]?.node.id;
    const narrow = await app.request(
      question(`, unitIds: ["${unitId}"]`),
      { from: '2025-01-01', to: '2025-12-31' },
      admin,
    );
    expect(narrow.errors).toBeUndefined();
  });

  it('counts every alias of an aggregate', async () => {
    // GOLONGAN x GENDER: 35 x 3 groups of 5 fields, 527 in all; ten aliases cost 5270.
    const input = { measures: ['ENROLLMENT_COUNT'], groupBy: ['GOLONGAN', 'GENDER'] };
    const asked = (aliases: number) =>
      `query($q: AggregateInput!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: aggregate(input: $q) { ...G }`).join(' ')} }
      fragment G on AggregateResult { groups { key { value } values { value } } }`;
    expect((await app.request(asked(9), { q: input }, admin)).errors).toBeUndefined();
    expectRefusedBefore(await app.request(asked(10), { q: input }, admin), 'QUERY_MAX_COST', MAX_COST);
  });
});

describe('the token limit', () => {
  it('refuses a document longer than the limit before parsing it in full', async () => {
    const long = `{ ${Array.from({ length: MAX_TOKENS }, () => 'me { role }').join(' ')} }`;
    app.counter.reset();
    const res = await app.request(long, {}, admin);
    expectRefusedBefore(res, 'QUERY_MAX_TOKENS', MAX_TOKENS);
    expect(app.counter.requests).toBe(0);
  });

  it('names the depth and alias limits when those refuse', async () => {
    const deep = `{ employees { edges { node { unit { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    expectRefusedBefore(await app.request(deep, {}, admin), 'QUERY_MAX_DEPTH', 12);
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `m${i}: me { role }`).join(' ')} }`;
    expectRefusedBefore(await app.request(aliases, {}, admin), 'QUERY_MAX_ALIASES', 30);
  });
});
