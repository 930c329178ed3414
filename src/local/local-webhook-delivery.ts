import type { Deps } from '../composition/create-deps';
import { createLocalDeliveryLoop } from '../webhooks/local-delivery-loop';
import { LocalDeliveryQueue } from '../webhooks/local-delivery-queue';
import { createWebhookRuntime } from '../webhooks/webhook-runtime';
import { quietDuringOutages } from './database-watch';

/**
 * Partner webhooks under `npm start`: the fan-out and dispatcher the Lambdas run, over an
 * in-process FIFO queue, stepping every 250 ms. Deliveries pending when the server last
 * stopped are queued again first.
 */
export async function startLocalWebhookDelivery(deps: Deps, say: (message: string) => void) {
  const queue = new LocalDeliveryQueue(() => deps.clock().getTime());
  const runtime = createWebhookRuntime(deps, { queue });
  const loop = createLocalDeliveryLoop({
    ...runtime,
    queue,
    webhookEndpoints: deps.repositories.webhookEndpoints,
    webhookDeliveries: deps.repositories.webhookDeliveries,
    // An outage is said once by the database watch, not at every step.
    logger: quietDuringOutages(deps.logger),
  });
  const recovered = await loop.recover();
  if (recovered > 0) say(`queued ${recovered} pending webhook deliveries again`);
  return loop.start(250);
}
