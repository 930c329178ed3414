import * as z from 'zod';
import { lazySchema } from '../src/validation/lazy-schema';
import { parseGlobalId } from './global-id';
import { instant, optional, safeLine } from './input-fields';

/** auditLog filter: a time range and exact actor, mutation and object. */
export const AuditLogFilterInput = lazySchema(() =>
  z
    .object({
      from: optional(instant()),
      to: optional(instant()),
      actorSubject: optional(z.string().trim().min(1, 'must not be empty').max(256).superRefine(safeLine)),
      mutation: optional(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'is not a mutation name')),
      targetId: optional(
        z.string().refine((id) => parseGlobalId(id) !== undefined, 'is not a valid global id'),
      ),
    })
    .refine((f) => !f.from || !f.to || f.from < f.to, { path: ['to'], message: 'must be after from' })
    .nullish()
    .transform((f) => f ?? {}),
);
