import * as z from 'zod';

/** An optional GraphQL argument or input field: null and absent both become undefined. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** A title of 3 to 200 characters, trimmed (programs, plans). */
export const title = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(200, 'must have at most 200 characters');
