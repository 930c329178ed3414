import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { importMessagesOf } from './import-messages';
import { handleImportMessage, type ImportWorkerDeps } from './import-worker';

/** Time kept in hand when a run stops at a checkpoint: the job is saved and re-queued within it. */
export const STOP_MARGIN_MS = 90_000;

/**
 * The import function's SQS handler: each message (an S3 upload notification, or a job sent back
 * to resume) runs through the worker. A job that another run holds, or a failure, is reported as
 * a batch item failure, so SQS delivers it again after the visibility timeout (and parks it in the
 * dead-letter queue after the redrive limit).
 */
export function createImportQueueHandler(deps: ImportWorkerDeps, logger: Logger) {
  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        for (const message of importMessagesOf(record.body)) {
          const { outcome, run } = await handleImportMessage(deps, message, {
            owner: context.awsRequestId,
            shouldStop: () => context.getRemainingTimeInMillis() < STOP_MARGIN_MS,
          });
          logger.info('import message handled', {
            message,
            outcome,
            state: run?.state,
            status: run?.job?.status,
          });
          if (outcome === 'RETRY') {
            batchItemFailures.push({ itemIdentifier: record.messageId });
            break;
          }
        }
      } catch (error) {
        logger.error('import message failed', { messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
