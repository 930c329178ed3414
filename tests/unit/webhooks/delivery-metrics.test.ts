import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryAttempt, WebhookDelivery } from '../../../src/domain/webhooks/webhook-delivery';
import { createJobMetrics } from '../../../src/observability/job-metrics';
import { WEBHOOK_METRIC_SERVICE } from '../../../src/observability/metric-catalog';
import { countDeliveries } from '../../../src/webhooks/delivery-metrics';

const attempt = (outcome: DeliveryAttempt['outcome']): DeliveryAttempt => ({
  at: '2026-12-02T00:00:00.000Z',
  round: 1,
  outcome,
  latencyMs: 12,
});

describe('webhook delivery metrics', () => {
  afterEach(() => vi.restoreAllMocks());

  it('counts the attempts a partner answered with success as WebhookDeliveries, under service webhooks', () => {
    const metrics = createJobMetrics({ service: WEBHOOK_METRIC_SERVICE, stage: 'prod' });
    const onAttempt = countDeliveries(metrics);
    const delivery = {} as WebhookDelivery;
    onAttempt(delivery, attempt('SUCCESS'));
    onAttempt(delivery, attempt('HTTP_ERROR'));
    onAttempt(delivery, attempt('TIMEOUT'));
    onAttempt(delivery, attempt('SUCCESS'));

    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    metrics.publishStoredMetrics();
    vi.restoreAllMocks();

    const [record] = written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(record).toMatchObject({ service: 'webhooks', stage: 'prod' });
    const counted = ([] as number[]).concat(record.WebhookDeliveries).reduce((a, b) => a + b, 0);
    expect(counted).toBe(2);
  });

  it('counts nothing when no attempt succeeded', () => {
    const metrics = createJobMetrics({ service: WEBHOOK_METRIC_SERVICE, stage: 'dev' });
    countDeliveries(metrics)({} as WebhookDelivery, attempt('HTTP_ERROR'));
    expect(metrics.hasStoredMetrics()).toBe(false);
  });
});
