import { buildASTSchema, printSchema } from 'graphql';
import { parsedSdl } from '../generated/parsed-sdl';
import { etagOf } from './playground-assets';

/** The served schema as SDL, for `GET /graphql/schema.graphql` (client generators, the playground). */
export interface SchemaDocument {
  sdl: string;
  etag: string;
}

let document: SchemaDocument | undefined;

/**
 * The served schema's SDL with every description, printed on first use from the document the
 * server is built from (a schema without resolvers: graphql-tools' scalar resolvers could drop the
 * descriptions of custom scalars). The same text as the committed schema.graphql
 * (tests/integration/schema-download-route.test.ts); the Lambda bundle carries no second copy.
 */
export function schemaDocument(): SchemaDocument {
  if (!document) {
    const sdl = `${printSchema(buildASTSchema(parsedSdl, { assumeValidSDL: true }))}\n`;
    document = { sdl, etag: etagOf(sdl) };
  }
  return document;
}
