import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NESTED_QUERY } from '../../scripts/bench/nested-query';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await seedDemoData(app.deps.table, new Date(), 'all', { agencies: ['medan'] });
});
afterAll(() => app.close());

interface NestedResult {
  employees: {
    edges: {
      node: {
        enrollments: { edges: { node: { program: { title: string } } }[] };
        mentors: { edges: unknown[] };
      };
    }[];
  };
}

describe('cost of the nested employees -> enrollments/mentors query', () => {
  it('takes at most 4 sequential DynamoDB round trips and 8 requests, however many relations load', async () => {
    app.counter.reset();
    const res = await app.request<NestedResult>(NESTED_QUERY, {}, { claims: adminOf('medan') });
    expect(res.errors).toBeUndefined();
    const edges = res.data?.employees.edges ?? [];
    const programsLoaded = edges.reduce((n, e) => n + e.node.enrollments.edges.length, 0);
    const mentorsLoaded = edges.reduce((n, e) => n + e.node.mentors.edges.length, 0);
    // The demo data must really exercise the relations, or the counts prove nothing.
    expect(edges).toHaveLength(20);
    expect(programsLoaded).toBeGreaterThan(20);
    expect(mentorsLoaded).toBeGreaterThan(0);
    expect(app.counter.waves).toBeLessThanOrEqual(4);
    expect(app.counter.requests).toBeLessThanOrEqual(8);
    expect(app.counter.byCommand).not.toHaveProperty('GetItemCommand');
  });
});

describe('operation limits', () => {
  it('refuses a query nested deeper than the limit with QUERY_TOO_COMPLEX before running it', async () => {
    const deep = `{ employees { edges { node { unit { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    app.counter.reset();
    const res = await app.request(deep, {}, { claims: adminOf('medan') });
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
    expect(app.counter.requests).toBe(0);
  });
});
