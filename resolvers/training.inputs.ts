import * as z from 'zod';
import { STUDY_FUNDINGS } from '../src/domain/study-leave';
import { ENROLLMENT_STATUSES, PARTNER_KINDS, PROGRAM_STATUSES } from '../src/domain/training';
import { PROGRAM_CATEGORIES, PROGRAM_FORMATS } from '../src/domain/training-formats';
import { MINUTES_PER_JP } from '../src/domain/training-hours';
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

const jp = lazySchema(() =>
  z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1 JP')
    .max(2000, 'must be at most 2000 JP'),
);
const durationMinutes = lazySchema(() =>
  z
    .number()
    .int('must be whole minutes')
    .min(MINUTES_PER_JP, `must be at least ${MINUTES_PER_JP} minutes (1 JP)`)
    .max(2000 * MINUTES_PER_JP, `must be at most ${2000 * MINUTES_PER_JP} minutes (2000 JP)`),
);

/** JP and the minutes they came from: JP as given, or the whole 45-minute JP of the minutes (which are kept). */
function duration<T extends { jp?: number | undefined; durationMinutes?: number | undefined }>(input: T) {
  const { jp: givenJp, durationMinutes: minutes, ...rest } = input;
  if (minutes === undefined) return { ...rest, jp: givenJp };
  return { ...rest, jp: Math.floor(minutes / MINUTES_PER_JP), durationMinutes: minutes };
}
const rupiah = lazySchema(() =>
  z.number().int('must be whole rupiah').min(0, 'must not be negative').max(1_000_000_000_000),
);
const competencies = lazySchema(() =>
  z.array(z.string().trim().min(1).max(100).superRefine(safeLine)).max(30),
);
const score = lazySchema(() => z.number().min(0, 'must be 0–100').max(100, 'must be 0–100'));
/** A partner's code as a filter or reference (codes are 2–32 lowercase letters, digits or dashes). */
const partnerCode = lazySchema(() =>
  z.string().trim().toLowerCase().max(32, 'is not a partner code').superRefine(safeLine),
);

/** createTrainingProgram: JP given directly or as minutes (whole JP of 45 minutes). */
export const CreateTrainingProgramInput = lazySchema(() =>
  z
    .object({
      code: optional(recordCode()),
      title: title(),
      description: optional(z.string().trim().max(5000).superRefine(safeText)),
      category: z.enum(PROGRAM_CATEGORIES),
      format: z.enum(PROGRAM_FORMATS),
      jp: optional(jp()),
      durationMinutes: optional(durationMinutes()),
      startDate: calendarDate(),
      endDate: calendarDate(),
      capacity: z.number().int().min(1, 'must be at least 1').max(10_000),
      costPerParticipant: rupiah(),
      partnerCode: optional(partnerCode()),
      organizerUnitId: optional(globalIdOf('Unit')()),
      competencies: optional(competencies()).transform((v) => v ?? []),
      status: optional(
        z.enum(['DRAFT', 'OPEN'], { message: 'a new program starts as DRAFT or OPEN' }),
      ).transform((v) => v ?? 'DRAFT'),
      cohort: optional(z.number().int().min(1).max(100)),
      location: optional(z.string().trim().max(200).superRefine(safeLine)),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      if (input.endDate < input.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
      if ((input.jp === undefined) === (input.durationMinutes === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['jp'], message: 'give exactly one of jp or durationMinutes' });
      }
    })
    .transform(({ organizerUnitId, ...rest }) => {
      const timed = duration(rest);
      return { ...timed, jp: timed.jp ?? 0, organizerUnit: organizerUnitId };
    }),
);

/** updateTrainingProgram: omitted fields unchanged. */
export const UpdateTrainingProgramInput = lazySchema(() =>
  z
    .object({
      id: globalIdOf('TrainingProgram')(),
      version: z.number().int().min(1),
      code: optional(recordCode()),
      title: optional(title()),
      description: optional(z.string().trim().max(5000).superRefine(safeText)),
      jp: optional(jp()),
      durationMinutes: optional(durationMinutes()),
      startDate: optional(calendarDate()),
      endDate: optional(calendarDate()),
      capacity: optional(z.number().int().min(1, 'must be at least 1').max(10_000)),
      costPerParticipant: optional(rupiah()),
      competencies: optional(competencies()),
      status: optional(z.enum(PROGRAM_STATUSES)),
      cohort: optional(z.number().int().min(1).max(100)),
      location: optional(z.string().trim().max(200).superRefine(safeLine)),
    })
    .superRefine((input, ctx) => {
      if (input.jp !== undefined && input.durationMinutes !== undefined)
        ctx.addIssue({ code: 'custom', path: ['jp'], message: 'give at most one of jp or durationMinutes' });
    })
    .transform(({ id, ...rest }) => ({ ...duration(rest), program: id })),
);

export const EnrollEmployeeInput = lazySchema(() =>
  z
    .object({
      programId: globalIdOf('TrainingProgram')(),
      employeeId: globalIdOf('Employee')(),
      studyFunding: optional(z.enum(STUDY_FUNDINGS)),
      idempotencyKey: idempotencyKey(),
    })
    .transform(({ programId, employeeId, ...rest }) => ({
      ...rest,
      program: programId,
      employee: employeeId,
    })),
);

export const CompleteEnrollmentInput = lazySchema(() =>
  z
    .object({
      enrollmentId: globalIdOf('Enrollment')(),
      version: optional(z.number().int().min(1)),
      attended: optional(z.boolean()).transform((v) => v ?? true),
      preTestScore: optional(score()),
      postTestScore: optional(score()),
      completedOn: optional(calendarDate()),
    })
    .transform(({ enrollmentId, ...rest }) => ({ ...rest, enrollment: enrollmentId })),
);

export const DropEnrollmentInput = lazySchema(() =>
  z
    .object({
      enrollmentId: globalIdOf('Enrollment')(),
      version: optional(z.number().int().min(1)),
      reason: optional(z.string().trim().max(500).superRefine(safeText)),
    })
    .transform(({ enrollmentId, ...rest }) => ({ ...rest, enrollment: enrollmentId })),
);

export const CreatePartnerInput = lazySchema(() =>
  z.object({
    code: z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be 2–32 lowercase letters, digits or dashes'),
    name: title(),
    kind: z.enum(PARTNER_KINDS),
    city: optional(z.string().trim().max(100).superRefine(safeLine)),
  }),
);

export const TrainingProgramFilterInput = lazySchema(() =>
  z
    .object({
      status: optional(z.array(z.enum(PROGRAM_STATUSES))),
      category: optional(z.array(z.enum(PROGRAM_CATEGORIES))),
      partnerCode: optional(partnerCode()),
      from: optional(calendarDate()),
      to: optional(calendarDate()),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must not be before from' })
    .nullish()
    .transform((f) => {
      const { partnerCode, ...rest } = f ?? {};
      return { ...rest, partnerId: partnerCode };
    }),
);

export const EnrollmentStatusList = lazySchema(() => optional(z.array(z.enum(ENROLLMENT_STATUSES))));
