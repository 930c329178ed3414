import type { Logger } from '@aws-lambda-powertools/logger';
import type { WebhookDeliveryRepository } from '../data/repositories/webhook-delivery-repository';
import type { WebhookEndpointRepository } from '../data/repositories/webhook-endpoint-repository';
import { admission, afterAttempt, claimProbe } from '../domain/webhooks/circuit';
import type { DeliveryMessage, DispatchOutcome } from '../domain/webhooks/delivery-message';
import { RETRY_WINDOW_MS, retryAfterMs, stepAfterFailure } from '../domain/webhooks/retry-schedule';
import type { SecretBox } from '../domain/webhooks/secret-box';
import { signedHeaders } from '../domain/webhooks/signature';
import {
  type DeliveryAttempt,
  KEPT_ATTEMPTS,
  type ParkReason,
  type WebhookDelivery,
  webhookIdOf,
} from '../domain/webhooks/webhook-delivery';
import { activeSecrets, type WebhookEndpoint } from '../domain/webhooks/webhook-endpoint';
import { secretBinding } from '../services/webhook-endpoint-service';
import type { DeliveryTransport } from './delivery-transport';
import type { ChangeRenderer } from './render-change';

export interface DispatcherDeps {
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  render: ChangeRenderer;
  transport: DeliveryTransport;
  secretBox: SecretBox;
  clock: () => Date;
  random?: () => number;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** Called after every attempt (metrics, benchmarks). */
  onAttempt?: (delivery: WebhookDelivery, attempt: DeliveryAttempt) => void;
}

/** How long a message waits when it lost a race for the probe or for the health item. */
const CONTENDED_DELAY_MS = 1_000;

/**
 * Handles one queued delivery: checks the endpoint (gone: dropped; disabled: parked) and its
 * circuit (open: wait for the probe), renders the change, signs it with every active secret,
 * POSTs it, records the attempt and the endpoint's health, and says what the queue should do:
 * done (delivered, parked, or nothing left to do) or retry after a delay. Handling a message
 * twice is harmless: only a PENDING delivery is attempted, and every write is conditional.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const { webhookEndpoints, webhookDeliveries, clock } = deps;
  const random = deps.random ?? Math.random;

  async function park(delivery: WebhookDelivery, reason: ParkReason, now: Date): Promise<DispatchOutcome> {
    const at = now.toISOString();
    await webhookDeliveries.save(
      { ...delivery, status: 'PARKED', parkedAt: at, parkReason: reason, updatedAt: at },
      delivery,
    );
    return { kind: 'done' };
  }

  /** Records an outcome in the endpoint's health (retrying a lost race); disables it after a window of failure. */
  async function recordHealth(endpoint: WebhookEndpoint, ok: boolean, now: Date): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const read = await webhookEndpoints.health(endpoint.partnerId, endpoint.id);
      const { health, disable } = afterAttempt(read, ok, now, random);
      if (!(await webhookEndpoints.saveHealth(endpoint.partnerId, endpoint.id, read, health))) continue;
      if (disable) {
        const latest = await webhookEndpoints.get(endpoint.partnerId, endpoint.id);
        if (latest?.enabled)
          await webhookEndpoints
            .update(
              {
                ...latest,
                enabled: false,
                disabledReason: 'FAILING',
                version: latest.version + 1,
                updatedAt: now.toISOString(),
              },
              latest.version,
            )
            .catch(() => undefined); // changed meanwhile: its owner acted, which wins
        deps.logger?.warn('Webhook endpoint disabled after failing for the whole retry window', {
          endpointId: endpoint.id,
        });
      }
      return;
    }
  }

  async function handle(message: DeliveryMessage): Promise<DispatchOutcome> {
    const now = clock();
    const endpoint = await webhookEndpoints.get(message.partnerId, message.endpointId);
    const delivery = await webhookDeliveries.get(message.partnerId, message.endpointId, message.sequence);
    if (!endpoint || !delivery || delivery.status !== 'PENDING') return { kind: 'done' };
    if (!endpoint.enabled) return park(delivery, 'ENDPOINT_DISABLED', now);
    const windowOver = now.getTime() - Date.parse(delivery.queuedAt) >= RETRY_WINDOW_MS;
    // Woken early (SQS caps a message's delay at 12 hours): wait out the rest.
    const due = Date.parse(delivery.nextAttemptAt ?? delivery.queuedAt) - now.getTime();
    if (due > 1000) return { kind: 'retry', delayMs: due };

    const health = await webhookEndpoints.health(endpoint.partnerId, endpoint.id);
    const admitted = admission(health, now);
    if (admitted.kind === 'wait')
      return windowOver
        ? park(delivery, 'RETRY_WINDOW_OVER', now)
        : { kind: 'retry', delayMs: admitted.delayMs };
    const probe = admitted.kind === 'probe';
    if (
      probe &&
      !(await webhookEndpoints.saveHealth(endpoint.partnerId, endpoint.id, health, claimProbe(health, now)))
    )
      return { kind: 'retry', delayMs: CONTENDED_DELAY_MS };

    const payload = await deps.render(endpoint.partnerId, delivery.sequence);
    const body = JSON.stringify(payload);
    const secrets = activeSecrets(endpoint, now).map((s) =>
      deps.secretBox.open(s.sealed, secretBinding(endpoint.partnerId, endpoint.id)),
    );
    const headers = signedHeaders(secrets, webhookIdOf(endpoint.partnerId, delivery.sequence), now, body);
    const result = await deps.transport.post(endpoint.url, headers, body);
    const ok = result.outcome === 'SUCCESS';
    const finished = clock();
    const attempt: DeliveryAttempt = {
      at: now.toISOString(),
      round: delivery.round,
      outcome: result.outcome,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      probe: probe || undefined,
    };
    deps.onAttempt?.(delivery, attempt);
    await recordHealth(endpoint, ok, finished);
    const attempts = [...delivery.attempts, attempt].slice(-KEPT_ATTEMPTS);
    const at = finished.toISOString();
    if (ok) {
      await webhookDeliveries.save(
        { ...delivery, status: 'DELIVERED', deliveredAt: at, attempts, updatedAt: at },
        delivery,
      );
      return { kind: 'done' };
    }
    const failures = delivery.failures + 1;
    const step = stepAfterFailure(
      {
        queuedAt: new Date(delivery.queuedAt),
        failedAttempts: failures,
        retryAfterMs: retryAfterMs(result.retryAfter, finished),
      },
      finished,
      random,
    );
    const failed = { ...delivery, failures, attempts, updatedAt: at };
    if (step.park) return park(failed, 'RETRY_WINDOW_OVER', finished);
    const nextAttemptAt = new Date(finished.getTime() + step.delayMs).toISOString();
    await webhookDeliveries.save({ ...failed, nextAttemptAt }, delivery);
    return { kind: 'retry', delayMs: step.delayMs };
  }

  return { handle };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
