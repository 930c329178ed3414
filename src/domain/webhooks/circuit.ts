import { RETRY_WINDOW_MS } from './retry-schedule';

/**
 * The circuit breaker of a webhook endpoint. CLOSED: deliveries go out. After
 * {@link CIRCUIT.failureThreshold} failed attempts in a row (any deliveries) it OPENs: nothing is
 * sent, deliveries wait (their attempts are not used up) until `probeAt`; then one delivery
 * claims the probe (HALF_OPEN, under a lease so a crashed prober does not block it forever). A
 * successful probe (or any success) closes the circuit and everything resumes; a failed one
 * reopens it with the probe delay doubled, up to {@link CIRCUIT.maxProbeDelayMs}. An endpoint
 * whose circuit stays open longer than the retry window is disabled: its feed position is kept,
 * so re-enabling it continues from there.
 */
export const CIRCUIT = {
  failureThreshold: 5,
  firstProbeDelayMs: 60_000,
  maxProbeDelayMs: 30 * 60_000,
  /** Longer than a delivery attempt can take (timeouts), so a live prober keeps its claim. */
  probeLeaseMs: 30_000,
  disableAfterMs: RETRY_WINDOW_MS,
} as const;

/** Circuit state (keadaan sirkuit) of an endpoint. */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** What the dispatcher knows about an endpoint's recent deliveries. */
export interface EndpointHealth {
  state: CircuitState;
  consecutiveFailures: number;
  /** Start of the current outage (the circuit opened and has not closed since). */
  openedAt?: string | undefined;
  probeAt?: string | undefined;
  probeDelayMs?: number | undefined;
  probeLeaseUntil?: string | undefined;
  lastSuccessAt?: string | undefined;
  lastFailureAt?: string | undefined;
  delivered: number;
  failed: number;
  /** Bumped by every write; writes are conditioned on the revision they read. */
  revision: number;
}

/** A new endpoint's health: closed, nothing sent yet. */
export const HEALTHY: EndpointHealth = {
  state: 'CLOSED',
  consecutiveFailures: 0,
  delivered: 0,
  failed: 0,
  revision: 0,
};

/** Whether a delivery may be attempted now. */
export type Admission = { kind: 'go' } | { kind: 'probe' } | { kind: 'wait'; delayMs: number };

/** May a delivery go now, must it claim the probe first, or wait (how long)? */
export function admission(health: EndpointHealth, now: Date): Admission {
  const t = now.getTime();
  if (health.state === 'CLOSED') return { kind: 'go' };
  const until = Date.parse((health.state === 'OPEN' ? health.probeAt : health.probeLeaseUntil) ?? '');
  if (Number.isNaN(until) || t >= until) return { kind: 'probe' };
  return { kind: 'wait', delayMs: until - t };
}

/** The health after claiming the probe. */
export function claimProbe(health: EndpointHealth, now: Date): EndpointHealth {
  return {
    ...health,
    state: 'HALF_OPEN',
    probeLeaseUntil: new Date(now.getTime() + CIRCUIT.probeLeaseMs).toISOString(),
  };
}

/** The health after an attempt, and whether the endpoint has now failed long enough to be disabled. */
export function afterAttempt(
  health: EndpointHealth,
  ok: boolean,
  now: Date,
  random: () => number,
): { health: EndpointHealth; disable: boolean } {
  const at = now.toISOString();
  if (ok) {
    return {
      health: {
        ...health,
        state: 'CLOSED',
        consecutiveFailures: 0,
        openedAt: undefined,
        probeAt: undefined,
        probeDelayMs: undefined,
        probeLeaseUntil: undefined,
        lastSuccessAt: at,
        delivered: health.delivered + 1,
      },
      disable: false,
    };
  }
  const failed = {
    ...health,
    consecutiveFailures: health.consecutiveFailures + 1,
    lastFailureAt: at,
    failed: health.failed + 1,
  };
  const reopen = (delayMs: number, openedAt: string): EndpointHealth => ({
    ...failed,
    state: 'OPEN',
    openedAt,
    probeDelayMs: delayMs,
    // Jittered, so the deliveries that wait for the probe do not all wake at one instant.
    probeAt: new Date(now.getTime() + Math.round(delayMs * (1 + 0.1 * random()))).toISOString(),
    probeLeaseUntil: undefined,
  });
  let next: EndpointHealth = failed;
  if (health.state === 'CLOSED' && failed.consecutiveFailures >= CIRCUIT.failureThreshold)
    next = reopen(CIRCUIT.firstProbeDelayMs, at);
  else if (health.state === 'HALF_OPEN')
    next = reopen(
      Math.min((health.probeDelayMs ?? CIRCUIT.firstProbeDelayMs) * 2, CIRCUIT.maxProbeDelayMs),
      health.openedAt ?? at,
    );
  const openedAt = next.state === 'CLOSED' ? undefined : Date.parse(next.openedAt ?? at);
  return {
    health: next,
    disable: openedAt !== undefined && now.getTime() - openedAt >= CIRCUIT.disableAfterMs,
  };
}
