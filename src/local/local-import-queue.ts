import type { Logger } from '@aws-lambda-powertools/logger';
import { LEASE_MS } from '../domain/onboarding/import-job';
import { handleImportMessage, type ImportMessage, type ImportWorkerDeps } from '../import/import-worker';

/**
 * The local stand-in for the import queue and function: messages run one at a time through the
 * same worker as the Lambda. A job held by another run is tried again once its lease can have
 * lapsed; a failure is logged (the job keeps its checkpoint; `importJob` shows it RUNNING until a
 * later message resumes it).
 */
export function createLocalImportQueue(
  deps: Omit<ImportWorkerDeps, 'requeue'>,
  logger: Logger,
  options: { retryAfterMs?: number } = {},
) {
  const pending: ImportMessage[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<void> | undefined;
  let stopped = false;

  const worker: ImportWorkerDeps = {
    ...deps,
    async requeue(ref) {
      pending.push({ type: 'continue', ...ref });
    },
  };

  async function drain(): Promise<void> {
    for (let message = pending.shift(); message && !stopped; message = pending.shift()) {
      try {
        const { outcome } = await handleImportMessage(worker, message, {
          owner: `local:${process.pid}`,
          shouldStop: () => stopped,
        });
        if (outcome === 'RETRY') {
          const retry = message;
          const timer = setTimeout(() => {
            timers.delete(timer);
            queue.send(retry);
          }, options.retryAfterMs ?? LEASE_MS);
          timers.add(timer);
        }
      } catch (error) {
        logger.error('local import failed', { message, error: error as Error });
      }
    }
  }

  const queue = {
    /** Queues a message; it runs after those before it. */
    send(message: ImportMessage): void {
      if (stopped) return;
      pending.push(message);
      running ??= drain().finally(() => {
        running = undefined;
        if (pending.length && !stopped) queue.send(pending.shift() as ImportMessage);
      });
    },
    /** Resolves when nothing is queued or running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** Stops after the current checkpoint; a stopped job resumes on the next start's first message. */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
  return queue;
}

export type LocalImportQueue = ReturnType<typeof createLocalImportQueue>;
