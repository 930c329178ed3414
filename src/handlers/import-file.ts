/**
 * Import Lambda: S3 upload notifications (through SQS) and jobs it sent back to itself. Runs the
 * same import job as the CLI and the local server, stopping at a checkpoint near its timeout and
 * re-queueing the job to resume there.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { monotonicFactory } from 'ulid';
import { loadConfig } from '../config/load-config';
import { createDynamoClients } from '../data/dynamo-client';
import { createImportJobStore } from '../data/imports/import-job-store';
import { createS3ImportFiles } from '../data/imports/s3-import-files';
import { createSqsRequeue } from '../data/imports/sqs-requeue';
import { Table } from '../data/table';
import { createImportQueueHandler } from '../import/import-sqs';

const config = loadConfig(process.env);
const { bucket, queueUrl, maxBytes } = config.imports;
if (!bucket || !queueUrl)
  throw new Error('Invalid configuration: IMPORT_BUCKET and IMPORT_QUEUE_URL are required');
const logger = new Logger({ serviceName: 'pembinaan-asn-import', logLevel: config.logLevel });
const { doc } = createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
const table = new Table(doc, config.tableName);

export const handler = createImportQueueHandler(
  {
    table,
    clock: () => new Date(),
    newId: monotonicFactory(),
    jobs: createImportJobStore(table),
    auditRetentionDays: config.auditRetentionDays,
    files: createS3ImportFiles(new S3Client({ region: config.region }), bucket),
    requeue: createSqsRequeue(new SQSClient({ region: config.region }), queueUrl),
    maxBytes,
  },
  logger,
);
