import * as z from 'zod';
import { GRADE_EXCEPTION_REASONS } from '../src/domain/career-rules';
import { EDUCATIONS } from '../src/domain/education';
import { EMPLOYEE_STATUSES, POSITION_TYPES } from '../src/domain/employee';
import { GOLONGAN, PPPK_GRADES } from '../src/domain/golongan';
import { parseNip } from '../src/domain/nip';
import type { EmployeeFilter } from '../src/services/employee-service';
import { lazySchema } from '../src/validation/lazy-schema';
import { calendarDate, globalIdOf, idempotencyKey, optional, safeLine } from './input-fields';

const name = lazySchema(() =>
  z
    .string()
    .trim()
    .min(2, 'must have at least 2 characters')
    .max(200, 'must have at most 200 characters')
    .superRefine(safeLine),
);
const email = lazySchema(() => z.email('is not a valid e-mail address').max(254));
const phone = lazySchema(() =>
  z.string().regex(/^\+?[0-9]{6,15}$/, 'must be 6–15 digits with an optional leading +'),
);
const position = lazySchema(() => z.object({ title: name(), type: z.enum(POSITION_TYPES) }));
const education = lazySchema(() => z.enum(EDUCATIONS));
/** A documented exception to the regular promotion path: the ground and the document it rests on. */
const gradeException = lazySchema(() =>
  z.object({
    reason: z.enum(GRADE_EXCEPTION_REASONS),
    note: z
      .string()
      .trim()
      .min(5, 'must name the document (e.g. the decree number), at least 5 characters')
      .max(500, 'must have at most 500 characters')
      .superRefine(safeLine),
  }),
);

/** createEmployee input: shape and grade fields per employment type (the NIP itself is checked by the service). */
export const CreateEmployeeInput = lazySchema(() =>
  z
    .object({
      nip: z.string().trim().max(40, 'must be 18 digits').superRefine(safeLine),
      name: name(),
      unitId: globalIdOf('Unit')(),
      employmentType: z.enum(['PNS', 'PPPK']),
      golongan: optional(z.enum(GOLONGAN)),
      pppkGrade: optional(z.enum(PPPK_GRADES)),
      position: position(),
      // Nullable in the SDL so that a client that omits it gets this reason, not a validation error.
      education: z.enum(EDUCATIONS, {
        error: (issue) =>
          issue.input == null ? 'is required (highest education, pendidikan terakhir)' : undefined,
      }),
      gradeException: optional(gradeException()),
      serviceStartDate: optional(calendarDate()),
      email: optional(email()),
      phone: optional(phone()),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      if (input.gradeException && input.employmentType !== 'PNS')
        ctx.addIssue({ code: 'custom', path: ['gradeException'], message: 'is only for a PNS golongan' });
      if (input.employmentType === 'PNS') {
        if (!input.golongan)
          ctx.addIssue({ code: 'custom', path: ['golongan'], message: 'is required for PNS' });
        if (input.pppkGrade)
          ctx.addIssue({ code: 'custom', path: ['pppkGrade'], message: 'is only for PPPK' });
      } else {
        if (!input.pppkGrade)
          ctx.addIssue({ code: 'custom', path: ['pppkGrade'], message: 'is required for PPPK' });
        if (input.golongan) ctx.addIssue({ code: 'custom', path: ['golongan'], message: 'is only for PNS' });
      }
    })
    .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId })),
);

/** updateEmployee input: omitted = unchanged; null clears e-mail and phone, nothing else. */
export const UpdateEmployeeInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('Employee')(),
      version: z.number().int().min(1),
      name: optional(name()),
      unitId: optional(globalIdOf('Unit')()),
      golongan: optional(z.enum(GOLONGAN)),
      pppkGrade: optional(z.enum(PPPK_GRADES)),
      position: optional(position()),
      education: optional(education()),
      gradeException: optional(gradeException()),
      status: optional(z.enum(EMPLOYEE_STATUSES)),
      email: email().nullish(),
      phone: phone().nullish(),
    })
    .transform(({ id, unitId, ...rest }) => ({ ...rest, employee: id, unit: unitId })),
);

/** Employee list filter. */
export const EmployeeFilterInput = lazySchema(() =>
  z
    .object({
      unitId: optional(globalIdOf('Unit')()),
      nameStartsWith: optional(z.string().trim().max(100).superRefine(safeLine)),
      employmentType: optional(z.enum(['PNS', 'PPPK'])),
      golongan: optional(z.array(z.enum(GOLONGAN)).max(17)),
      status: optional(z.array(z.enum(EMPLOYEE_STATUSES)).max(6)),
      positionType: optional(z.enum(POSITION_TYPES)),
      education: optional(z.array(education()).max(EDUCATIONS.length)),
      educationRecorded: optional(z.boolean()),
    })
    .nullish()
    // Typed on purpose: `f ?? {}` alone would widen the output to `{}` and hide what reaches the service.
    .transform((f): EmployeeFilter => {
      const { unitId, ...rest } = f ?? {};
      return { ...rest, unit: unitId };
    }),
);

/**
 * The NIP to look an employee up by: one that no employee can have (not 18 digits, or parts that
 * are impossible dates) is refused with the part that is wrong, rather than searched for.
 */
export const NipArgument = lazySchema(() =>
  z
    .string()
    .max(40, 'NIP must be 18 digits')
    .transform((raw, ctx) => {
      const pns = parseNip(raw, 'PNS');
      const parsed = pns.ok ? pns : parseNip(raw, 'PPPK');
      if (parsed.ok) return parsed.value.nip;
      ctx.addIssue({ code: 'custom', message: pns.ok ? 'is not a valid NIP' : pns.reason });
      return z.NEVER;
    }),
);
