import * as z from 'zod';
import { MAX_RESULT_UNITS } from '../src/domain/leadership/mentoring-results';
import { GOAL_OUTCOMES, MAX_GOALS, MENTORSHIP_STATUSES } from '../src/domain/mentorship';
import { lazySchema } from '../src/validation/lazy-schema';
import { calendarDate, globalIdOf, optional, safeLine, safeText } from './input-fields';

const line = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(300, 'must have at most 300 characters')
    .superRefine(safeLine),
);

export const StartMentorshipInput = lazySchema(() =>
  z
    .object({
      mentorId: globalIdOf('Employee')(),
      menteeId: globalIdOf('Employee')(),
      goals: z.array(line()).min(1, 'needs at least one goal').max(MAX_GOALS, `at most ${MAX_GOALS} goals`),
      startDate: optional(calendarDate()),
      endDate: optional(calendarDate()),
    })
    .transform(({ mentorId, menteeId, ...rest }) => ({ ...rest, mentor: mentorId, mentee: menteeId })),
);

export const LogMentoringSessionInput = lazySchema(() =>
  z
    .object({
      mentorshipId: globalIdOf('Mentorship')(),
      date: calendarDate(),
      minutes: z
        .number()
        .int('must be whole minutes')
        .min(1, 'must be at least 1 minute')
        .max(480, 'must be at most 480 minutes'),
      notes: optional(z.string().trim().max(5000).superRefine(safeText)),
      agreedActions: optional(z.array(line()).max(20)).transform((v) => v ?? []),
    })
    .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId })),
);

export const EndMentorshipInput = lazySchema(() =>
  z
    .object({
      mentorshipId: globalIdOf('Mentorship')(),
      version: z.number().int().min(1),
      status: z.enum(['COMPLETED', 'CANCELLED'], { message: 'must be COMPLETED or CANCELLED' }),
      outcome: optional(z.string().trim().max(2000).superRefine(safeText)),
    })
    .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId })),
);

export const MentorshipFilterInput = lazySchema(() =>
  z
    .object({ status: optional(z.array(z.enum(MENTORSHIP_STATUSES))) })
    .nullish()
    .transform((f) => ({ status: f?.status })),
);

const remark = lazySchema(() =>
  optional(z.string().trim().max(1000, 'must have at most 1000 characters').superRefine(safeText)),
);

export const RecordGoalOutcomeInput = lazySchema(() =>
  z
    .object({
      mentorshipId: globalIdOf('Mentorship')(),
      version: z.number().int().min(1),
      goalIndex: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
      outcome: z.enum(GOAL_OUTCOMES),
      note: remark(),
    })
    .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId })),
);

export const RateMentorshipInput = lazySchema(() =>
  z
    .object({
      mentorshipId: globalIdOf('Mentorship')(),
      rating: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
      comment: remark(),
    })
    .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId })),
);

/** mentoringResults: 1–10 units of the caller's agency and a plausible year. */
export const MentoringResultsFilterInput = lazySchema(() =>
  z
    .object({
      unitIds: z
        .array(globalIdOf('Unit')())
        .min(1, 'needs at least one unit')
        .max(MAX_RESULT_UNITS, `at most ${MAX_RESULT_UNITS} units`),
      year: z
        .number()
        .int('must be a whole year')
        .min(2000, 'must be 2000 or later')
        .max(2100, 'must be 2100 or earlier'),
    })
    .transform(({ unitIds, year }) => ({ units: unitIds, year })),
);
