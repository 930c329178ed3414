import { BadUserInputError } from '../src/errors/app-error';
import type { Ref } from '../src/services/request-scope';

/**
 * Global object ids (Relay): base64url of `Type:agencyId:localId`. Opaque to clients; the
 * agency inside lets the server check tenancy before reading anything.
 */
export function toGlobalId(type: string, agencyId: string, id: string): string {
  return Buffer.from(`${type}:${agencyId}:${id}`).toString('base64url');
}

/** A type name as the schema spells it (never `__proto__` or `constructor`). */
const TYPE_NAME = /^[A-Z][A-Za-z]{1,40}$/;
/**
 * Agency and local ids as the API issues them (codes, ULIDs, `mentorship.session`): no key
 * separator (`#`), no control characters, short enough for any DynamoDB key.
 */
const LOCAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Any global id: its type and reference, or undefined when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: string; ref: Ref } | undefined {
  if (globalId.length > 300 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  const [type, agencyId, id, ...rest] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if (!type || !agencyId || !id || rest.length > 0) return undefined;
  if (!TYPE_NAME.test(type) || !LOCAL_ID.test(agencyId) || !LOCAL_ID.test(id)) return undefined;
  return { type, ref: { agencyId, id } };
}

/** A global id that must be of `type`; BAD_USER_INPUT on `field` otherwise. */
export function refOf(globalId: string, type: string, field: string): Ref {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw BadUserInputError.of(field, `is not a valid ${type} id`);
  return parsed.ref;
}
