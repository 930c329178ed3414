import type { RecordMeta } from './record';

/** The role a change was made in; PUBLIC for a submission without a token. */
export type AuditRole = 'ADMIN' | 'UNIT_HEAD' | 'EMPLOYEE' | 'PARTNER' | 'PUBLIC';

/**
 * One successful mutation (catatan audit): who, what, on which object, when. `createdAt` is
 * when it completed; entries are never updated (`version` stays 1).
 */
export interface AuditEntry extends RecordMeta {
  requestId: string;
  /** The mutation field, e.g. `updateEmployee`. */
  mutation: string;
  actorRole: AuditRole;
  /** The token subject (user or client id); none for the public. */
  actorSubject?: string | undefined;
  /** The caller's agency (staff). */
  actorAgencyId?: string | undefined;
  /** The public caller's address as a keyed hash, when the address is known. */
  actorAddressHash?: string | undefined;
  targetType?: string | undefined;
  /** Global id of the changed object. */
  targetId?: string | undefined;
  /** The version the input said it changed (updates), and the version after the change. */
  versionBefore?: number | undefined;
  versionAfter?: number | undefined;
  /** The input as JSON with personal data replaced by `REDACTED`. */
  input: string;
  /** Paths of personal-data fields the input gave (set or cleared); their values are not kept. */
  redactedFields: string[];
  inputTruncated: boolean;
  /** Epoch seconds when DynamoDB TTL removes the entry. */
  expiresAt: number;
}

/**
 * Input fields whose values are personal data (UU 27/2022 on personal data protection): the
 * log says that they were given, never what they were. `contact` covers name, e-mail and phone.
 */
export const PERSONAL_DATA_FIELDS: ReadonlySet<string> = new Set(['contact', 'email', 'phone', 'nip']);

/** What stands in the stored input for a personal-data value. */
export const REDACTED = '[redacted]';

/** Longest input JSON kept (characters); an item must stay far below DynamoDB's 400 KB. */
export const MAX_AUDIT_INPUT_CHARS = 16_000;

/** A mutation input with the values of personal-data fields replaced, and the paths replaced. */
export function redactPersonalData(value: unknown, path = 'input'): { value: unknown; redacted: string[] } {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => redactPersonalData(item, `${path}.${i}`));
    return { value: items.map((i) => i.value), redacted: items.flatMap((i) => i.redacted) };
  }
  if (value === null || typeof value !== 'object') return { value, redacted: [] };
  const out: Record<string, unknown> = {};
  const redacted: string[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (PERSONAL_DATA_FIELDS.has(name)) {
      out[name] = REDACTED;
      redacted.push(`${path}.${name}`);
    } else {
      const inner = redactPersonalData(field, `${path}.${name}`);
      out[name] = inner.value;
      redacted.push(...inner.redacted);
    }
  }
  return { value: out, redacted };
}

/** The redacted input as JSON, cut to `MAX_AUDIT_INPUT_CHARS`. */
export function auditInputOf(
  input: unknown,
): Pick<AuditEntry, 'input' | 'redactedFields' | 'inputTruncated'> {
  const { value, redacted } = redactPersonalData(input ?? null);
  const json = JSON.stringify(value) ?? 'null';
  const inputTruncated = json.length > MAX_AUDIT_INPUT_CHARS;
  return {
    input: inputTruncated ? json.slice(0, MAX_AUDIT_INPUT_CHARS) : json,
    redactedFields: redacted,
    inputTruncated,
  };
}
