/**
 * When a failed webhook delivery is tried again. The schedule follows the Standard Webhooks
 * recommendation (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, ...) and stretches it so the
 * attempts cover at least three days (a partner's long weekend): the last delay repeats until
 * the window is over. Each delay gets ±20 % jitter so receivers that failed together are not
 * hit together again. After the window a delivery is parked: kept, listed, redeliverable.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay after the 1st, 2nd, ... failed attempt; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  12 * HOUR,
];

/** How long a delivery is retried, from the moment it was queued. */
export const RETRY_WINDOW_MS = 72 * HOUR;

/** The jitter band: a delay is multiplied by a factor in [1 - JITTER, 1 + JITTER). */
export const JITTER = 0.2;

/** The longest `Retry-After` honoured (a receiver cannot push a delivery out of its window). */
export const MAX_RETRY_AFTER_MS = HOUR;

/** The delay after `failedAttempts` failures (1 = the first), jittered with `random()` in [0, 1). */
export function retryDelayMs(failedAttempts: number, random: () => number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1;
  const base = RETRY_DELAYS_MS[index] as number;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/**
 * A `Retry-After` header (RFC 9110: delay in seconds or an HTTP date) as milliseconds from
 * `now`, capped at {@link MAX_RETRY_AFTER_MS}; undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d{1,10}$/.test(trimmed)
    ? Number(trimmed) * SECOND
    : Number.isNaN(Date.parse(trimmed))
      ? undefined
      : Date.parse(trimmed) - now.getTime();
  if (ms === undefined) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** What follows a failed attempt: another one after a delay, or parking. */
export type NextStep = { park: true } | { park: false; delayMs: number };

/**
 * The step after a failure: parked once the retry window since `queuedAt` is over, otherwise
 * the scheduled delay (or the receiver's `Retry-After`, when longer).
 */
export function stepAfterFailure(
  failure: { queuedAt: Date; failedAttempts: number; retryAfterMs?: number | undefined },
  now: Date,
  random: () => number,
): NextStep {
  if (now.getTime() - failure.queuedAt.getTime() >= RETRY_WINDOW_MS) return { park: true };
  const scheduled = retryDelayMs(failure.failedAttempts, random);
  return { park: false, delayMs: Math.max(scheduled, failure.retryAfterMs ?? 0) };
}
