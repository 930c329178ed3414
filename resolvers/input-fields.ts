import * as z from 'zod';
import { parseRecordCode } from '../src/domain/record-code';
import { type LazySchema, lazySchema } from '../src/validation/lazy-schema';
import { parseGlobalId } from './global-id';

/** An optional GraphQL argument or input field: null and absent both become undefined. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/**
 * Characters no text takes: C0 controls (newline and tab only in multi-line text; a carriage
 * return only before a newline), DEL and C1 controls, and the bidirectional embeddings,
 * overrides and isolates that make a text read differently from what it stores (U+202A–U+202E,
 * U+2066–U+2069); and no surrogate half without its pair (not a character, invalid once stored).
 */
function textProblem(value: string, multiline: boolean): string | undefined {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'must not contain unpaired surrogate code units';
      i += 1;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return 'must not contain unpaired surrogate code units';
    const allowed =
      multiline && (code === 0x0a || code === 0x09 || (code === 0x0d && value.charCodeAt(i + 1) === 0x0a));
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    if ((control && !allowed) || bidi)
      return multiline
        ? 'must not contain control or bidirectional override characters (newlines and tabs are fine)'
        : 'must be one line without control or bidirectional override characters';
  }
  return undefined;
}

/** Refinement of a one-line text (names, titles, codes...): `z.string()....superRefine(safeLine)`. */
export const safeLine = (value: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(value, false);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** Refinement of a multi-line text (descriptions, notes, answers): newlines and tabs allowed. */
export const safeText = (value: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(value, true);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** A title of 3 to 200 characters, trimmed (programs, plans). */
export const title = lazySchema(() =>
  z
    .string()
    .trim()
    .min(3, 'must have at least 3 characters')
    .max(200, 'must have at most 200 characters')
    .superRefine(safeLine),
);

/** Years a date or instant may name: the API's records live well within them. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

/** A calendar date `YYYY-MM-DD` (a real day) in 1900–2100. */
export const calendarDate = lazySchema(() =>
  z.iso.date('must be a real date YYYY-MM-DD').refine(yearInRange, `must be in ${FIRST_YEAR}–${LAST_YEAR}`),
);

/** An instant in 1900–2100, in the canonical stored form (UTC, milliseconds), so it compares with stored keys. */
export const instant = lazySchema(() =>
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date-time')
    .transform((v) => new Date(v).toISOString())
    .refine(yearInRange, `must be in ${FIRST_YEAR}–${LAST_YEAR}`),
);

/** The schema of a global id of `type`, decoded to an agency-scoped reference. */
const globalIdSchema = (type: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parseGlobalId(value);
    if (!parsed || parsed.type !== type) {
      ctx.addIssue({ code: 'custom', message: `is not a valid ${type} id` });
      return z.NEVER;
    }
    return parsed.ref;
  });
const globalIdSchemas = new Map<string, LazySchema<ReturnType<typeof globalIdSchema>>>();

/** A global id of `type`, decoded to an agency-scoped reference: one lazy schema per type. */
export function globalIdOf(type: string): LazySchema<ReturnType<typeof globalIdSchema>> {
  let schema = globalIdSchemas.get(type);
  if (!schema) {
    schema = lazySchema(() => globalIdSchema(type));
    globalIdSchemas.set(type, schema);
  }
  return schema;
}

/** A client's idempotency key. */
export const idempotencyKey = lazySchema(() =>
  optional(z.string().regex(/^[A-Za-z0-9_.:-]{8,64}$/, 'must be 8–64 letters, digits or _.:-')),
);

/** A unit or program code (kode), stored trimmed and in upper case (`src/domain/record-code.ts`). */
export const recordCode = lazySchema(() =>
  z.string().transform((raw, ctx) => {
    const parsed = parseRecordCode(raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }),
);
