/**
 * `npm start`'s launcher: builds the local server (scripts/dev.ts and everything of ours it
 * imports) with esbuild into `node_modules/.cache/dev-server/<hash of the output>/` and runs it
 * with plain node, source maps on. Packages stay outside the build and load as node loads them.
 *
 * Why not tsx: under its loader every module of the server (ours and the packages') goes through
 * the loader's hooks on another thread, 2.5–2.8 s of CPU to load the server beside DynamoDB
 * Local's starting JVM; built in ~0.25 s and loaded without hooks, a warm start is ready about
 * 0.9 s sooner (alternating blocks of starts on one data directory). The tests, scripts and
 * `node --import tsx scripts/dev.ts` still run the same sources through tsx.
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'dev-server');
/** Builds kept beside the current one (a server still running an older build may load its chunks). */
const KEEP = 4;

/**
 * Each of our modules keeps its own location: `import.meta.url` in a source file becomes that
 * file's URL rather than the chunk's, so paths computed from it (the playground's sources, the
 * project root) are what they are under tsx.
 */
const ownLocation = {
  name: 'own-location',
  setup(esbuild) {
    // Every file is read here once (esbuild does not read it again): most pass through unchanged.
    esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

// Built as if into a sibling of the final directory: the source maps' relative paths hold there.
const staging = join(cacheDir, 'build');
const result = await build({
  entryPoints: [join(root, 'scripts', 'dev.ts')],
  outdir: staging,
  bundle: true,
  // dev.ts loads the server's chunk while DynamoDB Local's JVM starts; one file would load it first.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  write: false,
  logLevel: 'error',
  plugins: [ownLocation],
});

const hash = createHash('sha256');
for (const file of result.outputFiles) hash.update(relative(staging, file.path)).update(file.contents);
const dir = join(cacheDir, hash.digest('hex').slice(0, 16));
if (!existsSync(join(dir, 'dev.js'))) {
  // Written aside and renamed into place: two starts at once (the tests) never read half a build.
  const aside = `${dir}.${process.pid}`;
  for (const file of result.outputFiles) {
    const target = join(aside, relative(staging, file.path));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  await rename(aside, dir).catch(() => rm(aside, { recursive: true, force: true }));
  await pruneOldBuilds(dir);
}

process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(dir, 'dev.js')).href);

/** Removes all but the newest KEEP builds besides `current`. */
async function pruneOldBuilds(current) {
  const entries = await readdir(cacheDir, { withFileTypes: true });
  const builds = [];
  for (const entry of entries) {
    const path = join(cacheDir, entry.name);
    if (!entry.isDirectory() || path === current || !/^[0-9a-f]{16}$/.test(entry.name)) continue;
    builds.push({ path, mtime: (await stat(path)).mtimeMs });
  }
  builds.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of builds.slice(KEEP)) await rm(path, { recursive: true, force: true });
}
