/**
 * Lambda on the SQS FIFO delivery queue: one attempt per message. A message to retry is hidden
 * for its backoff delay (ChangeMessageVisibility) and reported failed, which holds back the rest
 * of its group (later changes of the same enrollment) and nothing else.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDeps } from '../composition/create-deps';
import { deployedSecrets } from '../composition/request-auth';
import { loadConfig } from '../config/load-config';
import { createSqsDeliveryQueue } from '../data/sqs-delivery-queue';
import type { DeliveryMessage } from '../domain/webhooks/delivery-message';
import { createJobMetrics } from '../observability/job-metrics';
import { WEBHOOK_METRIC_SERVICE } from '../observability/metric-catalog';
import { countDeliveries } from '../webhooks/delivery-metrics';
import { createWebhookRuntime } from '../webhooks/webhook-runtime';

const config = loadConfig(process.env);
if (!config.webhooks.queueUrl) throw new Error('Invalid configuration: WEBHOOK_QUEUE_URL is required');
// It renders payloads (cursors) and opens sealed signing secrets: the deployment's secrets, no tokens.
const deps = createDeps(config, {
  entryPoint: 'webhook-dispatcher',
  secrets: await deployedSecrets(config, { webhookKey: 'required' }),
});
const queue = createSqsDeliveryQueue(config.webhooks.queueUrl);
// Deliveries counted in CloudWatch (WebhookDeliveries, graphed on the stage's dashboard).
const metrics = config.observability.metrics
  ? createJobMetrics({ service: WEBHOOK_METRIC_SERVICE, stage: config.stage })
  : undefined;
const { dispatcher } = createWebhookRuntime(deps, {
  queue,
  ...(metrics ? { onAttempt: countDeliveries(metrics) } : {}),
});

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failed: string[] = [];
  const heldGroups = new Set<string>();
  for (const record of event.Records) {
    const group = record.attributes.MessageGroupId ?? record.messageId;
    // FIFO: once a message of a group is held back, the rest of that group in the batch waits too.
    if (heldGroups.has(group)) {
      failed.push(record.messageId);
      continue;
    }
    try {
      const outcome = await dispatcher.handle(JSON.parse(record.body) as DeliveryMessage);
      if (outcome.kind === 'done') continue;
      await queue.delay(record.receiptHandle, outcome.delayMs);
    } catch (error) {
      deps.logger.error('webhook dispatch failed; the message returns after its visibility timeout', {
        error: error as Error,
      });
    }
    failed.push(record.messageId);
    heldGroups.add(group);
  }
  if (metrics?.hasStoredMetrics()) metrics.publishStoredMetrics();
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
};
