import type { z } from 'zod';
import { BadUserInputError } from '../src/errors/app-error';
import type { LazySchema } from '../src/validation/lazy-schema';

/**
 * Parses resolver arguments with a zod schema (declared with `lazySchema`, built on this first
 * use); every issue becomes a field path under `root` (e.g. `input.nip`) with its reason, in one
 * BAD_USER_INPUT error.
 */
export function parseInput<S extends z.ZodType>(
  schema: LazySchema<S>,
  value: unknown,
  root = 'input',
): z.output<S> {
  const parsed = schema().safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadUserInputError(
    parsed.error.issues.map((issue) => ({
      field: [root, ...issue.path.map(String)].filter(Boolean).join('.'),
      reason: issue.message,
    })),
  );
}
