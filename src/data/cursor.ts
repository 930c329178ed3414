import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors/app-error';
import type { Item } from './table';

/**
 * Opaque, tamper-checked pagination cursors: base64url(JSON of the position) + HMAC-SHA256,
 * bound to the query they came from (`scope`), so a cursor from another list is refused.
 */
export interface CursorCodec {
  encode(position: Item, scope: string): string;
  /** The position inside a cursor; `BAD_USER_INPUT` on `field` if malformed, forged or from another query. */
  decode(cursor: string, scope: string, field: string): Item;
}

const SIGNATURE_BYTES = 16;

/** A codec signing with the given secret. */
export function createCursorCodec(secret: string): CursorCodec {
  const sign = (payload: string, scope: string) =>
    createHmac('sha256', secret)
      .update(scope)
      .update('\u0000')
      .update(payload)
      .digest()
      .subarray(0, SIGNATURE_BYTES);
  return {
    encode(position, scope) {
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${payload}.${sign(payload, scope).toString('base64url')}`;
    },
    decode(cursor, scope, field) {
      const invalid = () =>
        BadUserInputError.of(field, 'cursor is malformed or was not issued for this list');
      const [payload, signature, extra] = cursor.split('.');
      if (!payload || !signature || extra !== undefined || cursor.length > 2048) throw invalid();
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload, scope);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      try {
        const position: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof position !== 'object' || position === null || Array.isArray(position)) throw invalid();
        return position as Item;
      } catch {
        throw invalid();
      }
    },
  };
}
