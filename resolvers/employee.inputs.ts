import * as z from 'zod';
import { EMPLOYEE_STATUSES, POSITION_TYPES } from '../src/domain/employee';
import { GOLONGAN, PPPK_GRADES } from '../src/domain/golongan';
import type { EmployeeFilter } from '../src/services/employee-service';
import { globalIdOf, optional } from './input-fields';

const name = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(200, 'must have at most 200 characters');
const email = z.email('is not a valid e-mail address').max(254);
const phone = z.string().regex(/^\+?[0-9]{6,15}$/, 'must be 6–15 digits with an optional leading +');
const position = z.object({ title: name, type: z.enum(POSITION_TYPES) });

/** createEmployee input: shape and grade fields per employment type (the NIP itself is checked by the service). */
export const CreateEmployeeInput = z
  .object({
    nip: z.string().trim(),
    name,
    unitId: globalIdOf('Unit'),
    employmentType: z.enum(['PNS', 'PPPK']),
    golongan: optional(z.enum(GOLONGAN)),
    pppkGrade: optional(z.enum(PPPK_GRADES)),
    position,
    serviceStartDate: optional(z.iso.date()),
    email: optional(email),
    phone: optional(phone),
    idempotencyKey: optional(
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
    name: optional(name),
    unitId: optional(globalIdOf('Unit')),
    golongan: optional(z.enum(GOLONGAN)),
    pppkGrade: optional(z.enum(PPPK_GRADES)),
    position: optional(position),
    status: optional(z.enum(EMPLOYEE_STATUSES)),
    email: email.nullish(),
    phone: phone.nullish(),
  })
  .transform(({ id, unitId, ...rest }) => ({ ...rest, employee: id, unit: unitId }));

/** Employee list filter. */
export const EmployeeFilterInput = z
  .object({
    unitId: optional(globalIdOf('Unit')),
    nameStartsWith: optional(z.string().trim().max(100)),
    employmentType: optional(z.enum(['PNS', 'PPPK'])),
    golongan: optional(z.array(z.enum(GOLONGAN)).max(17)),
    status: optional(z.array(z.enum(EMPLOYEE_STATUSES)).max(6)),
    positionType: optional(z.enum(POSITION_TYPES)),
  })
  .nullish()
  // Typed on purpose: `f ?? {}` alone would widen the output to `{}` and hide what reaches the service.
  .transform((f): EmployeeFilter => {
    const { unitId, ...rest } = f ?? {};
    return { ...rest, unit: unitId };
  });
