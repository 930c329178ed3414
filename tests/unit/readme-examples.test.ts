import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/generated/type-defs';

const schema = buildSchema(typeDefs);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe("the README's GraphQL examples", () => {
  it('are there, one per area at least', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((query) => [query.trim().split('\n')[0], query]))('%s... is valid', (_, query) => {
    expect(validate(schema, parse(query as string)).map((e) => e.message)).toEqual([]);
  });
});
