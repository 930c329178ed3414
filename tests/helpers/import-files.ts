import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ImportKind } from '../../src/domain/onboarding/columns';
import type { ImportMode } from '../../src/domain/onboarding/import-report';
import { importDepsOf } from '../../src/import/import-deps';
import { importFile } from '../../src/import/import-file';
import type { TestApp } from './test-app';

/** The temp dirs this test file made, removed after its tests (a run makes hundreds). */
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A file with these bytes in a fresh temp dir; returns its path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'import-test-'));
  made.push(dir);
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Imports a file on disk into an agency of the app's table, as the CLI does. */
export function importPath(
  app: TestApp,
  agencyId: string,
  kind: ImportKind,
  path: string,
  options: { mode?: ImportMode; dryRun?: boolean } = {},
) {
  return importFile(importDepsOf(app.deps), {
    agencyId,
    kind,
    mode: options.mode ?? 'ALL_OR_NOTHING',
    dryRun: options.dryRun ?? false,
    open: async () => createReadStream(path),
  });
}

/** Imports CSV text (UTF-8 unless given as bytes). */
export async function importCsv(
  app: TestApp,
  agencyId: string,
  kind: ImportKind,
  content: string | Buffer,
  options: { mode?: ImportMode; dryRun?: boolean } = {},
) {
  return importPath(app, agencyId, kind, await tempFile(`${kind}.csv`, content), options);
}
