/**
 * Lambda on the table's stream (new feed entries, endpoint and replay changes) and on a
 * five-minute schedule (the safety net: every endpoint's cursor is checked, so a missed stream
 * batch only delays deliveries). Queues deliveries in feed order on the SQS FIFO queue.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createDeps } from '../composition/create-deps';
import { loadConfig } from '../config/load-config';
import { createSqsDeliveryQueue } from '../data/sqs-delivery-queue';
import { createWebhookRuntime } from '../webhooks/webhook-runtime';

const config = loadConfig(process.env);
if (!config.webhooks.queueUrl) throw new Error('Invalid configuration: WEBHOOK_QUEUE_URL is required');
// It only queues deliveries: no cursors, no secrets, no tokens (see src/composition/keyless.ts).
const deps = createDeps(config, { entryPoint: 'webhook-fan-out' });
const { fanOut } = createWebhookRuntime(deps, { queue: createSqsDeliveryQueue(config.webhooks.queueUrl) });

/** The partners a stream batch concerns (every record the filter lets through names one). */
export function partnersOf(event: DynamoDBStreamEvent): string[] {
  const partners = event.Records.map((r) => r.dynamodb?.NewImage?.partnerId?.S).filter((p): p is string =>
    Boolean(p),
  );
  return [...new Set(partners)];
}

export const handler = async (
  event: DynamoDBStreamEvent | { source?: string },
): Promise<{ queued: number }> => {
  let queued = 0;
  if ('Records' in event)
    for (const partnerId of partnersOf(event)) queued += await fanOut.partner(partnerId);
  else queued = await fanOut.all();
  deps.logger.info('webhook fan-out', { queued });
  return { queued };
};
