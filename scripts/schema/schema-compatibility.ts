/**
 * The schema's release policy, checked by a test and by `npm run schema:release`: compared with
 * the released baseline (docs/schema.released.graphql), a breaking change passes only when
 * CHANGELOG.md's Unreleased section names its schema coordinate AND the old member stays in the
 * schema, `@deprecated(reason:)` naming its replacement in backticks.
 */
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { namesCoordinate, unreleasedSection } from './changelog';
import { deprecationOf, resolvesCoordinate } from './schema-coordinates';

/** One difference between the released and the current schema. */
export interface SchemaChange {
  /** The schema coordinate, e.g. `Employee.rank` or `Query.employees.first`. */
  coordinate: string;
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  message: string;
}

/** A breaking change the policy refuses, with every rule it misses. */
export interface PolicyViolation extends SchemaChange {
  problems: string[];
}

/** Everything that changed, and the breaking changes that are not allowed as they stand. */
export interface CompatibilityReport {
  changes: SchemaChange[];
  violations: PolicyViolation[];
}

/** Compares `current` with `released` (SDL texts) under the policy above. */
export async function checkCompatibility(input: {
  released: string;
  current: string;
  changelog: string;
}): Promise<CompatibilityReport> {
  const released = buildSchema(input.released);
  const current = buildSchema(input.current);
  const changes = (await diff(released, current)).map(toSchemaChange);
  const unreleased = unreleasedSection(input.changelog);
  const violations = changes
    .filter((change) => change.level === 'BREAKING')
    .map((change) => ({ ...change, problems: problemsOf(change.coordinate, current, unreleased) }))
    .filter((violation) => violation.problems.length > 0);
  return { changes, violations };
}

function toSchemaChange(change: Change): SchemaChange {
  return {
    coordinate: change.path ?? '(schema)',
    level: change.criticality.level as SchemaChange['level'],
    message: change.message,
  };
}

function problemsOf(coordinate: string, current: GraphQLSchema, unreleased: string): string[] {
  const problems: string[] = [];
  if (!namesCoordinate(unreleased, coordinate)) {
    problems.push(`CHANGELOG.md's [Unreleased] section does not name \`${coordinate}\``);
  }
  const deprecation = deprecationOf(current, coordinate);
  if (deprecation.kind === 'absent') {
    problems.push(
      `\`${coordinate}\` is gone: keep it, with @deprecated(reason: "Use \`<replacement>\` instead.")`,
    );
  } else if (deprecation.kind === 'type') {
    problems.push(
      `\`${coordinate}\` is a type: a type-level break cannot be deprecated; add a new type instead`,
    );
  } else if (deprecation.reason === undefined) {
    problems.push(`\`${coordinate}\` stays but is not @deprecated: deprecate it, naming its replacement`);
  } else if (!namesReplacement(deprecation.reason, deprecation.deprecated, current)) {
    problems.push(
      `the deprecation reason of \`${coordinate}\` ("${deprecation.reason}") names no replacement ` +
        'in backticks that exists in the schema',
    );
  }
  return problems;
}

/** A backticked name in the reason that resolves in the schema: a coordinate, or a sibling of the deprecated member. */
function namesReplacement(reason: string, coordinate: string, schema: GraphQLSchema): boolean {
  const parent = coordinate.split('.').slice(0, -1).join('.');
  return [...reason.matchAll(/`([A-Za-z_][\w.]*)`/g)].some(([, name]) => {
    if (!name || name === coordinate) return false;
    if (resolvesCoordinate(schema, name)) return true;
    const sibling = parent ? `${parent}.${name}` : name;
    return sibling !== coordinate && resolvesCoordinate(schema, sibling);
  });
}

/** `true` when the level is BREAKING (for printing). */
export function isBreaking(change: SchemaChange): boolean {
  return change.level === CriticalityLevel.Breaking;
}
