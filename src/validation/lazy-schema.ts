import type { z } from 'zod';

/** A zod schema built on its first call and kept: `parseInput(CreateEmployeeInput, ...)`, `title()` inside another. */
export type LazySchema<S extends z.ZodType = z.ZodType> = () => S;

/**
 * Declares a zod schema that is built on first use instead of at module import: constructing
 * zod schemas is the costliest part of loading the resolvers (the Lambda's cold start), and a
 * request needs only the few it parses. Every module-level zod schema is declared this way.
 */
export function lazySchema<S extends z.ZodType>(build: () => S): LazySchema<S> {
  let schema: S | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}
