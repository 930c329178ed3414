/**
 * Token buckets (rate limiting): a bucket holds up to `burst` tokens and refills continuously
 * at `perMinute`; each request takes one. Pure arithmetic; where buckets live is the data layer's.
 */

/** How a bucket refills: at most `burst` tokens, `perMinute` new tokens a minute. */
export interface BucketPolicy {
  burst: number;
  perMinute: number;
}

/** A bucket as stored: `tokens` (fractional) as of `refilledAt` (epoch ms). */
export interface BucketState {
  tokens: number;
  refilledAt: number;
}

/** The outcome of taking tokens: the new state, or how long until enough have come back. */
export type TakeResult =
  | { admitted: true; state: BucketState }
  | { admitted: false; retryAfterSeconds: number };

/** Fractions of a token lost to floating point must not refuse a request that has its token. */
const EPSILON = 1e-9;
const MINUTE_MS = 60_000;

/**
 * The bucket refilled up to `nowMs`: `min(burst, tokens + elapsed * rate)`; no stored bucket is
 * a full one. A clock behind the stored time (another instance's skew) adds nothing and keeps
 * the later time, so the same interval is never refilled twice.
 */
export function refill(state: BucketState | undefined, policy: BucketPolicy, nowMs: number): BucketState {
  if (!state) return { tokens: policy.burst, refilledAt: nowMs };
  const elapsed = Math.max(0, nowMs - state.refilledAt);
  return {
    tokens: Math.min(policy.burst, state.tokens + (elapsed * policy.perMinute) / MINUTE_MS),
    refilledAt: Math.max(state.refilledAt, nowMs),
  };
}

/** Whole seconds (at least 1) until a bucket with `tokens` holds `cost` again. */
export function retryAfterSeconds(tokens: number, policy: BucketPolicy, cost = 1): number {
  const missing = Math.max(0, cost - tokens);
  return Math.max(1, Math.ceil((missing * MINUTE_MS) / policy.perMinute / 1000 - EPSILON));
}

/** Takes `cost` tokens at `nowMs` if the refilled bucket has them. */
export function takeTokens(
  state: BucketState | undefined,
  policy: BucketPolicy,
  nowMs: number,
  cost = 1,
): TakeResult {
  const current = refill(state, policy, nowMs);
  if (current.tokens + EPSILON < cost) {
    return { admitted: false, retryAfterSeconds: retryAfterSeconds(current.tokens, policy, cost) };
  }
  return { admitted: true, state: { ...current, tokens: Math.max(0, current.tokens - cost) } };
}

/** When (epoch ms) the bucket is full again; from then on a missing bucket means the same. */
export function fullAt(state: BucketState, policy: BucketPolicy): number {
  const missing = Math.max(0, policy.burst - state.tokens);
  return state.refilledAt + Math.ceil((missing * MINUTE_MS) / policy.perMinute);
}
