/**
 * The record of `npm start`'s last build (scripts/start.mjs): the directory holding it and the
 * size and modification time of every file it was built from, each taken just before esbuild read
 * it. A start whose files all still match runs that build as it is (a warm start ~0.4 s sooner);
 * any difference (a file edited, deleted or renamed, an import added, which edits its importer, the
 * launcher, tsconfig.json, package.json, esbuild or node changed) builds again.
 *
 * Plain JavaScript, as the launcher.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const RECORD = 'current.json';

/** Size and modification time of a file, as the record keeps them. */
export async function fileStamp(path) {
  const s = await stat(path);
  return { path, size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * The build directory the record names when every file it lists is unchanged and `key` (what
 * else the build depends on) is the same; otherwise undefined.
 */
export async function currentBuild(cacheDir, key) {
  let record;
  try {
    record = JSON.parse(await readFile(join(cacheDir, RECORD), 'utf8'));
  } catch {
    return undefined;
  }
  if (record?.key !== key || !Array.isArray(record.inputs) || typeof record.dir !== 'string')
    return undefined;
  const dir = join(cacheDir, basename(record.dir));
  if (!existsSync(join(dir, 'dev.js'))) return undefined;
  for (const input of record.inputs) {
    const now = await fileStamp(input.path).catch(() => undefined);
    if (!now || now.size !== input.size || now.mtimeMs !== input.mtimeMs) return undefined;
  }
  return dir;
}

/** Records `dir` as the build of `stamps` (fileStamp of each input) under `key`. */
export async function recordBuild(cacheDir, dir, stamps, key) {
  const aside = join(cacheDir, `${RECORD}.${process.pid}`);
  await writeFile(aside, JSON.stringify({ key, dir: basename(dir), inputs: stamps }));
  // Renamed into place: a start reading the record at the same time sees the old one or this one.
  await rename(aside, join(cacheDir, RECORD));
}
