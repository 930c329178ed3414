import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The printed current schema (`npm run codegen`), the released baseline and the changelog. */
export const SCHEMA_FILES = {
  current: `${root}schema.graphql`,
  released: `${root}docs/schema.released.graphql`,
  changelog: `${root}CHANGELOG.md`,
} as const;

/** The three texts the release policy compares, generators' header comments left out. */
export function readSchemaFiles(): { current: string; released: string; changelog: string } {
  return {
    current: withoutHeader(readFileSync(SCHEMA_FILES.current, 'utf8')),
    released: withoutHeader(readFileSync(SCHEMA_FILES.released, 'utf8')),
    changelog: readFileSync(SCHEMA_FILES.changelog, 'utf8'),
  };
}

/** The SDL without the comment lines the generators put on top. */
export function withoutHeader(sdl: string): string {
  return sdl.replace(/^(#[^\n]*\n)+\n?/, '');
}
