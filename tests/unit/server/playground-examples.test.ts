import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../../src/generated/type-defs';
import { DEFAULT_PLAYGROUND_QUERY, PLAYGROUND_EXAMPLES } from '../../../src/server/playground-examples';

const schema = buildSchema(typeDefs);

describe('the playground examples', () => {
  it.each([
    { title: 'the default query', query: DEFAULT_PLAYGROUND_QUERY, variables: undefined },
    ...PLAYGROUND_EXAMPLES,
  ])('$title is a valid operation of the schema', ({ query, variables }) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    if (variables) expect(() => JSON.parse(variables)).not.toThrow();
  });

  it('cover every audience, partners and dashboards included', () => {
    expect(new Set(PLAYGROUND_EXAMPLES.map((e) => e.audience))).toEqual(
      new Set(['Staff', 'Administrators', 'Dashboard', 'Partner', 'Public']),
    );
  });
});
