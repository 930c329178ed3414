/**
 * DynamoDB cost of the DESIGN's nested query (20 employees, each with enrollments -> program
 * and mentorships -> mentor; the query of tests/integration/nested-query-cost.test.ts), counted
 * by the request counter on the server's DynamoDB client: requests, and waves (requests sent
 * while others are in flight share a wave, so waves are sequential round trips).
 */
import { adminClaims, type BenchApp } from './bench-app';
import { median, round, timeMs } from './statistics';

/** The DESIGN's nested query: 20 employees, each with enrollments -> program, mentorships -> mentor (also the cost test's). */
export const NESTED_QUERY = `{
  employees(first: 20) {
    totalCount
    edges { node {
      name
      enrollments(first: 20) { totalCount edges { node { status program { title jp } } } }
      mentors(first: 20) { edges { node { status mentor { name golongan } } } }
    } }
  }
}`;

interface NestedAnswer {
  employees: {
    edges: { node: { enrollments: { edges: unknown[] }; mentors: { edges: unknown[] } } }[];
  };
}

export interface NestedQueryResult {
  dynamoRoundTripsNestedQuery: number;
  dynamoRequestsNestedQuery: number;
  nestedQueryMedianMs: number;
}

/** Runs the query on the demo data of `medan` as its administrator (`runs` timed runs after one counted). */
export async function measureNestedQuery(app: BenchApp, runs = 15): Promise<NestedQueryResult> {
  const headers = app.headers(await app.token(adminClaims('medan')));
  app.counter.reset();
  const answer = await app.execute<NestedAnswer>(NESTED_QUERY, undefined, headers);
  const waves = app.counter.waves;
  const requests = app.counter.requests;
  if (answer.errors?.length) throw new Error(`Nested query failed: ${JSON.stringify(answer.errors)}`);
  const edges = answer.data?.employees.edges ?? [];
  const enrollments = edges.reduce((n, e) => n + e.node.enrollments.edges.length, 0);
  const mentors = edges.reduce((n, e) => n + e.node.mentors.edges.length, 0);
  // The counts prove nothing unless the relations were really loaded.
  if (edges.length !== 20 || enrollments <= 20 || mentors === 0)
    throw new Error(`Nested query loaded too little: ${edges.length} employees, ${enrollments} enrollments`);
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1)
    timings.push(await timeMs(() => app.execute(NESTED_QUERY, undefined, headers)));
  return {
    dynamoRoundTripsNestedQuery: waves,
    dynamoRequestsNestedQuery: requests,
    nestedQueryMedianMs: round(median(timings)),
  };
}
