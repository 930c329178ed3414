import { type ImportJobStore, JobChangedError } from '../data/imports/import-job-store';
import {
  canTakeJob,
  type ImportJob,
  isFinished,
  LEASE_MS,
  storedReport,
} from '../domain/onboarding/import-job';
import type { ImportReport } from '../domain/onboarding/import-report';
import { importAuditEntry, recordImportAudit } from './import-audit';
import type { ImportDeps } from './import-deps';
import { importFile } from './import-file';
import type { OpenFile } from './table-file';

/** What running a job needs: the importers' deps, the job store and the audit retention. */
export interface ImportJobDeps extends ImportDeps {
  jobs: ImportJobStore;
  auditRetentionDays: number;
}

export interface RunImportJobOptions {
  /** Who runs it (a Lambda request id, `cli:<pid>`, `local:<pid>`): the lease holder. */
  owner: string;
  open: OpenFile;
  /** Asked after each checkpoint: stop there (a Lambda near its timeout, an interrupted CLI). */
  shouldStop?: () => boolean;
  onProgress?: (phase: 'validate' | 'write', rows: number) => void;
}

/** A run: finished (the job holds its report), stopped after a checkpoint (run again), or not run and why. */
export type ImportJobRun =
  | { state: 'FINISHED'; job: ImportJob; report: ImportReport }
  | { state: 'STOPPED'; job: ImportJob; report: ImportReport }
  | { state: 'SKIPPED'; reason: 'NOT_FOUND' | 'ALREADY_FINISHED' | 'NOT_UPLOADED' | 'BUSY'; job?: ImportJob };

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * Runs (or resumes) one import job under a lease: the CLI, the import Lambda and the local upload
 * route all come here. The lease is renewed at every checkpoint; a run that stops (or dies) leaves
 * the checkpoint, and the next run validates the file again and writes from the row after it.
 */
export async function runImportJob(
  deps: ImportJobDeps,
  agencyId: string,
  jobId: string,
  options: RunImportJobOptions,
): Promise<ImportJobRun> {
  const { jobs, clock } = deps;
  const found = await jobs.get(agencyId, jobId);
  if (!found) return { state: 'SKIPPED', reason: 'NOT_FOUND' };
  if (isFinished(found)) return { state: 'SKIPPED', reason: 'ALREADY_FINISHED', job: found };
  if (found.status === 'AWAITING_UPLOAD') return { state: 'SKIPPED', reason: 'NOT_UPLOADED', job: found };
  if (!canTakeJob(found, clock())) return { state: 'SKIPPED', reason: 'BUSY', job: found };
  const now = clock();
  const resuming = (found.checkpoint?.writtenThroughRow ?? 0) > 0;
  let job: ImportJob;
  try {
    job = await jobs.replace(found, {
      ...found,
      status: 'RUNNING',
      leaseOwner: options.owner,
      leaseUntil: later(now, LEASE_MS),
      attempts: found.attempts + 1,
      startedAt: found.startedAt ?? now.toISOString(),
      resumed: found.resumed || resuming,
      updatedAt: now.toISOString(),
    });
  } catch (error) {
    if (error instanceof JobChangedError) return { state: 'SKIPPED', reason: 'BUSY', job: found };
    throw error;
  }

  let result: Awaited<ReturnType<typeof importFile>>;
  try {
    result = await importFile(deps, {
      agencyId,
      kind: job.kind,
      mode: job.mode,
      dryRun: job.dryRun,
      open: options.open,
      resumeFrom: job.checkpoint,
      onProgress: options.onProgress,
      async onCheckpoint(checkpoint) {
        const at = clock();
        job = await jobs.replace(job, {
          ...job,
          checkpoint,
          leaseUntil: later(at, LEASE_MS),
          updatedAt: at.toISOString(),
        });
        return options.shouldStop?.() ? 'stop' : 'continue';
      },
    });
  } catch (error) {
    // Give the job up at once (its checkpoint stays), so a retry need not wait for the lease.
    if (!(error instanceof JobChangedError))
      await jobs.replace(job, { ...job, leaseUntil: clock().toISOString() }).catch(() => undefined);
    throw error;
  }

  const { report } = result;
  const at = clock().toISOString();
  if (!result.finished) {
    job = await jobs.replace(job, { ...job, leaseOwner: undefined, leaseUntil: undefined, updatedAt: at });
    return { state: 'STOPPED', job, report };
  }
  if (job.resumed)
    report.notes.push(
      `Resumed: this job was interrupted and continued from its last checkpoint (${job.attempts} runs).`,
    );
  if (!report.dryRun) {
    await recordImportAudit(
      deps.table,
      importAuditEntry({
        agencyId,
        id: deps.newId(),
        jobId,
        actor: { role: 'ADMIN', subject: job.requestedBy },
        fileName: job.fileName,
        report,
        now: clock(),
        retentionDays: deps.auditRetentionDays,
      }),
    );
  }
  job = await jobs.replace(job, {
    ...job,
    status: report.outcome,
    report: storedReport(report),
    leaseOwner: undefined,
    leaseUntil: undefined,
    finishedAt: at,
    updatedAt: at,
  });
  return { state: 'FINISHED', job, report };
}
