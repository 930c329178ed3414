import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { JobRef } from '../../domain/onboarding/import-job';

/** Sends a stopped job back to the import queue, to resume from its checkpoint in a fresh invocation. */
export function createSqsRequeue(region: string, queueUrl: string) {
  const sqs = new SQSClient({ region });
  return async (ref: JobRef): Promise<void> => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify({ continueImport: ref }),
      }),
    );
  };
}
