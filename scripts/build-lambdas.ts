/**
 * Builds the Lambda bundles into `dist/lambda/<name>/index.mjs` with esbuild's JS API and the
 * same options the CDK NodejsFunction uses (infra/lambda-bundling.ts), for tests and benchmarks.
 * Fails if a bundle holds more than one copy of graphql.
 *
 * Run directly: `npm run build:lambdas` (all) or `npx tsx scripts/build-lambdas.ts graphql`.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptionsFor, LAMBDA_ENTRIES, type LambdaName, PROJECT_ROOT } from '../infra/lambda-bundling';

/** One built bundle. */
export interface LambdaBuild {
  name: LambdaName;
  /** The bundle (`index.mjs`); its source map is beside it. */
  outFile: string;
  /** Size of `index.mjs` in bytes (no source map). */
  bytes: number;
  /** The esbuild metafile, also written as `index.meta.json`. */
  metafile: Metafile;
}

/** Options of {@link buildLambdas}. */
export interface BuildLambdasOptions {
  names?: LambdaName[];
  /** Default `dist/lambda`. */
  outRoot?: string;
}

/** The default output root, `dist/lambda`. */
export const DEFAULT_LAMBDA_OUT_ROOT: string = join(PROJECT_ROOT, 'dist', 'lambda');

/** Builds the named bundles (default: all) in parallel. */
export async function buildLambdas(options: BuildLambdasOptions = {}): Promise<LambdaBuild[]> {
  const names = options.names ?? (Object.keys(LAMBDA_ENTRIES) as LambdaName[]);
  const outRoot = resolve(options.outRoot ?? DEFAULT_LAMBDA_OUT_ROOT);
  return Promise.all(names.map((name) => buildOne(name, join(outRoot, name))));
}

async function buildOne(name: LambdaName, outDir: string): Promise<LambdaBuild> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build(esbuildOptionsFor(name, outDir));
  const metafile = result.metafile as Metafile;
  const copies = graphqlCopies(metafile);
  if (copies.length > 1) {
    throw new Error(`Bundle ${name} holds ${copies.length} copies of graphql: ${copies.join(', ')}`);
  }
  await writeFile(join(outDir, 'index.meta.json'), JSON.stringify(metafile));
  const outFile = join(outDir, 'index.mjs');
  return { name, outFile, bytes: (await stat(outFile)).size, metafile };
}

/**
 * The distinct graphql builds a bundle pulls in, as `<package dir> (<extension>)`: graphql ships a
 * CommonJS (`.js`) and an ESM (`.mjs`) build side by side, and each installed copy counts.
 */
export function graphqlCopies(metafile: Metafile): string[] {
  const copies = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/graphql)\/.*\.(m?js)$/.exec(input);
    if (match) copies.add(`${match[1]} (.${match[2]})`);
  }
  return [...copies].sort();
}

async function printBuilds(names: LambdaName[] | undefined): Promise<void> {
  const started = performance.now();
  const builds = await buildLambdas(names ? { names } : {});
  for (const b of builds) {
    console.log(`${b.name.padEnd(24)} ${(b.bytes / 1024).toFixed(1).padStart(9)} KiB  ${b.outFile}`);
  }
  console.log(`built ${builds.length} bundle(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  for (const arg of args) {
    if (!(arg in LAMBDA_ENTRIES))
      throw new Error(`Unknown bundle ${arg}; one of ${Object.keys(LAMBDA_ENTRIES)}`);
  }
  await printBuilds(args.length > 0 ? (args as LambdaName[]) : undefined);
}
