import type { Logger } from '@aws-lambda-powertools/logger';
import type { WebhookDeliveryRepository } from '../data/repositories/webhook-delivery-repository';
import type { WebhookEndpointRepository } from '../data/repositories/webhook-endpoint-repository';
import type { Dispatcher } from './dispatcher';
import type { FanOut } from './fan-out';
import type { LocalDeliveryQueue } from './local-delivery-queue';

/** Delay before a message whose handling threw (DynamoDB unreachable, a rendering failure) is tried again. */
const ERROR_DELAY_MS = 5_000;

export interface LocalDeliveryLoopDeps {
  fanOut: FanOut;
  dispatcher: Dispatcher;
  queue: LocalDeliveryQueue;
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  concurrency?: number;
  logger?: Pick<Logger, 'error'>;
}

/**
 * What SQS, the fan-out Lambda and the dispatcher Lambda do in AWS, in one process: each step
 * runs the same fan-out over every partner with an endpoint, then hands every due message to the
 * same dispatcher, `concurrency` at a time. `npm start` steps on a timer with the real clock;
 * tests step with a virtual clock, jumping to the next due message (three days in milliseconds).
 */
export function createLocalDeliveryLoop(deps: LocalDeliveryLoopDeps) {
  const { fanOut, dispatcher, queue } = deps;
  const concurrency = deps.concurrency ?? 8;

  async function dispatchDue(): Promise<number> {
    let handled = 0;
    for (let batch = queue.take(concurrency); batch.length > 0; batch = queue.take(concurrency)) {
      await Promise.all(
        batch.map(async (message) => {
          try {
            queue.finish(message, await dispatcher.handle(message));
          } catch (error) {
            deps.logger?.error('Webhook dispatch failed; retrying', { error: error as Error });
            queue.finish(message, { kind: 'retry', delayMs: ERROR_DELAY_MS });
          }
        }),
      );
      handled += batch.length;
    }
    return handled;
  }

  return {
    /** Fan-out, then every message due now; returns how many were queued and handled. */
    async step(): Promise<number> {
      const queued = await fanOut.all();
      return queued + (await dispatchDue());
    },

    /** Queues again what was pending when the process stopped (the in-process queue is memory only). */
    async recover(): Promise<number> {
      let queued = 0;
      for (const endpoint of await deps.webhookEndpoints.all()) {
        const pending = await deps.webhookDeliveries.pending(endpoint.partnerId, endpoint.id);
        await queue.send(pending.map((d) => ({ ...d })));
        queued += pending.length;
      }
      return queued;
    },

    /** Steps every `intervalMs` until stopped (`npm start`). */
    start(intervalMs = 250) {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const tick = async () => {
        try {
          while ((await this.step()) > 0 && !stopped) {}
        } catch (error) {
          deps.logger?.error('Webhook fan-out failed; retrying', { error: error as Error });
        }
        if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
      };
      running = tick();
      return {
        async stop() {
          stopped = true;
          if (timer) clearTimeout(timer);
          await running;
        },
      };
    },
  };
}

export type LocalDeliveryLoop = ReturnType<typeof createLocalDeliveryLoop>;
