import * as z from 'zod';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, MODERATION_STATUSES } from '../src/domain/feedback';
import { validateSurveyAnswers } from '../src/domain/ikm';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, instant, optional, safeLine, safeText } from './input-fields';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must have at least ${min} characters`)
    .max(max, `must have at most ${max.toLocaleString('en')} characters`)
    .superRefine(safeText);
const version = lazySchema(() => z.number().int().min(1));

/** Nine answers 1–4 (DOMAIN rule 5); a failure names `surveyAnswers` or `surveyAnswers.<index>`. */
const surveyAnswers = lazySchema(() =>
  z
    .array(z.number())
    .nullish()
    .transform((answers, ctx) => {
      if (answers === null || answers === undefined) return undefined;
      const checked = validateSurveyAnswers(answers);
      if (checked.ok) return checked.value;
      const index = /\[(\d+)\]$/.exec(checked.field ?? '')?.[1];
      ctx.addIssue({
        code: 'custom',
        message: checked.reason,
        path: index === undefined ? [] : [Number(index)],
      });
      return z.NEVER;
    }),
);

const contact = lazySchema(() =>
  z
    .object({
      name: optional(text(1, 100).superRefine(safeLine)),
      email: optional(z.email('is not a valid e-mail address').max(254)),
      phone: optional(z.string().regex(/^\+?[0-9]{6,15}$/, 'must be 6–15 digits with an optional leading +')),
    })
    .nullish()
    .transform((c) => (c && (c.name || c.email || c.phone) ? c : undefined)),
);

/** submitFeedback input: answers, a text or both. */
export const SubmitFeedbackInput = lazySchema(() =>
  z
    .object({
      unitId: globalIdOf('Unit')(),
      serviceName: text(2, 200).superRefine(safeLine),
      channel: optional(z.enum(FEEDBACK_CHANNELS)).transform((v) => v ?? 'ONLINE'),
      kind: optional(z.enum(FEEDBACK_KINDS)),
      surveyAnswers: surveyAnswers(),
      text: text(0, 2000)
        .nullish()
        .transform((v) => v || undefined),
      contact: contact(),
    })
    .superRefine((input, ctx) => {
      if (!input.surveyAnswers && !input.text)
        ctx.addIssue({ code: 'custom', path: [], message: 'give surveyAnswers, a text or both' });
    })
    .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId })),
);

/** respondToComplaint input. */
export const RespondToComplaintInput = lazySchema(() =>
  z
    .object({ feedbackId: globalIdOf('Feedback')(), response: text(2, 2000), version: version() })
    .transform(({ feedbackId, ...rest }) => ({ ...rest, feedback: feedbackId })),
);

/** resolveComplaint input. */
export const ResolveComplaintInput = lazySchema(() =>
  z
    .object({ feedbackId: globalIdOf('Feedback')(), resolution: text(2, 2000), version: version() })
    .transform(({ feedbackId, ...rest }) => ({ ...rest, feedback: feedbackId })),
);

/** moderateFeedback input. */
export const ModerateFeedbackInput = lazySchema(() =>
  z
    .object({ feedbackId: globalIdOf('Feedback')(), status: z.enum(MODERATION_STATUSES), version: version() })
    .transform(({ feedbackId, ...rest }) => ({ ...rest, feedback: feedbackId })),
);

/** A time range, `from` inclusive and `to` exclusive; `to` must come after `from`. */
export const TimeRangeInput = lazySchema(() =>
  z
    .object({ from: optional(instant()), to: optional(instant()) })
    .refine((r) => !r.from || !r.to || r.from < r.to, { path: ['to'], message: 'must be after from' }),
);

/** Feedback list filter. */
export const FeedbackFilterInput = lazySchema(() =>
  z
    .object({
      unitId: optional(globalIdOf('Unit')()),
      channel: optional(z.enum(FEEDBACK_CHANNELS)),
      kind: optional(z.enum(FEEDBACK_KINDS)),
      from: optional(instant()),
      to: optional(instant()),
      overdueOnly: optional(z.boolean()),
      moderationStatus: optional(z.enum(MODERATION_STATUSES)),
    })
    .refine((f) => !f.from || !f.to || f.from < f.to, { path: ['to'], message: 'must be after from' })
    .transform(({ unitId, ...rest }) => ({ ...rest, unit: unitId }))
    .nullish()
    .transform((f) => f ?? { unit: undefined }),
);
