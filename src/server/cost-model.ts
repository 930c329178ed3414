import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../data/paginate';
import { supportedPairs } from '../domain/analytics/capabilities';
import { DIMENSIONS, type Dimension } from '../domain/analytics/dimensions';
import { type DimensionCardinality, maxGroups, type ValueDimension } from '../domain/analytics/max-groups';
import { MEASURE_NAMES } from '../domain/analytics/measures';
import { MAX_HOLIDAYS_PER_YEAR } from '../domain/holiday-calendar';
import { IKM_ELEMENTS } from '../domain/ikm';
import { MAX_INVITATIONS } from '../domain/invitation';
import { MAX_WINDOW_PERIODS } from '../domain/leadership/evaluation-thresholds';
import { MAX_FOLLOW_UPS } from '../domain/leadership/follow-up';
import { MAX_SUGGESTED_PROGRAMS } from '../domain/leadership/jp-shortfall';
import { MAX_RESULT_UNITS } from '../domain/leadership/mentoring-results';
import { MAX_SERIES_COHORTS } from '../domain/leadership/program-series';
import { GOAL_OUTCOMES, MAX_GOALS } from '../domain/mentorship';
import { NINE_BOXES } from '../domain/nine-box';
import { MAX_STORED_REJECTIONS } from '../domain/onboarding/import-job';
import { EVALUATION_FIGURES } from '../domain/program-evaluation';
import { PREDIKATS } from '../domain/skp-predikat';
import { STUDY_FUNDINGS } from '../domain/study-leave';
import { PROGRAM_CATEGORIES } from '../domain/training-formats';
import { MAX_NEEDS_UNITS, NEED_FIGURES } from '../domain/training-needs';
import { KEPT_ATTEMPTS } from '../domain/webhooks/webhook-delivery';
import { MAX_SIASN_RECORDS } from '../services/siasn-service';
import { MAX_TALENT_STAFF } from '../services/talent-service';
import type { CostModel } from './operation-cost';

/** A `totalCount` runs a COUNT query over a whole partition: it weighs like ten fields. */
const TOTAL_COUNT_COST = 10;

/** `AggregateFilter` fields that narrow a dimension to the values they list. */
const FILTER_DIMENSIONS: Record<string, ValueDimension> = {
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
};

interface AggregateArgs {
  input?: {
    measures?: unknown[];
    groupBy?: Dimension[] | null;
    filter?: (Record<string, unknown> & { from?: string | null; to?: string | null }) | null;
  };
}

/** The lists of an `aggregate` answer: groups (see maxGroups), their keys, the measures, and the columns' axes. */
function aggregateSizes(args: AggregateArgs, cardinality: DimensionCardinality, now: Date) {
  const input = args.input ?? {};
  const groupBy = (input.groupBy ?? []).filter((d) => (DIMENSIONS as readonly string[]).includes(d));
  const filterSizes: Partial<Record<ValueDimension, number>> = {};
  for (const [field, dimension] of Object.entries(FILTER_DIMENSIONS)) {
    const listed = input.filter?.[field];
    if (Array.isArray(listed)) filterSizes[dimension] = new Set(listed).size;
  }
  const measures = new Set(input.measures ?? []).size;
  const question = {
    groupBy,
    filterSizes,
    from: input.filter?.from ?? undefined,
    to: input.filter?.to ?? undefined,
  };
  return {
    'AggregateResult.groups': maxGroups(question, cardinality, now),
    'AggregateGroup.key': groupBy.length,
    'AggregateGroup.values': measures,
    'AggregateResult.totals': measures,
    // Columns: an axis per dimension, holding at most that dimension's values; a series per measure.
    'AggregateColumns.axes': groupBy.length,
    'AggregateAxis.values': Math.max(
      0,
      ...groupBy.map((dimension) => maxGroups({ ...question, groupBy: [dimension] }, cardinality, now)),
    ),
    'AggregateColumns.series': measures,
  };
}

/**
 * What the operation cost knows about this API's lists: connections page by `first` (default
 * 20); the capability lists, the IKM elements, a year's closed days and the study arrangements
 * have fixed bounds; an `aggregate` answer has at
 * most the groups its dimensions can form in the caller's agency (`cardinality`).
 */
export function apiCostModel(cardinality: DimensionCardinality, now: Date): CostModel {
  return {
    defaultPageSize: DEFAULT_PAGE_SIZE,
    defaultListSize: MAX_PAGE_SIZE,
    totalCountCost: TOTAL_COUNT_COST,
    listSizes: {
      'SatisfactionSummary.elements': IKM_ELEMENTS.length,
      'AggregateCapabilities.measures': MEASURE_NAMES.length,
      'AggregateCapabilities.dimensions': DIMENSIONS.length,
      'AggregateCapabilities.pairs': supportedPairs().length,
      'HolidayList.days': MAX_HOLIDAYS_PER_YEAR,
      // The national list and the agency's, merged.
      'HolidayCalendar.closedDays': 2 * MAX_HOLIDAYS_PER_YEAR,
      'StudyEligibility.arrangements': STUDY_FUNDINGS.length,
      // An import job keeps at most 500 refused cells; an upload needs a handful of headers.
      'ImportReport.rejections': MAX_STORED_REJECTIONS,
      'ImportUpload.headers': 10,
      // siasnCourseRecords and siasnSkpRecords answer at most 2000 records, taken and refused together.
      'SiasnCourseRecords.records': MAX_SIASN_RECORDS,
      'SiasnCourseRecords.refused': MAX_SIASN_RECORDS,
      'SiasnSkpRecords.records': MAX_SIASN_RECORDS,
      'SiasnSkpRecords.refused': MAX_SIASN_RECORDS,
      // A partner has at most 10 endpoints; an agency's registrations count as a full page.
      'Query.webhookEndpoints': MAX_PAGE_SIZE,
      // A delivery keeps its latest 30 attempts.
      'WebhookDelivery.attempts': KEPT_ATTEMPTS,
      // Invitations: at most 30 employees a call. Talent: nine boxes over at most 300 staff.
      'Mutation.inviteToProgram': MAX_INVITATIONS,
      'TalentDistribution.boxes': NINE_BOXES.length,
      'TalentBoxCount.employees': MAX_TALENT_STAFF,
      'TalentDistribution.unplaced': MAX_TALENT_STAFF,
      // Evaluation follow-up: at most 20 actions per evaluation and 20 cohorts per series; a
      // recommendation rests on a handful of findings (one per figure at most).
      'Evaluation.followUpActions': MAX_FOLLOW_UPS,
      'ProgramSeries.cohorts': MAX_SERIES_COHORTS,
      'Evaluation.findings': EVALUATION_FIGURES.length,
      'ResultsEvidence.beforePeriods': MAX_WINDOW_PERIODS,
      'ResultsEvidence.afterPeriods': MAX_WINDOW_PERIODS,
      // Mentoring results: at most 10 units; all five predikat and three goal outcomes, counted.
      'Mentorship.goalResults': MAX_GOALS,
      'MentoringResults.units': MAX_RESULT_UNITS,
      'MentoringResults.goalOutcomes': GOAL_OUTCOMES.length,
      'MentoringGroupResult.before': PREDIKATS.length,
      'MentoringGroupResult.after': PREDIKATS.length,
      // Training needs: at most 100 units, each category once with at most one reason per figure;
      // a JP shortfall suggests at most three programs.
      'Query.trainingNeeds': MAX_NEEDS_UNITS,
      'UnitTrainingNeeds.needs': PROGRAM_CATEGORIES.length,
      'TrainingNeed.reasons': NEED_FIGURES.length,
      'JpShortfall.openPrograms': MAX_SUGGESTED_PROGRAMS,
    },
    argumentSizers: {
      'Query.aggregate': (args) => aggregateSizes(args as AggregateArgs, cardinality, now),
    },
  };
}
