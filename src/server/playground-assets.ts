import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** A built playground file, ready to send. */
export interface PlaygroundAsset {
  body: Buffer;
  contentType: string;
  /** Strong validator of the content, for conditional requests (the file names carry no hash). */
  etag: string;
}

/** Serves the files of the built playground directory by bare file name (`app.js`, never a path). */
export interface PlaygroundAssets {
  get(name: string): Promise<PlaygroundAsset | undefined>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A plain file name: no directory part, no `..`, not hidden (so `.fingerprint` stays private). */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Creates a reader of the built playground in `dir`; contents are cached in memory after the first read. */
export function createPlaygroundAssets(dir: string): PlaygroundAssets {
  const root = resolve(dir);
  const cache = new Map<string, Promise<PlaygroundAsset | undefined>>();

  async function load(name: string): Promise<PlaygroundAsset | undefined> {
    const path = join(root, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const contentType = CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const body = await readFile(path);
    return { body, contentType, etag: etagOf(body) };
  }

  return {
    get(name: string): Promise<PlaygroundAsset | undefined> {
      if (!SAFE_NAME.test(name) || name.includes('..')) return Promise.resolve(undefined);
      const cached = cache.get(name);
      if (cached) return cached;
      const pending = load(name).then((asset) => {
        // Only hits stay cached: a missing name costs a stat, not memory.
        if (!asset) cache.delete(name);
        return asset;
      });
      cache.set(name, pending);
      return pending;
    },
  };
}

/** A strong ETag of some content: a quoted, shortened SHA-256. */
export function etagOf(content: string | Buffer): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}
