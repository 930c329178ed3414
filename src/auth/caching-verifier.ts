import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Caller } from './caller';
import type { TokenVerifier } from './token-verifier';

/** How many verified tokens a process remembers. */
const MAX_TOKENS = 1000;

/**
 * Remembers each verified token (by its exact text) until its `exp`, so a client's repeated
 * requests skip the signature check. Only tokens the inner verifier accepted are kept, and a
 * remembered one is refused by the inner verifier again once it has expired.
 */
export function cachingVerifier(inner: TokenVerifier, now: () => number = Date.now): TokenVerifier {
  const verified = new LRUCache<string, { caller: Caller; expiresAtMs: number }>({ max: MAX_TOKENS });
  return {
    async verify(token: string): Promise<Caller> {
      const hit = verified.get(token);
      if (hit && hit.expiresAtMs > now()) return hit.caller;
      const caller = await inner.verify(token);
      const { exp } = decodeJwt(token);
      if (typeof exp === 'number') verified.set(token, { caller, expiresAtMs: exp * 1000 });
      return caller;
    },
  };
}
