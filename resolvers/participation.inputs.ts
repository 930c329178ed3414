import * as z from 'zod';
import { DECLINE_REASONS, MAX_INVITATIONS } from '../src/domain/invitation';
import { lazySchema } from '../src/validation/lazy-schema';
import { calendarDate, globalIdOf, optional, safeText } from './input-fields';

export const InviteToProgramInput = lazySchema(() =>
  z
    .object({
      programId: globalIdOf('TrainingProgram')(),
      employeeIds: z
        .array(globalIdOf('Employee')())
        .min(1, 'invite at least one employee')
        .max(MAX_INVITATIONS, `invite at most ${MAX_INVITATIONS} employees at a time`),
      respondBy: calendarDate(),
    })
    .superRefine((input, ctx) => {
      const seen = new Set<string>();
      input.employeeIds.forEach((ref, i) => {
        if (seen.has(ref.id))
          ctx.addIssue({ code: 'custom', path: ['employeeIds', i], message: 'is listed twice' });
        seen.add(ref.id);
      });
    })
    .transform(({ programId, employeeIds, respondBy }) => ({
      program: programId,
      employees: employeeIds,
      respondBy,
    })),
);

export const RespondToInvitationInput = lazySchema(() =>
  z
    .object({
      enrollmentId: globalIdOf('Enrollment')(),
      version: optional(z.number().int().min(1)),
      accept: z.boolean(),
      declineReason: optional(z.enum(DECLINE_REASONS)),
      declineNote: optional(z.string().trim().min(1).max(500).superRefine(safeText)),
    })
    .superRefine((input, ctx) => {
      if (input.accept && (input.declineReason || input.declineNote))
        ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'only when declining' });
      if (!input.accept && !input.declineReason)
        ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'is required when declining' });
      if (input.declineReason === 'OTHER' && !input.declineNote)
        ctx.addIssue({ code: 'custom', path: ['declineNote'], message: 'is required for OTHER' });
    })
    .transform(({ enrollmentId, ...rest }) => ({ ...rest, enrollment: enrollmentId })),
);
