import * as z from 'zod';
import type { ImportKind } from '../src/domain/onboarding/columns';
import { IMPORTABLE_KINDS } from '../src/domain/onboarding/kind-columns';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, optional, safeLine } from './input-fields';

/** createImport: the GraphQL enum (UNITS...) becomes the kind (`units`...); only kinds with an importer. */
export const CreateImportInput = lazySchema(() =>
  z.object({
    kind: z
      .string()
      .transform((v) => v.toLowerCase() as ImportKind)
      .refine((k) => IMPORTABLE_KINDS.includes(k), 'cannot be imported yet'),
    fileName: z
      .string()
      .trim()
      .min(1, 'must name a file')
      .max(200, 'must have at most 200 characters')
      .superRefine(safeLine),
    mode: optional(z.enum(['ALL_OR_NOTHING', 'VALID_ONLY'])).transform((v) => v ?? 'ALL_OR_NOTHING'),
    dryRun: optional(z.boolean()).transform((v) => v ?? false),
  }),
);

/** siasnCourseRecords and siasnSkpRecords: a plausible year, and optionally a unit of the caller's agency. */
export const SiasnRecordsArgs = lazySchema(() =>
  z
    .object({
      year: z.number().int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'),
      unitId: optional(globalIdOf('Unit')()),
    })
    .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId })),
);
