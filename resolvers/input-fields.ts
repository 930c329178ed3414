import * as z from 'zod';
import { parseGlobalId } from './global-id';

/** An optional GraphQL argument or input field: null and absent both become undefined. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** A title of 3 to 200 characters, trimmed (programs, plans). */
export const title = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(200, 'must have at most 200 characters');

/** A global id of `type`, decoded to an agency-scoped reference. */
export const globalIdOf = (type: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parseGlobalId(value);
    if (!parsed || parsed.type !== type) {
      ctx.addIssue({ code: 'custom', message: `is not a valid ${type} id` });
      return z.NEVER;
    }
    return parsed.ref;
  });
