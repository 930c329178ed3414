import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentBuild, fileStamp, recordBuild } from '../../../scripts/start-build-record.mjs';

const KEY = 'esbuild 0.0.0, node v20';
let root: string;
let cacheDir: string;
let build: string;
let sources: string[];

/** A cache with one recorded build of two source files. */
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'asn-start-record-'));
  cacheDir = join(root, 'cache');
  build = join(cacheDir, '0123456789abcdef');
  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, 'dev.js'), 'export {};');
  sources = [join(root, 'dev.ts'), join(root, 'server.ts')];
  writeFileSync(sources[0] as string, 'import "./server";');
  writeFileSync(sources[1] as string, 'export const port = 4000;');
  await recordBuild(cacheDir, build, await Promise.all(sources.map(fileStamp)), KEY);
});

describe("npm start's build record", () => {
  it('names the build while every file it was built from is unchanged', async () => {
    expect(await currentBuild(cacheDir, KEY)).toBe(build);
    expect(await currentBuild(cacheDir, KEY)).toBe(build);
  });

  it.each([
    ['a file is edited (new size)', () => writeFileSync(sources[1] as string, 'export const port = 40000;')],
    [
      'a file is touched at the same size',
      () => utimesSync(sources[1] as string, new Date(), new Date(Date.now() + 5_000)),
    ],
    ['a file is deleted', () => rmSync(sources[0] as string)],
    ['the build directory is gone', () => rmSync(build, { recursive: true })],
    ['the record is not JSON', () => writeFileSync(join(cacheDir, 'current.json'), '{"key":')],
    ['there is no record', () => rmSync(join(cacheDir, 'current.json'))],
  ])('asks for a new build when %s', async (_, change) => {
    change();
    expect(await currentBuild(cacheDir, KEY)).toBeUndefined();
  });

  it('asks for a new build under another esbuild or node', async () => {
    expect(await currentBuild(cacheDir, 'esbuild 0.0.1, node v20')).toBeUndefined();
  });

  it('keeps a record inside its cache: a directory named elsewhere is looked for in the cache', async () => {
    writeFileSync(
      join(cacheDir, 'current.json'),
      JSON.stringify({ key: KEY, dir: '../../elsewhere/0123456789abcdef', inputs: [] }),
    );
    expect(await currentBuild(cacheDir, KEY)).toBe(build);
  });
});
