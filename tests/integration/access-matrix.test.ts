import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import type { ApiClaims } from '../../src/auth/token-claims';
import { demoIdentities } from '../../src/demo/demo-identities';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { typeDefs } from '../../src/generated/type-defs';
import { DENIED_BY_ACCESS_POLICY, policyMismatches, withAccessPolicy } from '../../src/server/access-guard';
import { ACCESS_MATRIX_FILE, renderAccessMatrix } from '../../src/server/access-matrix';
import { executableSchema } from '../../src/server/create-server';
import { type RootField, rootFieldsOf } from '../../src/server/root-fields';
import { accessOf, ROLES, type Role } from '../../src/services/access-policy';
import { adminOf, createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const schema = executableSchema();
const roots = rootFieldsOf(schema);
let app: TestApp;

/** One caller per role: the demo identities (Medan; the partner usu), the public without a token. */
const identities = demoIdentities(NOW);
const claimsOf = (role: Role): ApiClaims | undefined => {
  if (role === 'PUBLIC') return undefined;
  const found = identities.find((i) =>
    role === 'PARTNER' ? i.claims.partner_id : i.claims['cognito:groups']?.includes(role),
  );
  if (!found) throw new Error(`no demo identity for ${role}`);
  return found.claims;
};

/** Global ids of real Medan records, by GraphQL type, read through the API as Medan's administrator. */
const demoIds = new Map<string, string>();

/** The type of record an ID argument or input field names. */
const ID_TYPES: Record<string, string> = {
  employeeId: 'Employee',
  employeeIds: 'Employee',
  mentorId: 'Employee',
  menteeId: 'Employee',
  ownerId: 'Employee',
  unitId: 'Unit',
  unitIds: 'Unit',
  organizerUnitId: 'Unit',
  parentId: 'Unit',
  programId: 'TrainingProgram',
  fromProgramId: 'TrainingProgram',
  evaluationId: 'Evaluation',
  enrollmentId: 'Enrollment',
  mentorshipId: 'Mentorship',
  feedbackId: 'Feedback',
  indicatorId: 'PerformanceIndicator',
  planId: 'DevelopmentPlan',
  endpointId: 'WebhookEndpoint',
  deliveryId: 'WebhookDelivery',
};

function idFor(name: string, root: RootField): string {
  // `id` of a singular query names its result type; of `updateX(input: { id })`, X; of other
  // mutations their result type (`rotateWebhookSecret` -> WebhookEndpoint); `node` an enrollment.
  const type =
    name === 'id'
      ? root.field.name === 'node'
        ? 'Enrollment'
        : root.root === 'Mutation' && root.field.name.startsWith('update')
          ? root.field.name.replace(/^update/, '')
          : getNamedType(root.field.type).name
      : ID_TYPES[name];
  const id = type ? demoIds.get(type) : undefined;
  if (!id) throw new Error(`no demo id for ${name} of ${root.name}: extend ID_TYPES`);
  return id;
}

/** A value of an input type: required fields only, real ids where an ID names a record, dummies elsewhere. */
function sampleValue(type: GraphQLInputType, name: string, root: RootField): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name, root);
  if (isListType(type)) return [sampleValue(type.ofType, name, root)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type, f.name, root)]),
    );
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idFor(name, root);
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Date':
        return '2026-10-01';
      case 'DateTime':
        return NOW.toISOString();
      default:
        return 'Contoh isian';
    }
  }
  throw new Error(`cannot synthesize ${String(type)}`);
}

/** An operation calling one root field with its required arguments (as variables), selecting `__typename`. */
function operationOf(root: RootField): { query: string; variables: Record<string, unknown> } {
  const args = root.field.args.filter((a) => isNonNullType(a.type));
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const keyword = root.root === 'Query' ? 'query' : 'mutation';
  return {
    query: `${keyword}${declared ? `(${declared})` : ''} { ${root.field.name}${passed ? `(${passed})` : ''} { __typename } }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type, a.name, root)])),
  };
}

async function collectDemoIds() {
  const res = await app.request<Record<string, { edges: { node: { id: string } }[] }>>(
    `{
      employees(first: 1) { edges { node { id } } }
      units(first: 1) { edges { node { id } } }
      trainingPrograms(first: 1, filter: { partnerCode: "usu" }) { edges { node { id } } }
      mentorships(first: 1) { edges { node { id } } }
      feedback(first: 1) { edges { node { id } } }
      performanceIndicators(first: 1) { edges { node { id } } }
      developmentPlans(first: 1) { edges { node { id } } }
      evaluations(first: 1) { edges { node { id } } }
      partners(first: 1) { edges { node { id } } }
    }`,
    {},
    { claims: adminOf('medan') },
  );
  expect(res.errors).toBeUndefined();
  const types: Record<string, string> = {
    employees: 'Employee',
    units: 'Unit',
    trainingPrograms: 'TrainingProgram',
    mentorships: 'Mentorship',
    feedback: 'Feedback',
    performanceIndicators: 'PerformanceIndicator',
    developmentPlans: 'DevelopmentPlan',
    evaluations: 'Evaluation',
    partners: 'Partner',
  };
  for (const [field, type] of Object.entries(types)) {
    const id = res.data?.[field]?.edges[0]?.node.id;
    if (!id) throw new Error(`the demo data has no ${type} in Medan`);
    demoIds.set(type, id);
  }
  const enrollments = await app.request<{
    node: { enrollments: { edges: { node: { id: string } }[] } };
  }>(
    'query($id: ID!) { node(id: $id) { ... on TrainingProgram { enrollments(first: 1) { edges { node { id } } } } } }',
    { id: demoIds.get('TrainingProgram') },
    { claims: adminOf('medan') },
  );
  const enrollment = enrollments.data?.node.enrollments.edges[0]?.node.id;
  if (!enrollment) throw new Error('the demo program of usu has no enrollment');
  demoIds.set('Enrollment', enrollment);
  // No demo endpoint exists: well-formed ids of a Medan-registered one (refused or NOT_FOUND, never a crash).
  demoIds.set('WebhookEndpoint', toGlobalId('WebhookEndpoint', 'medan', 'usu.01JC0000000000000000000000'));
  demoIds.set('WebhookDelivery', toGlobalId('WebhookDelivery', 'medan', 'usu.01JC0000000000000000000000.1'));
  // The demo data has no import jobs: a well-formed id of Medan's (read as null where allowed).
  demoIds.set('ImportJob', toGlobalId('ImportJob', 'medan', 'no-such-job'));
  // Nor follow-up actions: a well-formed id of Medan's (NOT_FOUND where allowed, never a crash).
  demoIds.set('FollowUpAction', toGlobalId('FollowUpAction', 'medan', 'no-such-action'));
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', { agencies: ['medan'] });
  await collectDemoIds();
}, 300_000);
afterAll(() => app.close());

describe('docs/access-matrix.md', () => {
  it('is what `npm run access-matrix` renders from the policy and the schema (run it after changing either)', () => {
    expect(readFileSync(ACCESS_MATRIX_FILE, 'utf8')).toBe(renderAccessMatrix(buildSchema(typeDefs)));
  });

  it('has a row for every root field, with the scope of each role or — for a refusal', () => {
    const doc = renderAccessMatrix(buildSchema(typeDefs));
    for (const { name, field } of roots) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${field.name}\` |`));
      expect(row, name).toBeDefined();
      const cells = row?.split(' | ').slice(-ROLES.length);
      expect(cells?.map((c) => c.replace(/ \|$/, ''))).toEqual(ROLES.map((r) => accessOf(name, r) ?? '—'));
    }
  });
});

describe('the access policy and the schema', () => {
  it('name the same root fields: every field has a policy and every policy entry a field', () => {
    expect(policyMismatches(schema)).toEqual({ withoutPolicy: [], withoutField: [] });
  });

  it('refuse to start a server with a root field that has no policy, or a policy for no field', () => {
    expect(() =>
      withAccessPolicy(buildSchema(`${typeDefs}\nextend type Query { secretReport: Int }`)),
    ).toThrow(/Query.secretReport has no access policy/);
    expect(() => withAccessPolicy(buildSchema('type Query { me: Int }'))).toThrow(
      /access policy for no root field/,
    );
  });
});

const cases = ROLES.flatMap((role) =>
  roots.map((root) => ({ role, root, allowed: Boolean(accessOf(root.name, role)) })),
);

describe.each(ROLES)('as %s, through the server on the demo data', (role) => {
  it.each(cases.filter((c) => c.role === role).map((c) => [c.root.name, c] as const))(
    '%s is refused by the guard exactly when the policy denies it',
    async (_, { root, allowed }) => {
      const { query, variables } = operationOf(root);
      const claims = claimsOf(role);
      const res: GraphQLResponse = await app.request(query, variables, claims ? { claims } : undefined);
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      // The synthesized operation is valid, so whatever happens comes from the resolvers.
      expect(codes, JSON.stringify(res.errors)).not.toContain('GRAPHQL_VALIDATION_FAILED');
      expect(codes, JSON.stringify(res.errors)).not.toContain('INTERNAL_SERVER_ERROR');
      const byGuard = (res.errors ?? []).filter((e) => e.extensions?.deniedBy === DENIED_BY_ACCESS_POLICY);
      if (allowed) {
        expect(byGuard, JSON.stringify(res.errors)).toEqual([]);
        return;
      }
      expect(byGuard).toHaveLength(1);
      expect(byGuard[0]).toMatchObject({
        path: [root.field.name],
        extensions: { code: role === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
      });
      expect(res.data?.[root.field.name] ?? null).toBeNull();
    },
  );
});
