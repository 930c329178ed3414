import { printSchema } from 'graphql';
import { executableSchema } from './create-server';
import { etagOf } from './playground-assets';

/** The served schema as SDL, for `GET /graphql/schema.graphql` (client generators, the playground). */
export interface SchemaDocument {
  sdl: string;
  etag: string;
}

let document: SchemaDocument | undefined;

/** The printed SDL of the executable schema, with every description; printed once per process. */
export function schemaDocument(): SchemaDocument {
  if (!document) {
    const sdl = `${printSchema(executableSchema())}\n`;
    document = { sdl, etag: etagOf(sdl) };
  }
  return document;
}
