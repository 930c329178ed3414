/**
 * `npm start`'s launcher: builds the local server (scripts/dev.ts and everything of ours it
 * imports) with esbuild into `node_modules/.cache/dev-server/<hash of the output>/` and runs it
 * with plain node, source maps on. Packages stay outside the build and load as node loads them.
 * The build runs only when a file it was built from changed (scripts/start-build-record.mjs):
 * otherwise the last one runs as it is.
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
import { build, version as esbuildVersion } from 'esbuild';
import { currentBuild, fileStamp, recordBuild } from './start-build-record.mjs';

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
      // Stamped before it is read: a file changed after this point is found changed next time.
      stamps.set(args.path, await fileStamp(args.path));
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

// Built as if into a sibling of the final directory: the source maps' relative paths hold there.
const staging = join(cacheDir, 'build');
/** What a build depends on besides its inputs (the checkout too: two may share node_modules); the files of these are stamped with them. */
const key = `esbuild ${esbuildVersion}, node ${process.version}, ${root}`;
const launcherFiles = [
  'scripts/start.mjs',
  'scripts/start-build-record.mjs',
  'tsconfig.json',
  'package.json',
];
/** Stamps of the files the build read (ownLocation), by path. */
const stamps = new Map();

const dir = (await currentBuild(cacheDir, key)) ?? (await buildServer());
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(dir, 'dev.js')).href);

/** Builds the server into its directory, records the build, and returns the directory. */
async function buildServer() {
  for (const file of launcherFiles) stamps.set(join(root, file), await fileStamp(join(root, file)));
  const { outputFiles, metafile } = await bundle();
  // Files read without ownLocation (JSON): stamped now.
  for (const input of Object.keys(metafile.inputs)) {
    const path = join(root, input);
    if (!stamps.has(path)) stamps.set(path, await fileStamp(path));
  }
  const hash = createHash('sha256');
  for (const file of outputFiles) hash.update(relative(staging, file.path)).update(file.contents);
  const dir = join(cacheDir, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(dir, 'dev.js'))) {
    // Written aside and renamed into place: two starts at once (the tests) never read half a build.
    const aside = `${dir}.${process.pid}`;
    for (const file of outputFiles) {
      const target = join(aside, relative(staging, file.path));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await rename(aside, dir).catch(() => rm(aside, { recursive: true, force: true }));
    await pruneOldBuilds(dir);
  }
  await recordBuild(cacheDir, dir, [...stamps.values()], key);
  return dir;
}

/** Builds scripts/dev.ts and our modules, in memory. */
function bundle() {
  return build({
    absWorkingDir: root,
    metafile: true,
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
}

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
