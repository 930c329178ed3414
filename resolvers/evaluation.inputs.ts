import * as z from 'zod';
import { EVALUATION_KINDS } from '../src/domain/evaluation';
import { POTENTIALS } from '../src/domain/nine-box';
import { parsePeriod } from '../src/domain/period';
import { PREDIKATS, RATINGS } from '../src/domain/skp-predikat';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, idempotencyKey, optional, safeText } from './input-fields';

const score = lazySchema(() => z.number().min(0, 'must be 0–100').max(100, 'must be 0–100'));
const notes = lazySchema(() =>
  optional(z.string().trim().max(2000, 'must have at most 2000 characters').superRefine(safeText)),
);

/** A period key (`YYYY`, `YYYY-Qn`, `YYYY-MM`) parsed into its range and label; the reason says what is wrong. */
const period = lazySchema(() =>
  z
    .string()
    .max(20, 'is not a period')
    .transform((value, ctx) => {
      const parsed = parsePeriod(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      return parsed.value;
    }),
);

/** recordAppraisal: the predikat is computed by the service from the two ratings. */
export const RecordAppraisalInput = lazySchema(() =>
  z
    .object({
      employeeId: globalIdOf('Employee')(),
      period: period(),
      resultRating: z.enum(RATINGS),
      behaviourRating: z.enum(RATINGS),
      potential: optional(z.enum(POTENTIALS)),
      notes: notes(),
      idempotencyKey: idempotencyKey(),
    })
    .transform(({ employeeId, ...rest }) => ({ ...rest, employee: employeeId })),
);

/** evaluateProgram: results from an indicator and two of its periods, or a reported change, not both. */
export const EvaluateProgramInput = lazySchema(() =>
  z
    .object({
      programId: globalIdOf('TrainingProgram')(),
      reactionScore: optional(score()),
      behaviourScore: optional(score()),
      indicatorId: optional(globalIdOf('PerformanceIndicator')()),
      beforePeriod: optional(period()),
      afterPeriod: optional(period()),
      resultsChangePercent: optional(
        z.number().min(-100, 'must be at least -100').max(1000, 'must be at most 1000'),
      ),
      notes: notes(),
      idempotencyKey: idempotencyKey(),
    })
    .superRefine((input, ctx) => {
      if (input.indicatorId && input.resultsChangePercent !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['resultsChangePercent'],
          message: 'give either indicatorId (with its periods) or resultsChangePercent, not both',
        });
      }
      for (const key of ['beforePeriod', 'afterPeriod'] as const) {
        if (input.indicatorId && !input[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required with indicatorId' });
        if (!input.indicatorId && input[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is only used with indicatorId' });
      }
    })
    .transform(({ programId, indicatorId, ...rest }) => ({
      ...rest,
      program: programId,
      indicator: indicatorId,
    })),
);

/** Evaluation list filter; the period is normalized to its key (`2026-q2` -> `2026-Q2`). */
export const EvaluationFilterInput = lazySchema(() =>
  z
    .object({
      kind: optional(z.enum(EVALUATION_KINDS)),
      employeeId: optional(globalIdOf('Employee')()),
      programId: optional(globalIdOf('TrainingProgram')()),
      unitId: optional(globalIdOf('Unit')()),
      period: optional(period()),
      predikat: optional(z.enum(PREDIKATS)),
    })
    .nullish()
    .transform((f) => ({
      kind: f?.kind,
      employee: f?.employeeId,
      program: f?.programId,
      unit: f?.unitId,
      period: f?.period?.key,
      predikat: f?.predikat,
    })),
);
