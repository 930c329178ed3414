import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DeliveryAttempt, WebhookDelivery } from '../domain/webhooks/webhook-delivery';
import { METRIC } from '../observability/metric-catalog';

/**
 * The dispatcher's `onAttempt` that counts each webhook delivered (an attempt the partner
 * answered with 2xx) as WebhookDeliveries; failed attempts are retried and counted when they
 * succeed. The handler publishes the counts once per invocation.
 */
export function countDeliveries(
  metrics: Metrics,
): (delivery: WebhookDelivery, attempt: DeliveryAttempt) => void {
  return (_delivery, attempt) => {
    if (attempt.outcome === 'SUCCESS') metrics.addMetric(METRIC.webhookDeliveries, MetricUnit.Count, 1);
  };
}
