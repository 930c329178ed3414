import { describe, expect, it } from 'vitest';
import { cachingVerifier } from '../../src/auth/caching-verifier';
import type { Caller } from '../../src/auth/caller';
import type { TokenVerifier } from '../../src/auth/token-verifier';
import { UnauthenticatedError } from '../../src/errors/app-error';

const CALLER: Caller = { kind: 'partner', partnerId: 'usu', subject: 'partner-usu', scopes: [] };

/** An unsigned token shape with the given expiry (the fake inner verifier decides validity). */
function tokenExpiringAt(expSeconds: number, marker = 'a'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part({ exp: expSeconds, jti: marker })}.sig`;
}

function countingVerifier(accept: (token: string) => boolean) {
  const calls: string[] = [];
  const verifier: TokenVerifier = {
    async verify(token) {
      calls.push(token);
      if (!accept(token)) throw new UnauthenticatedError('bad token');
      return CALLER;
    },
  };
  return { verifier, calls };
}

describe('cachingVerifier', () => {
  it('checks a valid token once and answers repeats from memory until it expires', async () => {
    let now = 1_000_000_000_000;
    const inner = countingVerifier(() => now < 1_000_000_060_000);
    const cached = cachingVerifier(inner.verifier, () => now);
    const token = tokenExpiringAt(1_000_000_060);
    for (let i = 0; i < 3; i += 1) expect(await cached.verify(token)).toEqual(CALLER);
    expect(inner.calls).toHaveLength(1);

    now = 1_000_000_060_000;
    await expect(cached.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(inner.calls).toHaveLength(2);
  });

  it('never remembers a refused token', async () => {
    const inner = countingVerifier(() => false);
    const cached = cachingVerifier(inner.verifier, () => 0);
    const token = tokenExpiringAt(10_000, 'forged');
    await expect(cached.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(cached.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(inner.calls).toHaveLength(2);
  });

  it('keys by the exact token text', async () => {
    const inner = countingVerifier(() => true);
    const cached = cachingVerifier(inner.verifier, () => 0);
    await cached.verify(tokenExpiringAt(10_000, 'one'));
    await cached.verify(tokenExpiringAt(10_000, 'two'));
    expect(inner.calls).toHaveLength(2);
  });
});
