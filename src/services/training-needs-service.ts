import type { Measure } from '../domain/analytics/measures';
import type { Unit } from '../domain/organization';
import {
  MAX_NEEDS_UNITS,
  NEED_FIGURES,
  type TrainingNeed,
  trainingNeedsOf,
  type UnitFigures,
} from '../domain/training-needs';
import { BadUserInputError, ForbiddenError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { AnalyticsService } from './analytics-service';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';

/** A unit's training needs for a year, with the figures they rest on. */
export interface UnitTrainingNeeds {
  unit: Unit;
  year: number;
  needs: TrainingNeed[];
  figures: UnitFigures;
}

/** The measures read per UNIT and YEAR: the need figures but INACTIVE_EMPLOYEES (asked per quarter). */
const MEASURES_READ: Measure[] = NEED_FIGURES.filter((f) => f !== 'INACTIVE_EMPLOYEES');

/**
 * Training needs per unit (analisis kebutuhan pelatihan, issue 14 item 1): the year's figures
 * against the year before, read from the dashboard rollups in two `aggregate` questions (UNIT x
 * YEAR over the two years; inactive staff per UNIT at the year's Q4), so the cost follows the
 * number of units, not of records. The rule
 * itself is src/domain/training-needs.ts.
 */
export function createTrainingNeedsService(deps: ServiceDeps, analytics: AnalyticsService) {
  const { organization, clock } = deps;
  const visibility = createVisibility(organization);

  /** The units asked for (each checked), or every unit in the caller's reach. */
  async function unitsAsked(scope: RequestScope, refs: Ref[] | undefined): Promise<Unit[]> {
    const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
    if (!refs) {
      const all = await organization.allUnits(caller.agencyId);
      if (caller.role === 'ADMIN') return all;
      const reach = new Set(await visibility.unitsInReach(scope, caller));
      return all.filter((u) => reach.has(u.id));
    }
    const units: Unit[] = [];
    for (const [index, ref] of refs.entries()) {
      requireSameAgency(caller, ref.agencyId);
      const unit = await organization.getUnit(scope.loader, ref.agencyId, ref.id);
      if (!unit) throw BadUserInputError.of(`filter.unitIds.${index}`, 'no such unit in this agency');
      if (!(await visibility.canSeeUnit(scope, caller, unit.id)))
        throw new ForbiddenError('This unit is outside your reach');
      if (!units.some((u) => u.id === unit.id)) units.push(unit);
    }
    return units;
  }

  return {
    /**
     * Needs of the units asked (all of them, needs or not), or, without units, of the units in
     * reach that have at least one need; units in name order.
     */
    async needs(
      scope: RequestScope,
      input: { units?: Ref[] | undefined; year: number },
    ): Promise<UnitTrainingNeeds[]> {
      const { year } = input;
      const thisYear = clock().getUTCFullYear();
      if (year > thisYear)
        throw BadUserInputError.of('filter.year', `must not be after the current year (${thisYear})`);
      const units = await unitsAsked(scope, input.units);
      if (units.length === 0) return [];
      if (units.length > MAX_NEEDS_UNITS)
        throw BadUserInputError.of(
          'filter.unitIds',
          `${units.length} units are in reach, more than ${MAX_NEEDS_UNITS}: name the units to judge`,
        );
      const filter = { UNIT: units.map((u) => u.id) };
      const [answer, inactive] = await Promise.all([
        analytics.aggregate(scope, {
          measures: MEASURES_READ,
          groupBy: ['UNIT', 'YEAR'],
          filter,
          from: `${year - 1}-01-01`,
          to: `${year}-12-31`,
        }),
        // Learners are a quarterly state: asked apart, per UNIT, at the year's last quarter (its 12 months).
        analytics.aggregate(scope, {
          measures: ['INACTIVE_EMPLOYEES', 'EMPLOYEE_COUNT'],
          groupBy: ['UNIT'],
          filter,
          to: `${year}-12-31`,
        }),
      ]);
      const value = new Map<string, number | null>();
      for (const group of inactive.groups) {
        const [unit] = group.key.map((k) => k.value);
        for (const v of group.values) value.set(`${unit}|${year}|${v.measure}`, v.value);
      }
      for (const group of answer.groups) {
        const [unit, period] = group.key.map((k) => k.value);
        for (const v of group.values) value.set(`${unit}|${period}|${v.measure}`, v.value);
      }
      const of = (unitId: string, y: number, measure: Measure) =>
        value.get(`${unitId}|${y}|${measure}`) ?? null;
      const answers = units.map((unit) => {
        const figures: UnitFigures = {
          period: String(year),
          ikm: { before: of(unit.id, year - 1, 'IKM'), after: of(unit.id, year, 'IKM') },
          responseHours: {
            before: of(unit.id, year - 1, 'AVG_COMPLAINT_RESPONSE_HOURS'),
            after: of(unit.id, year, 'AVG_COMPLAINT_RESPONSE_HOURS'),
          },
          complaintsOverdue: of(unit.id, year, 'COMPLAINTS_OVERDUE'),
          responsesOverdue: of(unit.id, year, 'COMPLAINT_RESPONSES_OVERDUE'),
          indicatorAchievement: of(unit.id, year, 'INDICATOR_ACHIEVEMENT'),
          inactiveEmployees: of(unit.id, year, 'INACTIVE_EMPLOYEES'),
          employees: of(unit.id, year, 'EMPLOYEE_COUNT'),
        };
        return { unit, year, figures, needs: trainingNeedsOf(figures) };
      });
      const shown = input.units ? answers : answers.filter((a) => a.needs.length > 0);
      return shown.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'id'));
    },
  };
}

export type TrainingNeedsService = ReturnType<typeof createTrainingNeedsService>;
