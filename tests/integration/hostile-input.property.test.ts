import fc from 'fast-check';
import {
  buildClientSchema,
  type GraphQLField,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isLeafType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { inputArbitrary } from '../helpers/schema-arbitraries';
import {
  adminOf,
  createTestApp,
  type GraphQLResponse,
  type TestApp,
  tableSnapshot,
} from '../helpers/test-app';

/** Runs per root field: enough to meet every kind of value, few enough for a 2-core CI. */
const RUNS = 5;

/** Every answer to bad input is one of these, never INTERNAL_SERVER_ERROR. */
const TYPED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
]);

let app: TestApp;
let schema: GraphQLSchema;
let ids: fc.Arbitrary<string>;
const admin = { claims: adminOf('medan') };

beforeAll(async () => {
  app = await createTestApp();
  await seedDemoData(app.deps.table, new Date(), 'organization', { agencies: ['medan', 'palembang'] });
  // The served schema, as any client sees it: the arbitraries follow it by introspection.
  const introspection = await app.request<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
  schema = buildClientSchema(introspection.data as IntrospectionQuery);
  const real = async (agencyId: string) => {
    const units = await app.deps.repositories.organization.allUnits(agencyId);
    const employees = await app.deps.repositories.employees.list(agencyId, {}, { first: 3 });
    return [
      ...units.slice(0, 3).map((u) => toGlobalId('Unit', agencyId, u.id)),
      ...employees.edges.map((e) => toGlobalId('Employee', agencyId, e.node.id)),
    ];
  };
  const own = await real('medan');
  const otherTenant = await real('palembang');
  const hostile = [
    toGlobalId('__proto__', 'medan', 'x'),
    toGlobalId('constructor', 'medan', 'x'),
    toGlobalId('Unit', '__proto__', 'constructor'),
    toGlobalId('Unit', 'medan', 'x#Employee#y'),
    toGlobalId('Employee', 'medan', 'x'.repeat(1_500)),
    toGlobalId('Employee', 'medan', 'missing-employee'),
    toGlobalId('Unit', 'medan\u0000', 'a'),
    Buffer.from('Unit:medan').toString('base64url'),
    Buffer.from('Unit:medan:a:b').toString('base64url'),
    '!!notbase64!!',
  ];
  ids = fc.oneof(fc.constantFrom(...own), fc.constantFrom(...otherTenant), fc.constantFrom(...hostile));
}, 300_000);
afterAll(() => app.close());

/** `query($a: T!) { field(a: $a) { __typename } }` for one root field. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

function argumentsArbitrary(field: GraphQLField<unknown, unknown>) {
  return fc.record(
    Object.fromEntries(field.args.map((a) => [a.name, inputArbitrary(schema, a.type, ids)] as const)),
    { requiredKeys: [] },
  );
}

function expectTyped(res: GraphQLResponse, field: string) {
  expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500);
  for (const error of res.errors ?? []) {
    const code = String(error.extensions?.code);
    // Variables that do not fit their declared types are refused by GraphQL itself (BAD_USER_INPUT too).
    expect(TYPED.has(code), `${field}: ${code} ${error.message}`).toBe(true);
    if (code === 'BAD_USER_INPUT') expect(typeof error.extensions?.field, error.message).toBe('string');
  }
}

describe('hostile input through the full server, every root field (arguments from the served schema)', () => {
  it('answers every query with data or a typed error, never INTERNAL_SERVER_ERROR', async () => {
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields.filter((f) => f.args.length > 0)) {
      const operation = operationFor('query', field);
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary(field), async (variables) => {
          expectTyped(await app.request(operation, variables, admin), field.name);
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('refuses bad input to every mutation with a typed error and leaves the table unchanged', async () => {
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields) {
      const operation = operationFor('mutation', field);
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary(field), async (variables) => {
          const before = await tableSnapshot(app);
          const res = await app.request<Record<string, unknown>>(operation, variables, admin);
          expectTyped(res, field.name);
          if (res.errors?.length && (res.data?.[field.name] ?? null) === null)
            expect(await tableSnapshot(app), `${field.name} refused yet wrote`).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);
});
