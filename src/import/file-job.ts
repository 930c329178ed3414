import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportKind } from '../domain/onboarding/columns';
import { canTakeJob, cleanFileName, type ImportJob, isFinished } from '../domain/onboarding/import-job';
import type { ImportMode } from '../domain/onboarding/import-report';
import { newRecord } from '../domain/record';
import type { ImportJobDeps } from './run-import-job';

/** sha256 of a file's bytes, streamed. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What a CLI run of a file should do: a new job, the interrupted one resumed, or wait for a live one. */
export type FileJobStart =
  | { state: 'NEW' | 'RESUME'; job: ImportJob; fileKey: string }
  | { state: 'BUSY'; job: ImportJob };

/** The key a file's unfinished job is found by: same agency, kind, mode and bytes. */
export const fileKeyOf = (kind: ImportKind, mode: ImportMode, sha256: string) => `${kind}:${mode}:${sha256}`;

/**
 * The job of a CLI import: the unfinished job of the same file (same kind, mode and content) when
 * an earlier run was interrupted, else a new one. A job another process still holds is BUSY.
 */
export async function startFileJob(
  deps: ImportJobDeps,
  input: {
    agencyId: string;
    kind: ImportKind;
    mode: ImportMode;
    fileName: string;
    sha256: string;
    requestedBy: string;
  },
): Promise<FileJobStart> {
  const fileKey = fileKeyOf(input.kind, input.mode, input.sha256);
  const previousId = await deps.jobs.jobIdOfFile(input.agencyId, fileKey);
  const previous = previousId ? await deps.jobs.get(input.agencyId, previousId) : undefined;
  if (previous && !isFinished(previous)) {
    if (!canTakeJob(previous, deps.clock())) return { state: 'BUSY', job: previous };
    return { state: 'RESUME', job: previous, fileKey };
  }
  const now = deps.clock().toISOString();
  const job: ImportJob = {
    ...newRecord(input.agencyId, deps.newId(), now),
    kind: input.kind,
    mode: input.mode,
    dryRun: false,
    fileName: cleanFileName(input.fileName),
    status: 'QUEUED',
    requestedBy: input.requestedBy,
    fileSha256: input.sha256,
    attempts: 0,
    resumed: false,
  };
  await deps.jobs.create(job);
  await deps.jobs.pointFileAt(input.agencyId, fileKey, job.id);
  return { state: 'NEW', job, fileKey };
}
