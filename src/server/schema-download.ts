import { typeDefs } from '../generated/type-defs';
import { etagOf } from './playground-assets';

/** The served schema as SDL, for `GET /graphql/schema.graphql` (client generators, the playground). */
export interface SchemaDocument {
  sdl: string;
  etag: string;
}

let document: SchemaDocument | undefined;

/**
 * The served schema's SDL with every description: the generated type definitions the server is
 * built from (printing the executable schema would lose the descriptions of custom scalars), the
 * same text as the committed schema.graphql (tests/integration/schema-download-route.test.ts).
 */
export function schemaDocument(): SchemaDocument {
  if (!document) {
    const sdl = typeDefs.endsWith('\n') ? typeDefs : `${typeDefs}\n`;
    document = { sdl, etag: etagOf(sdl) };
  }
  return document;
}
