/**
 * Training needs of a unit (analisis kebutuhan pelatihan, article 001: extra training where
 * complaints pile up; staff going a year without any learning): the figures that signal a need, each reason naming its figure, period,
 * value and threshold, turned into suggested program categories.
 *
 * The service (src/services/training-needs-service.ts) reads these figures from the dashboard
 * rollups: the same measures a dashboard can ask `aggregate` for, per unit and year.
 */
import { IKM_BAND_FLOORS, IKM_BANDS, ikmBand } from './ikm';
import { roundHalfUp } from './round-half-up';
import type { ProgramCategory } from './training-formats';

/** The figures a need can rest on. */
export const NEED_FIGURES = [
  'IKM',
  'AVG_COMPLAINT_RESPONSE_HOURS',
  'COMPLAINTS_OVERDUE',
  'COMPLAINT_RESPONSES_OVERDUE',
  'INDICATOR_ACHIEVEMENT',
  'INACTIVE_EMPLOYEES',
] as const;
export type NeedFigure = (typeof NEED_FIGURES)[number];

/** Program categories each figure calls for (public service first: the articles' complaint stories). */
export const CATEGORIES_OF_FIGURE: Record<NeedFigure, ProgramCategory[]> = {
  IKM: ['PUBLIC_SERVICE'],
  AVG_COMPLAINT_RESPONSE_HOURS: ['PUBLIC_SERVICE'],
  COMPLAINTS_OVERDUE: ['PUBLIC_SERVICE'],
  COMPLAINT_RESPONSES_OVERDUE: ['PUBLIC_SERVICE'],
  INDICATOR_ACHIEVEMENT: ['TECHNICAL'],
  // Staff without any development for a year first lack the technical competence of their own job.
  INACTIVE_EMPLOYEES: ['TECHNICAL'],
};

/**
 * Share of a unit's active employees, in percent, that may go a year without learning before the
 * unit needs training. Each of them already misses the 20 JP minimum (employeesShortOfJp names
 * them one by one); past a quarter of the staff it is the unit's pattern, not a person's gap.
 */
export const INACTIVE_SHARE_THRESHOLD_PERCENT = 25;

/** A unit's figures for the year asked (`after`) and the one before (`before`); null = not measured. */
export interface UnitFigures {
  period: string;
  ikm: { before: number | null; after: number | null };
  responseHours: { before: number | null; after: number | null };
  complaintsOverdue: number | null;
  /** Complaints whose first response came (or is still missing) after 3 working days. */
  responsesOverdue: number | null;
  indicatorAchievement: number | null;
  /** Active employees without learning in the 12 months of the year (its Q4, INACTIVE_EMPLOYEES). */
  inactiveEmployees: number | null;
  /** Active employees of the unit now (EMPLOYEE_COUNT). */
  employees: number | null;
}

/** One reason of a need. */
export interface NeedReason {
  figure: NeedFigure;
  period: string;
  value: number;
  threshold: number;
}

/** A suggested category with the reasons behind it. */
export interface TrainingNeed {
  category: ProgramCategory;
  reasons: NeedReason[];
}

/** The reasons a unit's figures give, in NEED_FIGURES order. */
export function needReasons(f: UnitFigures): NeedReason[] {
  const reasons: NeedReason[] = [];
  const { before, after } = f.ikm;
  if (before !== null && after !== null) {
    const was = ikmBand(before);
    if (IKM_BANDS.indexOf(ikmBand(after)) > IKM_BANDS.indexOf(was))
      reasons.push({ figure: 'IKM', period: f.period, value: after, threshold: IKM_BAND_FLOORS[was] });
  }
  const hours = f.responseHours;
  if (hours.before !== null && hours.after !== null && hours.after > hours.before)
    reasons.push({
      figure: 'AVG_COMPLAINT_RESPONSE_HOURS',
      period: f.period,
      value: hours.after,
      threshold: hours.before,
    });
  if (f.complaintsOverdue !== null && f.complaintsOverdue > 0)
    reasons.push({
      figure: 'COMPLAINTS_OVERDUE',
      period: f.period,
      value: f.complaintsOverdue,
      threshold: 0,
    });
  if (f.responsesOverdue !== null && f.responsesOverdue > 0)
    reasons.push({
      figure: 'COMPLAINT_RESPONSES_OVERDUE',
      period: f.period,
      value: f.responsesOverdue,
      threshold: 0,
    });
  if (f.indicatorAchievement !== null && f.indicatorAchievement < 100)
    reasons.push({
      figure: 'INDICATOR_ACHIEVEMENT',
      period: f.period,
      value: f.indicatorAchievement,
      threshold: 100,
    });
  if (f.inactiveEmployees !== null && f.employees !== null && f.employees > 0) {
    const threshold = roundHalfUp((f.employees * INACTIVE_SHARE_THRESHOLD_PERCENT) / 100, 2);
    if (f.inactiveEmployees > threshold)
      reasons.push({ figure: 'INACTIVE_EMPLOYEES', period: f.period, value: f.inactiveEmployees, threshold });
  }
  return reasons;
}

/** The needs of a unit: each suggested category once, with every reason that calls for it. */
export function trainingNeedsOf(f: UnitFigures): TrainingNeed[] {
  const needs = new Map<ProgramCategory, NeedReason[]>();
  for (const reason of needReasons(f))
    for (const category of CATEGORIES_OF_FIGURE[reason.figure])
      needs.set(category, [...(needs.get(category) ?? []), reason]);
  return [...needs].map(([category, reasons]) => ({ category, reasons }));
}

/** Most units one `trainingNeeds` answer covers (named, or in reach without names). */
export const MAX_NEEDS_UNITS = 100;

/** Most units a question may name. */
export const MAX_NAMED_NEEDS_UNITS = 50;
