import { JobChangedError } from '../data/imports/import-job-store';
import type { JobRef } from '../domain/onboarding/import-job';
import { type ImportJob, isFinished, jobRefOfKey, uploadKeyOf } from '../domain/onboarding/import-job';
import type { ImportFiles } from '../domain/onboarding/import-ports';
import { UnusableFileError } from './file-problem';
import { failedReport } from './import-file';
import { type ImportJobDeps, type ImportJobRun, runImportJob } from './run-import-job';

export type { JobRef } from '../domain/onboarding/import-job';
export type { ImportFiles } from '../domain/onboarding/import-ports';

/** What the worker is told: a file arrived (an S3 event), or a stopped job should go on. */
export type ImportMessage = { type: 'uploaded'; objectKey: string } | ({ type: 'continue' } & JobRef);

export interface ImportWorkerDeps extends ImportJobDeps {
  files: ImportFiles;
  /** Sends the job back to the queue (it stopped near its time limit). */
  requeue(ref: JobRef): Promise<void>;
  /** Largest file taken. */
  maxBytes: number;
}

/** RETRY: deliver the message again later (the job is held by another run). */
export type WorkerOutcome = 'DONE' | 'RETRY';

/**
 * Handles one message, as the import Lambda and the local server both do: an arrived file queues
 * its job (too large: the job fails and the file is deleted), then the job runs until it finishes
 * or `shouldStop` says time is short, in which case it is sent back to the queue to resume from
 * its checkpoint. A finished job's file is deleted: the job keeps the report, not the data.
 */
export async function handleImportMessage(
  deps: ImportWorkerDeps,
  message: ImportMessage,
  options: { owner: string; shouldStop: () => boolean },
): Promise<{ outcome: WorkerOutcome; run?: ImportJobRun }> {
  const ref = message.type === 'uploaded' ? jobRefOfKey(message.objectKey) : message;
  if (!ref) return { outcome: 'DONE' };
  let job = await deps.jobs.get(ref.agencyId, ref.jobId);
  const key = uploadKeyOf(ref.agencyId, ref.jobId);
  if (!job || job.objectKey !== key) {
    // No job ordered this object: nothing may keep it.
    if (message.type === 'uploaded') await deps.files.remove(message.objectKey);
    return { outcome: 'DONE' };
  }
  if (isFinished(job)) return { outcome: 'DONE' };
  if (job.status === 'AWAITING_UPLOAD') {
    const size = await deps.files.size(key);
    if (size === undefined) return { outcome: 'DONE' };
    try {
      job = await queueOrRefuse(deps, job, size);
    } catch (error) {
      if (!(error instanceof JobChangedError)) throw error;
      job = await deps.jobs.get(ref.agencyId, ref.jobId);
    }
    if (!job || isFinished(job)) return { outcome: 'DONE' };
  }
  const run = await runImportJob(deps, ref.agencyId, ref.jobId, {
    owner: options.owner,
    open: () => deps.files.open(key),
    shouldStop: options.shouldStop,
  });
  if (run.state === 'STOPPED') await deps.requeue(ref);
  if (run.state === 'FINISHED') await deps.files.remove(key);
  if (run.state === 'SKIPPED' && run.reason === 'BUSY') return { outcome: 'RETRY', run };
  return { outcome: 'DONE', run };
}

/** An uploaded job becomes QUEUED, or FAILED (and its file deleted) when the file is over the limit. */
async function queueOrRefuse(deps: ImportWorkerDeps, job: ImportJob, size: number): Promise<ImportJob> {
  const at = deps.clock().toISOString();
  if (size <= deps.maxBytes && size > 0)
    return deps.jobs.replace(job, { ...job, status: 'QUEUED', updatedAt: at });
  const problem =
    size === 0
      ? new UnusableFileError('EMPTY', 'The file is empty.')
      : new UnusableFileError(
          'TOO_LARGE',
          `The file has ${size} bytes; at most ${deps.maxBytes} are taken. Split it.`,
        );
  const next = await deps.jobs.replace(job, {
    ...job,
    status: 'FAILED',
    report: failedReport(job, problem),
    finishedAt: at,
    updatedAt: at,
  });
  await deps.files.remove(uploadKeyOf(job.agencyId, job.id));
  return next;
}
