/**
 * The floor bundle of the cold-start figures (DESIGN.md: `coldInitFloorMs`, `bundleFloorKb`):
 * cold-start-floor/handler.ts built with exactly the esbuild options of the deployed GraphQL
 * bundle (infra/lambda-bundling.ts), only the entry and output differ.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsFor, PROJECT_ROOT } from '../../infra/lambda-bundling';
import { DEFAULT_LAMBDA_OUT_ROOT } from '../build-lambdas';

/** The floor's entry, relative to the project root. */
export const FLOOR_ENTRY = 'scripts/bench/cold-start-floor/handler.ts';

/** Builds the floor bundle into `dist/lambda/cold-start-floor/index.mjs`: its path and size. */
export async function buildFloorBundle(
  outDir: string = join(DEFAULT_LAMBDA_OUT_ROOT, 'cold-start-floor'),
): Promise<{ outFile: string; bytes: number }> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, 'index.mjs');
  await build({
    ...esbuildOptionsFor('graphql', outDir),
    entryPoints: [join(PROJECT_ROOT, FLOOR_ENTRY)],
    outfile: outFile,
  });
  return { outFile, bytes: (await stat(outFile)).size };
}
