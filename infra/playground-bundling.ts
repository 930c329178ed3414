/**
 * How the GraphiQL playground is bundled, declared once (as infra/lambda-bundling.ts is for the
 * Lambdas): React 19, GraphiQL 5, Monaco and its web workers into `dist/playground/` with esbuild,
 * so the API serves it without any CDN. `npm start`, the dev stage's Lambda package (infra/app.ts)
 * and the browser test build it here.
 *
 * Run directly: `npm run build:playground`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** Options of {@link buildPlayground}. */
export interface BuildPlaygroundOptions {
  outDir?: string;
  minify?: boolean;
}

/** What {@link buildPlayground} wrote: the output directory and the file names in it. */
export interface PlaygroundBuild {
  outDir: string;
  files: string[];
}

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(rootDir, 'src', 'playground');
const defaultOutDir = join(rootDir, 'dist', 'playground');
const fingerprintFile = '.fingerprint';
const require = createRequire(import.meta.url);

/** Monaco workers, each bundled to its own classic-worker script (see src/playground/monaco-workers.ts). */
const workerEntries: Record<string, string> = {
  'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
};

const sharedOptions: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  entryNames: '[name]',
  assetNames: '[name]-[hash]',
};

/** Bundles the playground app, its CSS, fonts and the Monaco workers into `outDir` (default `dist/playground`). */
export async function buildPlayground(options: BuildPlaygroundOptions = {}): Promise<PlaygroundBuild> {
  const outDir = resolve(options.outDir ?? defaultOutDir);
  const minify = options.minify ?? true;
  // Build beside the target and swap it in, so a running server or a parallel build never sees half a bundle.
  const stagingDir = `${outDir}.building-${process.pid}-${Date.now()}`;
  await mkdir(stagingDir, { recursive: true });
  try {
    await Promise.all([
      build({
        ...sharedOptions,
        entryPoints: { app: join(sourceDir, 'app.tsx') },
        outdir: stagingDir,
        format: 'esm',
        jsx: 'automatic',
        minify,
        // Fonts inline into the CSS: behind API Gateway every asset must be text (binary needs Accept headers browsers do not send).
        loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
      }),
      build({ ...sharedOptions, entryPoints: workerEntries, outdir: stagingDir, format: 'iife', minify }),
    ]);
    await writeFile(join(stagingDir, fingerprintFile), await inputFingerprint(minify));
    await rm(outDir, { recursive: true, force: true });
    await rename(stagingDir, outDir);
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  const files = (await readdir(outDir)).filter((name) => !name.startsWith('.')).sort();
  return { outDir, files };
}

/** Builds the playground into `dist/playground` unless its fingerprint says it is current; returns the directory. */
export async function ensurePlaygroundBuilt(): Promise<string> {
  const expected = await inputFingerprint(true);
  const actual = await readFile(join(defaultOutDir, fingerprintFile), 'utf8').catch(() => undefined);
  const complete = ['app.js', 'app.css', ...Object.keys(workerEntries).map((name) => `${name}.js`)].every(
    (name) => existsSync(join(defaultOutDir, name)),
  );
  if (actual === expected && complete) return defaultOutDir;
  return (await buildPlayground({ outDir: defaultOutDir, minify: true })).outDir;
}

/** Hash of the playground sources, this script and the versions of the bundled packages. */
async function inputFingerprint(minify: boolean): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`minify=${minify}\n`);
  for (const name of ['graphiql', '@graphiql/react', 'monaco-editor', 'monaco-graphql', 'react', 'esbuild']) {
    hash.update(`${name}@${await packageVersion(name)}\n`);
  }
  const inputs = [...(await listFiles(sourceDir)), fileURLToPath(import.meta.url)];
  for (const file of inputs) {
    hash.update(`${relative(rootDir, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

async function packageVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function printBuild(): Promise<void> {
  const started = performance.now();
  const { outDir, files } = await buildPlayground();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  let total = 0;
  for (const name of files) {
    const { size } = await stat(join(outDir, name));
    total += size;
    console.log(`${name.padEnd(40)} ${(size / 1024).toFixed(1).padStart(9)} KiB`);
  }
  console.log(`${'total'.padEnd(40)} ${(total / 1024).toFixed(1).padStart(9)} KiB`);
  console.log(`built ${relative(rootDir, outDir)} in ${seconds} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await printBuild();
}
