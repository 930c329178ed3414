import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jobRefOfKey } from '../domain/onboarding/import-job';
import type { ImportFiles } from '../domain/onboarding/import-ports';

/** The body was larger than allowed; nothing was kept. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/**
 * Uploaded import files under `DATA_DIR/uploads/<agency>/<job>` (the local stand-in for the
 * imports bucket). Only keys of the form `imports/<agency>/<job>` map to a path, so no key can
 * reach outside the folder.
 */
export function createLocalImportFiles(dir: string) {
  const pathOf = (key: string): string => {
    const ref = jobRefOfKey(key);
    if (!ref) throw new Error(`not an import file key: ${key}`);
    return join(dir, ref.agencyId, ref.jobId);
  };
  const files: ImportFiles & { store(key: string, body: Readable, maxBytes: number): Promise<number> } = {
    async open(key) {
      return createReadStream(pathOf(key));
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    /**
     * Streams a body to the key's file: first to a temporary file, counting bytes (over `maxBytes`:
     * stopped, deleted, UploadTooLargeError), flushed to disk, then renamed into place, so a reader
     * sees the whole file or none. Any failure (disk full, client gone) leaves nothing behind.
     */
    async store(key, body, maxBytes) {
      const target = pathOf(key);
      await mkdir(join(target, '..'), { recursive: true });
      const part = `${target}.part-${randomBytes(6).toString('hex')}`;
      let bytes = 0;
      try {
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              bytes += chunk.length;
              if (bytes > maxBytes) throw new UploadTooLargeError(maxBytes);
              yield chunk;
            }
          },
          createWriteStream(part, { flags: 'wx' }),
        );
        const handle = await open(part, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(part, target);
        return bytes;
      } catch (error) {
        await rm(part, { force: true });
        throw error;
      }
    },
  };
  return files;
}

export type LocalImportFiles = ReturnType<typeof createLocalImportFiles>;
