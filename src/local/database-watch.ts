import type { Logger } from '@aws-lambda-powertools/logger';
import { isUnavailable } from '../data/unavailable';
import { ServiceUnavailableError } from '../errors/app-error';

/** Whether an error (or one of its causes) means the database did not answer. */
export function isDatabaseOutage(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current instanceof ServiceUnavailableError || isUnavailable(current)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The logger of `npm start`'s background loops (stream poller, sweeps, webhook delivery): errors
 * that only say "the database did not answer" are left out, since the database watch reports the
 * outage in one line; every other error is logged as it was.
 */
export function quietDuringOutages(logger: Pick<Logger, 'error'>): Pick<Logger, 'error'> {
  return {
    error(message: string, ...extra: unknown[]) {
      const [attributes] = extra as [{ error?: unknown } | undefined];
      if (isDatabaseOutage(attributes?.error)) return;
      (logger.error as (message: string, ...extra: unknown[]) => void)(message, ...extra);
    },
  } as Pick<Logger, 'error'>;
}

/**
 * Checks every `intervalMs` whether the table answers (the readiness probe of `/health`) and says
 * so in one line when that changes: when it stops answering, and when it answers again.
 */
export function watchDatabase(
  answers: () => Promise<boolean>,
  say: (line: string) => void,
  intervalMs = 1000,
) {
  let up = true;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  async function check(): Promise<boolean> {
    const now = await answers();
    if (now !== up) {
      up = now;
      say(
        now
          ? 'DynamoDB answers again; the API serves as before'
          : 'DynamoDB is not answering: requests get SERVICE_UNAVAILABLE and /health 503 until it does',
      );
    }
    return now;
  }
  const tick = async () => {
    await check();
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  return {
    /** One check now (tests; `start` checks on a timer). */
    check,
    start() {
      timer = setTimeout(tick, intervalMs);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
