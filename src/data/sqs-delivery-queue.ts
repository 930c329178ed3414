import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  type DeliveryMessage,
  type DeliveryQueue,
  deduplicationIdOf,
  messageGroupOf,
} from '../domain/webhooks/delivery-message';

/** SQS caps a message's hidden time at 12 hours; the dispatcher waits out the rest itself. */
const MAX_VISIBILITY_SECONDS = 12 * 3600;
const BATCH = 10;

/**
 * The AWS delivery queue: an SQS FIFO queue, one message group per endpoint and enrollment (a
 * failing change holds back the later changes of its enrollment only), deduplicated per round.
 */
export function createSqsDeliveryQueue(queueUrl: string, client = new SQSClient({})) {
  return {
    /** Sends in feed order: batches of ten, one after another (order within a group holds). */
    async send(messages: DeliveryMessage[]): Promise<void> {
      for (let i = 0; i < messages.length; i += BATCH) {
        const batch = messages.slice(i, i + BATCH);
        const out = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((m, j) => ({
              Id: String(j),
              MessageBody: JSON.stringify(m),
              MessageGroupId: messageGroupOf(m),
              MessageDeduplicationId: deduplicationIdOf(m),
            })),
          }),
        );
        if (out.Failed?.length)
          throw new Error(`SQS refused ${out.Failed.length} webhook messages (${out.Failed[0]?.Code})`);
      }
    },

    /** Hides a received message (and so its group) for the delay before its next attempt. */
    async delay(receiptHandle: string, delayMs: number): Promise<void> {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, Math.ceil(delayMs / 1000))),
        }),
      );
    },
  } satisfies DeliveryQueue & Record<string, unknown>;
}
