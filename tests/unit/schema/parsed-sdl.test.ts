import { buildASTSchema, parse, printSchema, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parsedSdl } from '../../../src/generated/parsed-sdl';
import { typeDefs } from '../../../src/generated/type-defs';

// Production bundles build the schema from the parsed SDL without validating it (create-server.ts):
// this is where it is validated.
describe('the SDL parsed at codegen time', () => {
  it('passes graphql-js SDL and schema validation', () => {
    const schema = buildASTSchema(parsedSdl);
    expect(validateSchema(schema)).toEqual([]);
  });

  it('is the generated SDL: it prints the same text and holds the same definitions', () => {
    expect(printSchema(buildASTSchema(parsedSdl))).toBe(typeDefs.replace(/\n$/, ''));
    const parsed = parse(typeDefs, { noLocation: true });
    expect(parsedSdl.definitions.map((d) => ('name' in d ? d.name?.value : d.kind))).toEqual(
      parsed.definitions.map((d) => ('name' in d ? d.name?.value : d.kind)),
    );
  });
});
