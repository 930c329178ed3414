/**
 * Import Lambda: S3 upload notifications (through SQS) and jobs it sent back to itself. Runs the
 * same import job as the CLI and the local server, stopping at a checkpoint near its timeout and
 * re-queueing the job to resume there.
 */
import { createDeps } from '../composition/create-deps';
import { loadConfig } from '../config/load-config';
import { createS3ImportFiles } from '../data/imports/s3-import-files';
import { createSqsRequeue } from '../data/imports/sqs-requeue';
import { importDepsOf } from '../import/import-deps';
import { createImportQueueHandler } from '../import/import-sqs';

const config = loadConfig(process.env);
const { bucket, queueUrl, maxBytes } = config.imports;
if (!bucket || !queueUrl)
  throw new Error('Invalid configuration: IMPORT_BUCKET and IMPORT_QUEUE_URL are required');
// It reads files and writes records for no caller: no cursors, secrets or tokens (see keyless).
const deps = createDeps(config, { entryPoint: 'import' });

export const handler = createImportQueueHandler(
  {
    ...importDepsOf(deps),
    jobs: deps.repositories.importJobs,
    auditRetentionDays: config.auditRetentionDays,
    files: createS3ImportFiles(config.region, bucket),
    requeue: createSqsRequeue(config.region, queueUrl),
    maxBytes,
  },
  deps.logger,
);
