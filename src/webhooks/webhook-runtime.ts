import type { Deps } from '../composition/create-deps';
import type { DeliveryQueue } from '../domain/webhooks/delivery-message';
import type { DeliveryAttempt, WebhookDelivery } from '../domain/webhooks/webhook-delivery';
import { createHttpTransport, type DeliveryTransport } from './delivery-transport';
import { createDispatcher } from './dispatcher';
import { createFanOut } from './fan-out';
import { createChangeRenderer } from './render-change';

export interface WebhookRuntimeOptions {
  queue: DeliveryQueue;
  /** Default: the pinned, SSRF-checked HTTP transport with the configured timeout and targets. */
  transport?: DeliveryTransport;
  random?: () => number;
  onAttempt?: (delivery: WebhookDelivery, attempt: DeliveryAttempt) => void;
}

/** The fan-out and the dispatcher over one set of dependencies: what both Lambdas and `npm start` run. */
export function createWebhookRuntime(deps: Deps, options: WebhookRuntimeOptions) {
  const { repositories: repos, config, clock } = deps;
  const transport =
    options.transport ??
    createHttpTransport({
      timeoutMs: config.webhooks.timeoutMs,
      allowPrivateAddresses: config.webhooks.urlPolicy.allowPrivateAddresses,
    });
  return {
    fanOut: createFanOut({ ...repos, queue: options.queue, clock }),
    dispatcher: createDispatcher({
      webhookEndpoints: repos.webhookEndpoints,
      webhookDeliveries: repos.webhookDeliveries,
      render: createChangeRenderer(deps),
      transport,
      secretBox: deps.secretBox,
      clock,
      random: options.random,
      logger: deps.logger,
      onAttempt: options.onAttempt,
    }),
  };
}
