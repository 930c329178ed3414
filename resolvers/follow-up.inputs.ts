import * as z from 'zod';
import { FOLLOW_UP_STATUSES } from '../src/domain/leadership/follow-up';
import { lazySchema } from '../src/validation/lazy-schema';
import {
  calendarDate,
  globalIdOf,
  idempotencyKey,
  optional,
  recordCode,
  safeLine,
  safeText,
  title,
} from './input-fields';

/** addFollowUpAction. */
export const AddFollowUpActionInput = lazySchema(() =>
  z
    .object({
      evaluationId: globalIdOf('Evaluation')(),
      title: z
        .string()
        .trim()
        .min(3, 'must have at least 3 characters')
        .max(300, 'must have at most 300 characters')
        .superRefine(safeLine),
      ownerId: globalIdOf('Employee')(),
      dueDate: calendarDate(),
      idempotencyKey: idempotencyKey(),
    })
    .transform(({ evaluationId, ownerId, ...rest }) => ({
      ...rest,
      evaluation: evaluationId,
      owner: ownerId,
    })),
);

/** updateFollowUpAction: omitted fields stay; OPEN is where an action comes from, not where it goes. */
export const UpdateFollowUpActionInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('FollowUpAction')(),
      version: z.number().int().min(1),
      status: optional(
        z.enum(FOLLOW_UP_STATUSES).refine((s) => s !== 'OPEN', 'an action is closed as DONE or DROPPED'),
      ),
      ownerId: optional(globalIdOf('Employee')()),
      dueDate: optional(calendarDate()),
      note: optional(z.string().trim().max(2000, 'must have at most 2000 characters').superRefine(safeText)),
    })
    .transform(({ id, ownerId, ...rest }) => ({ ...rest, action: id, owner: ownerId })),
);

/** createNextCohort. */
export const CreateNextCohortInput = lazySchema(() =>
  z
    .object({
      fromProgramId: globalIdOf('TrainingProgram')(),
      startDate: calendarDate(),
      endDate: calendarDate(),
      capacity: optional(z.number().int().min(1, 'must be at least 1').max(10_000)),
      title: optional(title()),
      code: optional(recordCode()),
      status: optional(z.enum(['DRAFT', 'OPEN'], { message: 'a new cohort starts as DRAFT or OPEN' })),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      if (input.endDate < input.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
    })
    .transform(({ fromProgramId, ...rest }) => ({ ...rest, from: fromProgramId })),
);

/** setEvaluationThresholds: the ranges and their consistency are the domain's (`thresholdIssues`). */
export const SetEvaluationThresholdsInput = lazySchema(() =>
  z.object({
    version: z.number().int().min(1),
    clearImprovementPercent: z.number(),
    significantChangePercent: z.number(),
    poorReactionBelow: z.number(),
    poorBehaviourBelow: z.number(),
    minPeriodsBefore: z.number().int(),
    minPeriodsAfter: z.number().int(),
  }),
);
