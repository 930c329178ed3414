import * as z from 'zod';
import { PLAN_SCOPES, PLAN_STATUSES } from '../src/domain/development-plan';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, idempotencyKey, optional, safeLine, safeText, title } from './input-fields';

const description = lazySchema(() =>
  z.string().trim().max(5000, 'must have at most 5000 characters').superRefine(safeText),
);
const goals = lazySchema(() =>
  z
    .array(z.string().trim().min(1, 'must not be empty').max(500).superRefine(safeLine))
    .max(30, 'at most 30 goals'),
);
/** Whole rupiah within the exactly representable range of a Float. */
const rupiah = lazySchema(() =>
  z
    .number()
    .int('must be whole rupiah')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
);

/** createDevelopmentPlan: a UNIT plan names its unit, an AGENCY plan does not. */
export const CreateDevelopmentPlanInput = lazySchema(() =>
  z
    .object({
      title: title(),
      description: optional(description()),
      year: z.number().int().min(2000, 'must be 2000–2100').max(2100, 'must be 2000–2100'),
      scope: z.enum(PLAN_SCOPES),
      unitId: optional(globalIdOf('Unit')()),
      ownerId: globalIdOf('Employee')(),
      goals: optional(goals()).transform((v) => v ?? []),
      plannedBudget: rupiah(),
      status: optional(
        z.enum(['DRAFT', 'APPROVED'], { message: 'a new plan starts as DRAFT or APPROVED' }),
      ).transform((v) => v ?? 'DRAFT'),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      if (input.scope === 'UNIT' && !input.unitId)
        ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'is required for a UNIT plan' });
      if (input.scope === 'AGENCY' && input.unitId)
        ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'is only for a UNIT plan' });
    })
    .transform(({ unitId, ownerId, ...rest }) => ({ ...rest, unit: unitId, owner: ownerId })),
);

/** updateDevelopmentPlan: omitted fields unchanged. */
export const UpdateDevelopmentPlanInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('DevelopmentPlan')(),
      version: z.number().int().min(1),
      title: optional(title()),
      description: optional(description()),
      ownerId: optional(globalIdOf('Employee')()),
      goals: optional(goals()),
      plannedBudget: optional(rupiah()),
      status: optional(z.enum(PLAN_STATUSES)),
    })
    .transform(({ id, ownerId, ...rest }) => ({ ...rest, plan: id, owner: ownerId })),
);

/** addProgramToPlan. */
export const AddProgramToPlanInput = lazySchema(() =>
  z
    .object({
      planId: globalIdOf('DevelopmentPlan')(),
      programId: globalIdOf('TrainingProgram')(),
      participants: optional(z.number().int().min(1, 'must be at least 1').max(10_000)),
    })
    .transform(({ planId, programId, ...rest }) => ({ ...rest, plan: planId, program: programId })),
);

/** removeProgramFromPlan. */
export const RemoveProgramFromPlanInput = lazySchema(() =>
  z
    .object({ planId: globalIdOf('DevelopmentPlan')(), programId: globalIdOf('TrainingProgram')() })
    .transform(({ planId, programId }) => ({ plan: planId, program: programId })),
);

/** recordPlanSpending. */
export const RecordPlanSpendingInput = lazySchema(() =>
  z
    .object({
      planId: globalIdOf('DevelopmentPlan')(),
      amount: rupiah().min(1, 'must be above 0'),
      note: z.string().trim().min(3, 'must have at least 3 characters').max(500).superRefine(safeText),
      idempotencyKey: idempotencyKey(),
    })
    .transform(({ planId, ...rest }) => ({ ...rest, plan: planId })),
);

/** Development plan list filter. */
export const DevelopmentPlanFilterInput = lazySchema(() =>
  z
    .object({
      year: optional(z.number().int().min(2000).max(2100)),
      unitId: optional(globalIdOf('Unit')()),
      status: optional(z.enum(PLAN_STATUSES)),
    })
    .nullish()
    .transform((f) => ({ year: f?.year, unit: f?.unitId, status: f?.status })),
);
