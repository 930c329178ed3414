import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { admission, afterAttempt, CIRCUIT, claimProbe, HEALTHY } from '../../../src/domain/webhooks/circuit';
import { urlProblem } from '../../../src/domain/webhooks/endpoint-url';
import { isForbiddenAddress } from '../../../src/domain/webhooks/forbidden-addresses';
import {
  RETRY_DELAYS_MS,
  RETRY_WINDOW_MS,
  retryAfterMs,
  retryDelayMs,
  stepAfterFailure,
} from '../../../src/domain/webhooks/retry-schedule';
import { newSigningSecret, signatureOf, signedHeaders } from '../../../src/domain/webhooks/signature';

const T0 = new Date('2026-11-02T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('Standard Webhooks signatures', () => {
  it('verify with the reference implementation (standardwebhooks), under either secret of a rotation', () => {
    const [oldSecret, newSecret] = [newSigningSecret(), newSigningSecret()];
    const body = JSON.stringify({ type: 'enrollment.created', data: { sequence: 1 } });
    const headers = signedHeaders([oldSecret, newSecret], 'msg_usu_1', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('do not verify a tampered body or under another secret', () => {
    const secret = newSigningSecret();
    const headers = signedHeaders([secret], 'msg_usu_2', new Date(), '{"a":1}');
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify('{"a":1}', headers)).toThrow();
  });

  it('sign id.timestamp.body, so the same message signs the same at the same second', () => {
    const secret = newSigningSecret();
    expect(signatureOf(secret, 'm', 1, 'b')).toBe(signatureOf(secret, 'm', 1, 'b'));
    expect(signatureOf(secret, 'm', 1, 'b')).not.toBe(signatureOf(secret, 'm', 2, 'b'));
    expect(signatureOf(secret, 'm', 1, 'b')).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });
});

describe('the retry schedule', () => {
  it('keeps retrying for at least three days before parking, with jittered delays', () => {
    let now = 0;
    let failures = 0;
    for (;;) {
      failures += 1;
      const step = stepAfterFailure({ queuedAt: T0, failedAttempts: failures }, at(now), () => 0.999);
      if (step.park) break;
      now += step.delayMs;
    }
    expect(now).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(failures).toBeGreaterThanOrEqual(RETRY_DELAYS_MS.length);
  });

  it.each([
    [1, 0, 4000],
    [1, 0.999, 5998],
    [3, 0.5, 30 * 60_000],
    [99, 0.5, 12 * 3_600_000],
  ])(
    'after %i failures with random %f waits %i ms (jitter band ±20 percent)',
    (failures, random, expected) => {
      expect(Math.abs(retryDelayMs(failures, () => random) - expected)).toBeLessThanOrEqual(1);
    },
  );

  it('honours Retry-After (seconds or a date) when longer, capped at an hour', () => {
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs(new Date(T0.getTime() + 30_000).toUTCString(), T0)).toBe(30_000);
    expect(retryAfterMs('999999', T0)).toBe(3_600_000);
    expect(retryAfterMs('soon', T0)).toBeUndefined();
    expect(
      stepAfterFailure({ queuedAt: T0, failedAttempts: 1, retryAfterMs: 120_000 }, T0, () => 0.5),
    ).toEqual({
      park: false,
      delayMs: 120_000,
    });
  });
});

describe('the circuit breaker', () => {
  const fail = (h: typeof HEALTHY, ms: number) => afterAttempt(h, false, at(ms), () => 0).health;

  it(`opens after ${CIRCUIT.failureThreshold} failures in a row and holds deliveries until the probe`, () => {
    let h = HEALTHY;
    for (let i = 0; i < CIRCUIT.failureThreshold - 1; i += 1) h = fail(h, i);
    expect(admission(h, at(10))).toEqual({ kind: 'go' });
    h = fail(h, 10);
    expect(h.state).toBe('OPEN');
    expect(admission(h, at(20))).toEqual({ kind: 'wait', delayMs: CIRCUIT.firstProbeDelayMs - 10 });
    expect(admission(h, at(10 + CIRCUIT.firstProbeDelayMs))).toEqual({ kind: 'probe' });
  });

  it('lets one prober through, reopens with a doubled delay when the probe fails, closes when it succeeds', () => {
    let h = HEALTHY;
    for (let i = 0; i < CIRCUIT.failureThreshold; i += 1) h = fail(h, 0);
    const probing = claimProbe(h, at(CIRCUIT.firstProbeDelayMs));
    expect(admission(probing, at(CIRCUIT.firstProbeDelayMs + 1)).kind).toBe('wait');
    const reopened = fail(probing, CIRCUIT.firstProbeDelayMs + 5);
    expect(reopened.state).toBe('OPEN');
    expect(reopened.probeDelayMs).toBe(2 * CIRCUIT.firstProbeDelayMs);
    const closed = afterAttempt(claimProbe(reopened, at(10 * 60_000)), true, at(10 * 60_000), () => 0).health;
    expect(closed).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0, openedAt: undefined });
  });

  it('a prober that vanished loses its claim when the lease ends', () => {
    const probing = claimProbe({ ...HEALTHY, state: 'OPEN' }, T0);
    expect(admission(probing, at(CIRCUIT.probeLeaseMs)).kind).toBe('probe');
  });

  it('asks to disable an endpoint whose circuit stayed open for the whole retry window', () => {
    let h = HEALTHY;
    for (let i = 0; i < CIRCUIT.failureThreshold; i += 1) h = fail(h, 0);
    expect(afterAttempt(claimProbe(h, at(1)), false, at(RETRY_WINDOW_MS - 1), () => 0).disable).toBe(false);
    expect(afterAttempt(claimProbe(h, at(1)), false, at(RETRY_WINDOW_MS), () => 0).disable).toBe(true);
  });
});

describe('addresses a production webhook may not reach', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:a9fe:a9fe',
    '::ffff:8.8.8.8',
    '::127.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::1',
    '2001:0:4136:e378::1',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '203.0.114.1', '2606:4700:4700::1111', '2404:6800:4003:c00::64'])(
    'allows %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );
});

describe('webhook URLs', () => {
  const prod = { allowHttp: false, allowPrivateAddresses: false };
  const dev = { allowHttp: true, allowPrivateAddresses: true };
  it.each([
    ['http://partner.example.ac.id/hook', 'must use https'],
    ['https://user:pw@partner.example.ac.id/hook', 'must not carry a user name or password'],
    ['https://10.0.0.5/hook', 'must not point to a private, loopback, link-local or reserved address'],
    [
      'https://[::ffff:169.254.169.254]/hook',
      'must not point to a private, loopback, link-local or reserved address',
    ],
    ['https://localhost/hook', 'must name a public host'],
    ['https://intranet/hook', 'must name a public host'],
    ['ftp://partner.example.ac.id/hook', 'must use https'],
    ['partner.example.ac.id/hook', 'is not an absolute URL'],
    ['https://partner.example.ac.id/hook#x', 'must not have a fragment'],
    [`https://partner.example.ac.id/${'a'.repeat(2048)}`, 'must have at most 2048 characters'],
  ])('refuses %s in prod: %s', (url, reason) => {
    expect(urlProblem(url, prod)).toBe(reason);
  });

  it('accepts a public https URL in prod, and a loopback http receiver in dev', () => {
    expect(urlProblem('https://siakad.example.ac.id:8443/webhooks/pembinaan', prod)).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:9999/hook', dev)).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:9999/hook', prod)).toBe('must use https');
  });
});
