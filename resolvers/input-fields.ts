import * as z from 'zod';
import { parseRecordCode } from '../src/domain/record-code';

/** An optional GraphQL argument or input field: null and absent both become undefined. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** A title of 3 to 200 characters, trimmed (programs, plans). */
export const title = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(200, 'must have at most 200 characters');

/** A unit or program code (kode), stored trimmed and in upper case (`src/domain/record-code.ts`). */
export const recordCode = z.string().transform((raw, ctx) => {
  const parsed = parseRecordCode(raw);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});
