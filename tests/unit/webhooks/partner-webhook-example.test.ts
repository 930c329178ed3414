import { describe, expect, it } from 'vitest';
import {
  ENROLLMENT_CHANGE_FIELDS as EXAMPLE_FIELDS,
  verifyDelivery,
} from '../../../scripts/partner-webhook-example';
import { newSigningSecret, signedHeaders } from '../../../src/domain/webhooks/signature';
import { ENROLLMENT_CHANGE_FIELDS } from '../../../src/webhooks/enrollment-change-fields';

const NOW = new Date('2026-11-02T02:00:00.000Z');
const seconds = NOW.getTime() / 1000;

describe('the example receiver (scripts/partner-webhook-example.ts)', () => {
  const secret = newSigningSecret();
  const body = '{"type":"enrollment.created","timestamp":"2026-11-02T01:59:59.000Z","data":{"sequence":1}}';

  it('selects the very fields a webhook carries, so its pull and push paths share one apply', () => {
    expect(EXAMPLE_FIELDS).toBe(ENROLLMENT_CHANGE_FIELDS);
  });

  it('accepts a delivery signed by the server, under either secret of a rotation', () => {
    const rotated = newSigningSecret();
    const headers = signedHeaders([rotated, secret], 'msg_usu_1', NOW, body);
    expect(verifyDelivery(secret, headers, body, seconds)).toBeUndefined();
    expect(verifyDelivery(rotated, headers, body, seconds)).toBeUndefined();
  });

  it.each([
    [
      'a tampered body',
      () => ({ headers: signedHeaders([secret], 'msg_usu_1', NOW, body), body: body.replace('1}', '2}') }),
      'no valid signature',
    ],
    [
      'a changed webhook-id',
      () => ({
        headers: { ...signedHeaders([secret], 'msg_usu_1', NOW, body), 'webhook-id': 'msg_usu_2' },
        body,
      }),
      'no valid signature',
    ],
    [
      'a stale timestamp',
      () => ({
        headers: signedHeaders([secret], 'msg_usu_1', new Date(NOW.getTime() - 301_000), body),
        body,
      }),
      'timestamp outside the five-minute tolerance',
    ],
    [
      'a timestamp from the future',
      () => ({
        headers: signedHeaders([secret], 'msg_usu_1', new Date(NOW.getTime() + 301_000), body),
        body,
      }),
      'timestamp outside the five-minute tolerance',
    ],
    [
      'another secret',
      () => ({ headers: signedHeaders([newSigningSecret()], 'msg_usu_1', NOW, body), body }),
      'no valid signature',
    ],
    [
      'no signature header',
      () => ({ headers: { 'webhook-id': 'msg_usu_1', 'webhook-timestamp': String(seconds) }, body }),
      'missing webhook headers',
    ],
    [
      'a v2 scheme only',
      () => ({
        headers: { ...signedHeaders([secret], 'msg_usu_1', NOW, body), 'webhook-signature': 'v2,abc' },
        body,
      }),
      'no valid signature',
    ],
  ])('refuses %s', (_, make, reason) => {
    const { headers, body: sent } = make();
    expect(verifyDelivery(secret, headers, sent, seconds)).toBe(reason);
  });
});
