import { buildSchema, GraphQLScalarType, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scalarResolvers } from '../../../resolvers/scalars';
import { typeDefs } from '../../../src/generated/type-defs';
import { executableSchema } from '../../../src/server/create-server';

const sdl = buildSchema(typeDefs);

describe('the Date and DateTime scalars', () => {
  it.each(['Date', 'DateTime'])(
    '%s keeps its SDL description in the served schema (introspection)',
    async (name) => {
      const expected = sdl.getType(name)?.description;
      expect(expected).toMatch(/ISO 8601/);
      const result = await graphql({
        schema: executableSchema(),
        source: `{ __type(name: "${name}") { name kind description } }`,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.__type).toEqual({ name, kind: 'SCALAR', description: expected });
    },
  );

  it('still coerce with their own checks once attached', () => {
    const date = executableSchema().getType('Date') as GraphQLScalarType;
    expect(date.parseValue('2026-03-17')).toBe('2026-03-17');
    expect(() => date.parseValue('2026-02-30')).toThrow(/Date must be a date YYYY-MM-DD/);
    const dateTime = executableSchema().getType('DateTime') as GraphQLScalarType;
    expect(dateTime.serialize(new Date('2026-03-17T01:00:00.000Z'))).toBe('2026-03-17T01:00:00.000Z');
    expect(() => dateTime.parseValue('2026-03-17T01:00:00')).toThrow(/with offset/);
  });

  it('hand over only their coercion functions, never a name or description', () => {
    for (const scalar of Object.values(scalarResolvers)) {
      expect(scalar).toBeInstanceOf(GraphQLScalarType);
      expect(Object.keys(scalar).sort()).toEqual(['parseLiteral', 'parseValue', 'serialize']);
    }
  });
});
