/**
 * Writes docs/access-matrix.md from the access policy and the schema (`npm run access-matrix`).
 * A test fails while the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { typeDefs } from '../src/generated/type-defs';
import { ACCESS_MATRIX_FILE, renderAccessMatrix } from '../src/server/access-matrix';

writeFileSync(ACCESS_MATRIX_FILE, renderAccessMatrix(buildSchema(typeDefs)));
console.log(`Wrote ${ACCESS_MATRIX_FILE}`);
