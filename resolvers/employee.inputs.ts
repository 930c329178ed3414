import * as z from 'zod';
import { EMPLOYEE_STATUSES, POSITION_TYPES } from '../src/domain/employee';
import { GOLONGAN, PPPK_GRADES } from '../src/domain/golongan';
import { parseGlobalId } from '../src/server/global-id';
import type { EmployeeFilter } from '../src/services/employee-service';

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

const name = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(200, 'must have at most 200 characters');
const email = z.email('is not a valid e-mail address').max(254);
const phone = z.string().regex(/^\+?[0-9]{6,15}$/, 'must be 6–15 digits with an optional leading +');
const position = z.object({ title: name, type: z.enum(POSITION_TYPES) });
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** createEmployee input: shape and grade fields per employment type (the NIP itself is checked by the service). */
export const CreateEmployeeInput = z
  .object({
    nip: z.string().trim(),
    name,
    unitId: globalIdOf('Unit'),
    employmentType: z.enum(['PNS', 'PPPK']),
    golongan: nullable(z.enum(GOLONGAN)),
    pppkGrade: nullable(z.enum(PPPK_GRADES)),
    position,
    serviceStartDate: nullable(z.iso.date()),
    email: nullable(email),
    phone: nullable(phone),
    idempotencyKey: nullable(
      z.string().regex(/^[A-Za-z0-9_.:-]{8,64}$/, 'must be 8–64 letters, digits or _.:-'),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.employmentType === 'PNS') {
      if (!input.golongan)
        ctx.addIssue({ code: 'custom', path: ['golongan'], message: 'is required for PNS' });
      if (input.pppkGrade) ctx.addIssue({ code: 'custom', path: ['pppkGrade'], message: 'is only for PPPK' });
    } else {
      if (!input.pppkGrade)
        ctx.addIssue({ code: 'custom', path: ['pppkGrade'], message: 'is required for PPPK' });
      if (input.golongan) ctx.addIssue({ code: 'custom', path: ['golongan'], message: 'is only for PNS' });
    }
  })
  .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId }));

/** updateEmployee input: omitted = unchanged; null clears e-mail and phone, nothing else. */
export const UpdateEmployeeInput = z
  .object({
    id: globalIdOf('Employee'),
    version: z.number().int().min(1),
    name: nullable(name),
    unitId: nullable(globalIdOf('Unit')),
    golongan: nullable(z.enum(GOLONGAN)),
    pppkGrade: nullable(z.enum(PPPK_GRADES)),
    position: nullable(position),
    status: nullable(z.enum(EMPLOYEE_STATUSES)),
    email: email.nullish(),
    phone: phone.nullish(),
  })
  .transform(({ id, unitId, ...rest }) => ({ ...rest, employee: id, unit: unitId }));

/** Employee list filter. */
export const EmployeeFilterInput = z
  .object({
    unitId: nullable(globalIdOf('Unit')),
    nameStartsWith: nullable(z.string().trim().max(100)),
    employmentType: nullable(z.enum(['PNS', 'PPPK'])),
    golongan: nullable(z.array(z.enum(GOLONGAN)).max(17)),
    status: nullable(z.array(z.enum(EMPLOYEE_STATUSES)).max(6)),
    positionType: nullable(z.enum(POSITION_TYPES)),
  })
  .nullish()
  // Typed on purpose: `f ?? {}` alone would widen the output to `{}` and hide what reaches the service.
  .transform((f): EmployeeFilter => {
    const { unitId, ...rest } = f ?? {};
    return { ...rest, unit: unitId };
  });
