import * as z from 'zod';
import { DIMENSIONS, type Dimension, type TimeDimension } from '../src/domain/analytics/dimensions';
import { MEASURE_NAMES, type Measure } from '../src/domain/analytics/measures';
import type { AggregateRequest } from '../src/domain/analytics/query-plan';
import { lazySchema } from '../src/validation/lazy-schema';
import { calendarDate, globalIdOf, safeLine } from './input-fields';

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must not be empty').max(200).nullish();
const code = lazySchema(() => z.string().trim().min(1).max(64).superRefine(safeLine));

const FILTER_FIELDS = {
  regionIds: 'REGION',
  unitIds: 'UNIT',
  programIds: 'PROGRAM',
  programCategories: 'PROGRAM_CATEGORY',
  partnerCodes: 'PARTNER',
  enrollmentStatuses: 'ENROLLMENT_STATUS',
  golongan: 'GOLONGAN',
  employmentTypes: 'EMPLOYMENT_TYPE',
  genders: 'GENDER',
  predikats: 'PREDIKAT',
  feedbackChannels: 'FEEDBACK_CHANNEL',
} as const satisfies Record<string, Exclude<Dimension, TimeDimension>>;

/** `aggregate` input: measures, groups and a filter whose ids are decoded to the agency's local ids. */
export const AggregateInput = lazySchema(() =>
  z
    .object({
      measures: z.array(z.enum(MEASURE_NAMES as [Measure, ...Measure[]])),
      groupBy: z.array(z.enum(DIMENSIONS)).max(6, 'group by at most 6 dimensions').nullish(),
      filter: z
        .object({
          regionIds: list(code()),
          unitIds: list(globalIdOf('Unit')()),
          programIds: list(globalIdOf('TrainingProgram')()),
          programCategories: list(code()),
          partnerCodes: list(code()),
          enrollmentStatuses: list(code()),
          golongan: list(code()),
          employmentTypes: list(code()),
          genders: list(code()),
          predikats: list(code()),
          feedbackChannels: list(code()),
          from: calendarDate().nullish(),
          to: calendarDate().nullish(),
        })
        .nullish(),
    })
    .transform(({ measures, groupBy, filter }): AggregateRequest & { agencyIds: string[] } => {
      const dims: AggregateRequest['filter'] = {};
      const agencyIds: string[] = [];
      for (const [field, dimension] of Object.entries(FILTER_FIELDS)) {
        const values = filter?.[field as keyof typeof FILTER_FIELDS];
        if (!values) continue;
        dims[dimension] = values.map((v) => {
          if (typeof v === 'string') return v;
          agencyIds.push(v.agencyId);
          return v.id;
        });
      }
      return {
        measures: [...new Set(measures)],
        groupBy: groupBy ?? [],
        filter: dims,
        from: filter?.from ?? undefined,
        to: filter?.to ?? undefined,
        agencyIds,
      };
    }),
);
