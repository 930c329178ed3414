/**
 * The ports of imports through the API, implemented in src/data/imports (S3 in AWS) and
 * src/local (the local server's upload route and DATA_DIR/uploads).
 */
import type { Readable } from 'node:stream';
import type { ImportJob } from './import-job';

/** Where and how the admin's client sends the file. */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the request must carry. */
  headers: Record<string, string>;
  expiresAt: string;
  /** Local uploads: hash of the URL's one-time token, kept on the job. */
  tokenHash?: string | undefined;
}

/**
 * Issues upload URLs (a port: src/data/imports/s3-upload-targets.ts presigns S3 PUTs in AWS,
 * src/local/local-upload-targets.ts points at the local server's upload route).
 */
export interface UploadTargets {
  targetFor(job: ImportJob, expiresAt: Date): Promise<UploadTarget>;
}

/** Where uploaded files are kept (S3 in AWS, DATA_DIR/uploads locally). */
export interface ImportFiles {
  open(key: string): Promise<Readable>;
  /** Bytes of the stored object, or undefined when it is not there. */
  size(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
}
