import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Strings an attacker tries: control and bidi characters, lone surrogates, prototype names, key separators, huge. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'line\u0007bell',
  '\u202Eevil.exe',
  'x\u2066isolate',
  'x\uD800y',
  '\uDFFF',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'medan#Unit#x',
  '#',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  'x'.repeat(3_000),
  '9'.repeat(400),
  '199913320000000000',
  '197809072010011001',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const dates = fc.oneof(
  fc.constantFrom(
    '9999-12-31',
    '0001-01-01',
    '2024-02-30',
    '2026-13-01',
    '2026-02-29',
    '1899-12-31',
    '2026-06-15',
  ),
  fc
    .date({ min: new Date('1950-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/** Arbitraries of the scalars; IDs come from `ids` (real ones of both tenants, hostile ones). */
function scalarArbitrary(name: string, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 3, arbitrary: ids }, { weight: 1, arbitrary: hostileString });
    case 'Int':
      return fc.oneof(
        fc.integer({ min: -10, max: 200 }),
        fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648),
      );
    case 'Float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2),
      );
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(dates, hostileString);
    case 'DateTime':
      return fc.oneof(
        dates.map((d) => `${d}T08:00:00Z`),
        fc.constantFrom('9999-12-31T23:59:59Z', '2026-01-01T00:00:00+14:00'),
        hostileString,
      );
    default:
      return hostileString;
  }
}

/**
 * An arbitrary of the variables' values for an input type, derived from the schema alone: a new
 * argument or input field is covered without editing any test. Non-null values are sometimes
 * null anyway, enums sometimes a value they do not have, objects sometimes lose a required field.
 */
export function inputArbitrary(
  schema: GraphQLSchema,
  type: GraphQLInputType,
  ids: fc.Arbitrary<string>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 12, arbitrary: inputArbitrary(schema, type.ofType, ids, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  const value = ((): fc.Arbitrary<unknown> => {
    if (isListType(type))
      return fc.array(inputArbitrary(schema, type.ofType, ids, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
    if (isEnumType(type))
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '__proto__') },
      );
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const record = Object.fromEntries(
        fields.map((f) => [f.name, inputArbitrary(schema, f.type, ids, depth + 1)] as const),
      );
      const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(record, { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
      );
    }
    if (isScalarType(type)) return scalarArbitrary(type.name, ids);
    return fc.constant(null);
  })();
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}
