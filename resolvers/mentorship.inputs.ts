import * as z from 'zod';
import { MENTORSHIP_STATUSES } from '../src/domain/mentorship';
import { calendarDate, globalIdOf, optional, safeLine, safeText } from './input-fields';

const line = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'must have at most 300 characters')
  .superRefine(safeLine);

export const StartMentorshipInput = z
  .object({
    mentorId: globalIdOf('Employee'),
    menteeId: globalIdOf('Employee'),
    goals: z.array(line).min(1, 'needs at least one goal').max(10, 'at most 10 goals'),
    startDate: optional(calendarDate),
    endDate: optional(calendarDate),
  })
  .transform(({ mentorId, menteeId, ...rest }) => ({ ...rest, mentor: mentorId, mentee: menteeId }));

export const LogMentoringSessionInput = z
  .object({
    mentorshipId: globalIdOf('Mentorship'),
    date: calendarDate,
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(1, 'must be at least 1 minute')
      .max(480, 'must be at most 480 minutes'),
    notes: optional(z.string().trim().max(5000).superRefine(safeText)),
    agreedActions: optional(z.array(line).max(20)).transform((v) => v ?? []),
  })
  .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId }));

export const EndMentorshipInput = z
  .object({
    mentorshipId: globalIdOf('Mentorship'),
    version: z.number().int().min(1),
    status: z.enum(['COMPLETED', 'CANCELLED'], { message: 'must be COMPLETED or CANCELLED' }),
    outcome: optional(z.string().trim().max(2000).superRefine(safeText)),
  })
  .transform(({ mentorshipId, ...rest }) => ({ ...rest, mentorship: mentorshipId }));

export const MentorshipFilterInput = z
  .object({ status: optional(z.array(z.enum(MENTORSHIP_STATUSES))) })
  .nullish()
  .transform((f) => ({ status: f?.status }));
