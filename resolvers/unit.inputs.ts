import * as z from 'zod';
import { UNIT_KINDS } from '../src/domain/organization';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, idempotencyKey, optional, recordCode, safeLine } from './input-fields';

const unitName = lazySchema(() =>
  z
    .string()
    .trim()
    .min(2, 'must have at least 2 characters')
    .max(200, 'must have at most 200 characters')
    .superRefine(safeLine),
);

/** createUnit: the code is required (imports find units by it). */
export const CreateUnitInput = lazySchema(() =>
  z
    .object({
      code: recordCode(),
      name: unitName(),
      kind: z.enum(UNIT_KINDS),
      parentId: optional(globalIdOf('Unit')()),
      idempotencyKey: idempotencyKey(),
    })
    .transform(({ parentId, ...rest }) => ({ ...rest, parent: parentId })),
);

/** updateUnit: omitted fields unchanged. */
export const UpdateUnitInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('Unit')(),
      version: z.number().int().min(1),
      code: optional(recordCode()),
      name: optional(unitName()),
      kind: optional(z.enum(UNIT_KINDS)),
    })
    .transform(({ id, ...rest }) => ({ ...rest, unit: id })),
);
