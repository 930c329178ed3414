import type { RecordMeta } from '../record';
import type { ImportKind } from './columns';
import type { ImportCounts, ImportMode, ImportOutcome, ImportReport, RejectedCell } from './import-report';

/**
 * Where an import job is: waiting for its file, queued, being written (possibly resumed after an
 * interruption), or finished with its report's outcome.
 */
export type ImportJobStatus = 'AWAITING_UPLOAD' | 'QUEUED' | 'RUNNING' | ImportOutcome;

/** Statuses after which a job never runs again. */
export const FINISHED_STATUSES: readonly ImportJobStatus[] = ['SUCCEEDED', 'REJECTED', 'PARTIAL', 'FAILED'];

/** Where an interrupted write phase continues: rows written so far and their counts. */
export interface ImportJobCheckpoint {
  writtenThroughRow: number;
  counts: ImportCounts;
}

/** One import of one file (a CLI run, or an upload through the API and its import function). */
export interface ImportJob extends RecordMeta {
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  /** The name the admin gave (shown in reports and the audit log, never used as a path). */
  fileName: string;
  status: ImportJobStatus;
  /** Who started it: a token subject, or `cli:<user>`. */
  requestedBy: string;
  /** Where the uploaded file is kept (object key); absent for CLI jobs. */
  objectKey?: string | undefined;
  /** Upload jobs: the upload must arrive before this instant. */
  uploadExpiresAt?: string | undefined;
  /** Local uploads: sha256 of the one-time upload token (the token itself is never stored). */
  uploadTokenHash?: string | undefined;
  /** CLI jobs: sha256 of the file, so a re-run of the same file finds its unfinished job. */
  fileSha256?: string | undefined;
  checkpoint?: ImportJobCheckpoint | undefined;
  /** The worker holding the job, and until when; another may take it over after that. */
  leaseOwner?: string | undefined;
  leaseUntil?: string | undefined;
  /** Runs that started on this job (a resumed job has more than one). */
  attempts: number;
  /** The write phase was continued from a checkpoint at least once. */
  resumed: boolean;
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  /** The finished report, its rejection list cut to what an item holds. */
  report?: ImportReport | undefined;
}

/** Most rejected cells a job item keeps (an item holds at most 400 KB); the counts stay exact. */
export const MAX_STORED_REJECTIONS = 500;
/** Longest cell value a stored rejection keeps. */
const MAX_STORED_VALUE = 200;

/** The report as a job keeps it: at most 500 rejections, long values cut. */
export function storedReport(report: ImportReport): ImportReport {
  const cut = (r: RejectedCell): RejectedCell =>
    r.value.length > MAX_STORED_VALUE ? { ...r, value: `${r.value.slice(0, MAX_STORED_VALUE)}…` } : r;
  return {
    ...report,
    rejections: report.rejections.slice(0, MAX_STORED_REJECTIONS).map(cut),
    rejectionsTruncated: report.rejectionsTruncated || report.rejections.length > MAX_STORED_REJECTIONS,
  };
}

/** How long a worker holds a job between checkpoints before another may take it over. */
export const LEASE_MS = 2 * 60 * 1000;
/** How long an upload URL stays valid. */
export const UPLOAD_URL_TTL_MS = 15 * 60 * 1000;

/** Whether a worker may take the job now: not finished, and nobody holds a live lease. */
export function canTakeJob(job: Pick<ImportJob, 'status' | 'leaseUntil'>, now: Date): boolean {
  if (FINISHED_STATUSES.includes(job.status) || job.status === 'AWAITING_UPLOAD') return false;
  return !job.leaseUntil || job.leaseUntil <= now.toISOString();
}

/** Whether the job is finished. */
export const isFinished = (job: Pick<ImportJob, 'status'>): boolean => FINISHED_STATUSES.includes(job.status);

/** Safe display form of a client-given file name: its last path segment, printable, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return printable.slice(0, 200);
}

/** A job, by agency and id. */
export interface JobRef {
  agencyId: string;
  jobId: string;
}

const ID = '[A-Za-z0-9_-]{1,64}';
const KEY = new RegExp(`^imports/(${ID})/(${ID})$`);

/** Object key of a job's upload: the only keys the upload URLs allow. */
export const uploadKeyOf = (agencyId: string, jobId: string) => `imports/${agencyId}/${jobId}`;

/** The job an object key names, or undefined for any other key. */
export function jobRefOfKey(key: string): JobRef | undefined {
  const match = KEY.exec(key);
  return match ? { agencyId: match[1] as string, jobId: match[2] as string } : undefined;
}
