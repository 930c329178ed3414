import type { GraphQLSchema } from 'graphql';
import { PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../auth/token-claims';
import { accessOf, ROLES, type Role } from '../services/access-policy';
import { policyMismatches } from './access-guard';
import { type RootField, rootFieldsOf } from './root-fields';

/** What each role is, for the reader of the matrix. */
const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'an administrator of an agency (BKPSDM): everything in their own agency.',
  UNIT_HEAD: 'the head of a work unit: their own unit and its sub-units.',
  EMPLOYEE: 'an employee: mostly their own records.',
  PARTNER: `a partner institution with a client-credentials token (scope \`${PARTNER_READ_SCOPE}\`): enrollments in its own programs, read-only; no appraisals, no contact details. Its webhook endpoints need the scope \`${PARTNER_WEBHOOKS_SCOPE}\` too.`,
  PUBLIC: 'anyone without a token: submitting feedback only.',
};

const DENIED = '—';

/** Where the matrix lives in the repository. */
export const ACCESS_MATRIX_FILE = 'docs/access-matrix.md';

/** The first sentence of a description, on one line (a period followed by a capital ends it). */
function firstSentence(description: string | null | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  return /^.*?[.!?](?=\s+[A-Z]|$)/.exec(text)?.[0] ?? text;
}

/** A markdown table cell: no pipes or line breaks of its own. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

function table(fields: RootField[]): string[] {
  return [
    `| field | what it does | ${ROLES.join(' | ')} |`,
    `|---|---|${ROLES.map(() => '---').join('|')}|`,
    ...fields.map(
      ({ name, field }) =>
        `| \`${field.name}\` | ${cell(firstSentence(field.description))} | ${ROLES.map((role) =>
          cell(accessOf(name, role) ?? DENIED),
        ).join(' | ')} |`,
    ),
  ];
}

/**
 * docs/access-matrix.md: who may call each root field and in which scope, from ACCESS_POLICY
 * and the schema's root fields. Refuses a schema and policy that do not match field for field.
 */
export function renderAccessMatrix(schema: GraphQLSchema): string {
  const { withoutPolicy, withoutField } = policyMismatches(schema);
  if (withoutPolicy.length || withoutField.length)
    throw new Error(
      `Access policy and schema differ: without policy ${withoutPolicy.join(', ') || 'none'}; policy without field ${withoutField.join(', ') || 'none'}`,
    );
  const fields = rootFieldsOf(schema);
  return [
    '# Access matrix',
    '',
    '<!-- Generated from src/services/access-policy.ts and schema/ by `npm run access-matrix`. Do not edit by hand. -->',
    '',
    'Who may call each root field of the API, and within which scope. Where a cell says',
    `${DENIED}, the access guard refuses the role before anything runs: FORBIDDEN, or UNAUTHENTICATED`,
    "for the public, with `extensions.deniedBy: 'ACCESS_POLICY'`. Where it names a scope, the",
    'services check that scope again on every record (a record of another agency, or of a unit',
    "outside the caller's reach, is FORBIDDEN).",
    '',
    'Roles:',
    '',
    ...ROLES.map((role) => `- **${role}**: ${ROLE_DESCRIPTIONS[role]}`),
    '',
    '## Queries',
    '',
    ...table(fields.filter((f) => f.root === 'Query')),
    '',
    '## Mutations',
    '',
    ...table(fields.filter((f) => f.root === 'Mutation')),
    '',
  ].join('\n');
}
