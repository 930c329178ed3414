import * as z from 'zod';
import { DIRECTIONS } from '../src/domain/indicator-achievement';
import {
  INDICATOR_CADENCES,
  INDICATOR_SCOPES,
  INDICATOR_STATUSES,
} from '../src/domain/performance-indicator';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, idempotencyKey, optional, safeLine, safeText } from './input-fields';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must have at least ${min} characters`)
    .max(max, `must have at most ${max} characters`)
    .superRefine(safeText);
/** Optional free text: blank counts as not given. */
const optionalText = (max: number) =>
  text(0, max)
    .nullish()
    .transform((v) => v || undefined);
const code = lazySchema(() =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z0-9][A-Z0-9._/-]{1,39}$/,
      'must be 2–40 letters, digits or -_./, starting with a letter or digit',
    ),
);

/** The reference fields each scope needs (true) or refuses (false). */
const SCOPE_FIELDS = {
  UNIT: { unitId: true, employeeId: false, programId: false },
  EMPLOYEE: { unitId: false, employeeId: true, programId: false },
  PROGRAM: { unitId: true, employeeId: false, programId: true },
} as const;

/** createPerformanceIndicator input: the subject references must fit the scope. */
export const CreatePerformanceIndicatorInput = lazySchema(() =>
  z
    .object({
      code: code(),
      name: text(2, 200).superRefine(safeLine),
      description: optionalText(2000),
      unitOfMeasure: text(1, 30).superRefine(safeLine),
      direction: z.enum(DIRECTIONS),
      baseline: optional(z.number()),
      target: z.number(),
      cadence: z.enum(INDICATOR_CADENCES),
      scope: z.enum(INDICATOR_SCOPES),
      unitId: optional(globalIdOf('Unit')()),
      employeeId: optional(globalIdOf('Employee')()),
      programId: optional(globalIdOf('TrainingProgram')()),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      for (const [field, needed] of Object.entries(SCOPE_FIELDS[input.scope])) {
        const given = input[field as keyof (typeof SCOPE_FIELDS)['UNIT']] !== undefined;
        if (needed && !given)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required for ${input.scope} scope` });
        if (!needed && given)
          ctx.addIssue({ code: 'custom', path: [field], message: `is not used for ${input.scope} scope` });
      }
    })
    .transform(({ unitId, employeeId, programId, ...rest }) => ({
      ...rest,
      unit: unitId,
      employee: employeeId,
      program: programId,
    })),
);

/** updatePerformanceIndicator input: omitted = unchanged; null clears description and baseline. */
export const UpdatePerformanceIndicatorInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('PerformanceIndicator')(),
      version: z.number().int().min(1),
      name: optional(text(2, 200).superRefine(safeLine)),
      description: text(0, 2000)
        .nullish()
        .transform((v) => (v === '' ? null : v)),
      unitOfMeasure: optional(text(1, 30).superRefine(safeLine)),
      baseline: z.number().nullish(),
      target: optional(z.number()),
      status: optional(z.enum(INDICATOR_STATUSES)),
    })
    .transform(({ id, ...rest }) => ({ ...rest, indicator: id })),
);

/** recordMeasurement input (the period itself is checked against the cadence by the service). */
export const RecordMeasurementInput = lazySchema(() =>
  z
    .object({
      indicatorId: globalIdOf('PerformanceIndicator')(),
      period: z.string().trim().max(20, 'must have at most 20 characters').superRefine(safeLine),
      value: z.number(),
      note: optionalText(500),
    })
    .transform(({ indicatorId, ...rest }) => ({ ...rest, indicator: indicatorId })),
);

/** Indicator list filter. */
export const PerformanceIndicatorFilterInput = lazySchema(() =>
  z
    .object({
      unitId: optional(globalIdOf('Unit')()),
      scope: optional(z.enum(INDICATOR_SCOPES)),
      status: optional(z.enum(INDICATOR_STATUSES)),
      codePrefix: optionalText(40).transform((v) => v?.toUpperCase()),
    })
    .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId }))
    .nullish()
    .transform((f) => f ?? { unit: undefined }),
);
