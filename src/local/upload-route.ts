import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImportJobStore } from '../data/imports/import-job-store';
import { uploadKeyOf } from '../domain/onboarding/import-job';
import type { LocalImportFiles } from './local-import-files';
import { UploadTooLargeError } from './local-import-files';
import type { LocalImportQueue } from './local-import-queue';
import { uploadTokenHash } from './local-upload-targets';

const ROUTE = /^\/uploads\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,64})$/;

export interface UploadRouteDeps {
  jobs: ImportJobStore;
  files: LocalImportFiles;
  queue: LocalImportQueue;
  clock: () => Date;
  maxBytes: number;
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `PUT /uploads/<agency>/<job>?token=…`: the local stand-in for a presigned S3 PUT. The token
 * must hash to the job's, the job must still wait for its file and the link must not have
 * expired; the body is capped at `maxBytes` (413, nothing kept) and stored whole or not at all;
 * then the job goes to the local import queue. Returns false for any other path.
 */
export function createUploadRoute(deps: UploadRouteDeps) {
  const uploading = new Set<string>();
  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(body));
  };
  return async function uploadRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'PUT') {
      res.setHeader('allow', 'PUT');
      answer(res, 405, { error: 'Use PUT with the file as the body.' });
      return true;
    }
    const [, agencyId, jobId] = match as unknown as [string, string, string];
    const token = url.searchParams.get('token') ?? '';
    const job = token ? await deps.jobs.get(agencyId, jobId) : undefined;
    // A wrong token and an unknown job look the same: the link reveals nothing else.
    if (!job?.uploadTokenHash || !sameHash(job.uploadTokenHash, uploadTokenHash(token))) {
      answer(res, 403, { error: 'This upload link is not valid.' });
      return true;
    }
    if (job.status !== 'AWAITING_UPLOAD' || uploading.has(job.id)) {
      answer(res, 409, { error: 'This job already has its file.' });
      return true;
    }
    if (!job.uploadExpiresAt || job.uploadExpiresAt <= deps.clock().toISOString()) {
      answer(res, 410, { error: 'This upload link has expired; order a new import.' });
      return true;
    }
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > deps.maxBytes) {
      answer(res, 413, { error: `The file is larger than ${deps.maxBytes} bytes; split it.` });
      return true;
    }
    uploading.add(job.id);
    try {
      const key = uploadKeyOf(agencyId, jobId);
      const bytes = await deps.files.store(key, req, deps.maxBytes);
      deps.queue.send({ type: 'uploaded', objectKey: key });
      answer(res, 200, { received: bytes });
    } catch (error) {
      if (error instanceof UploadTooLargeError)
        answer(res, 413, { error: `The file is larger than ${deps.maxBytes} bytes; split it.` });
      else answer(res, 500, { error: 'The file could not be stored; try again.' });
      req.resume();
    } finally {
      uploading.delete(job.id);
    }
    return true;
  };
}

export type UploadRoute = ReturnType<typeof createUploadRoute>;
