import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

/** A small budget: medan's 125 employees and 11 units exceed each limit in its own way. */
const MAX_ITEMS = 100;
const MAX_CALLS = 10;
const MAX_BYTES = 5_000;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    env: {
      RESPONSE_MAX_ITEMS_READ: String(MAX_ITEMS),
      RESPONSE_MAX_DB_CALLS: String(MAX_CALLS),
      RESPONSE_MAX_BYTES: String(MAX_BYTES),
    },
  });
  // Seeding runs outside any request: it is not budgeted (more than 100 items in one call).
  await seedDemoData(app.deps.table, new Date(), 'organization');
});
afterAll(() => app.close());

const admin = { claims: adminOf('medan') };

function expectStopped(res: GraphQLResponse, limit: string, maximum: number) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit, maximum });
  expect(res.data).toBeNull();
}

describe('the response budget, checked while a request runs', () => {
  it('answers a request within every limit', async () => {
    const res = await app.request('{ employees(first: 10) { edges { node { name } } } }', {}, admin);
    expect(res.errors).toBeUndefined();
  });

  it('stops a request that reads more DynamoDB items than its budget: no half answer', async () => {
    const res = await app.request('{ employees(first: 100) { edges { node { name } } } }', {}, admin);
    expectStopped(res, 'RESPONSE_MAX_ITEMS_READ', MAX_ITEMS);
  });

  it('refuses the DynamoDB calls past its budget before they are sent', async () => {
    // One Query for the units, then one per unit for its employees: 12 calls.
    app.counter.reset();
    const res = await app.request(
      '{ units(first: 11) { edges { node { employees(first: 1) { edges { node { name } } } } } } }',
      {},
      admin,
    );
    expectStopped(res, 'RESPONSE_MAX_DB_CALLS', MAX_CALLS);
    expect(app.counter.requests).toBeLessThanOrEqual(MAX_CALLS);
  });

  it('stops a request whose answer grows past its byte budget: the answer stays small', async () => {
    // 90 employees read in one call (within 100 items), about 90 bytes of data each.
    app.counter.reset();
    const res = await app.request(
      `{ employees(first: 90) { edges { node { name nip golongan } } }
         later: units(first: 1) { edges { node { employees(first: 1) { edges { node { name } } } } } } }`,
      {},
      admin,
    );
    expectStopped(res, 'RESPONSE_MAX_BYTES', MAX_BYTES);
    expect(JSON.stringify(res).length).toBeLessThan(1_000);
  });

  it("keeps a mutation's data when its answer goes over the budget (the change is made)", async () => {
    const res = await app.request<{ createTrainingProgram: { id: string; title: string } | null }>(
      `mutation($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id title description } }`,
      {
        input: {
          title: 'Pelatihan manajemen waktu',
          description: 'x'.repeat(4_990),
          category: 'MANAGERIAL',
          format: 'CLASSROOM',
          jp: 10,
          startDate: '2026-03-02',
          endDate: '2026-03-03',
          capacity: 20,
          costPerParticipant: 0,
          idempotencyKey: 'budget-mutation-1',
        },
      },
      admin,
    );
    expect(res.data?.createTrainingProgram?.title).toBe('Pelatihan manajemen waktu');
    expect(res.errors?.map((e) => e.extensions?.limit)).toEqual(['RESPONSE_MAX_BYTES']);
    const id = res.data?.createTrainingProgram?.id;
    const read = await app.request<{ trainingProgram: { title: string } | null }>(
      'query($id: ID!) { trainingProgram(id: $id) { title } }',
      { id },
      admin,
    );
    expect(read.data?.trainingProgram?.title).toBe('Pelatihan manajemen waktu');
  });

  it('gives every request its own budget: the next request after a refusal is served', async () => {
    await app.request('{ employees(first: 100) { edges { node { name } } } }', {}, admin);
    const res = await app.request('{ me { role } }', {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { role: 'ADMIN' } });
  });
});

describe('the byte budget over nested lists of numbers', () => {
  // Its own app: the bytes limit alone (an aggregate's reads take more calls than MAX_CALLS).
  let bytesOnly: TestApp;
  beforeAll(async () => {
    bytesOnly = await createTestApp({ env: { RESPONSE_MAX_BYTES: String(MAX_BYTES) } });
    await seedDemoData(bytesOnly.deps.table, new Date(), 'organization');
  });
  afterAll(() => bytesOnly.close());

  it('counts the numbers inside nested lists too (aggregate columns keys), not only the lists', async () => {
    // 100 years of months: 1,200 zero-filled groups, `keys` = [[0], [1], ... [1199]], about 7 KB
    // of JSON under a 5,000-byte budget, though it holds no object with fields of its own.
    const res = await bytesOnly.request(
      `{ aggregate(input: { measures: [ENROLLMENT_COUNT], groupBy: [MONTH],
          filter: { from: "1927-01-01", to: "2026-12-31" } }) { columns { keys } } }`,
      {},
      admin,
    );
    expectStopped(res, 'RESPONSE_MAX_BYTES', MAX_BYTES);
    const decade = await bytesOnly.request(
      `{ aggregate(input: { measures: [ENROLLMENT_COUNT], groupBy: [MONTH],
          filter: { from: "2017-01-01", to: "2026-12-31" } }) { columns { keys } } }`,
      {},
      admin,
    );
    expect(decade.errors).toBeUndefined();
    expect(decade.data?.aggregate).toMatchObject({ columns: { keys: expect.any(Array) } });
  });
});
