import type { Employee } from '../domain/employee';
import {
  inCohort,
  type MentoringResults,
  mentoringResults,
  type PredikatReadings,
  ranDuring,
  readingsFor,
} from '../domain/leadership/mentoring-results';
import { type GoalOutcome, type Mentorship, ratingRefusal, withGoalResult } from '../domain/mentorship';
import type { Unit } from '../domain/organization';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { isSelf } from './staff-scope';
import { createVisibility } from './visibility';

/** Most people one mentoring-results question reads the appraisals of. */
export const MAX_RESULT_PEOPLE = 1000;
const READ_BATCH = 25;

/** Mentoring results for some units and a year, with the units asked about. */
export type UnitMentoringResults = MentoringResults & { units: Unit[] };

/** Runs `read` over `items` a batch at a time (the table is shared; no unbounded fan-out). */
async function inBatches<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += READ_BATCH)
    out.push(...(await Promise.all(items.slice(i, i + READ_BATCH).map(read))));
  return out;
}

/**
 * Mentoring with results (issue 14 item 4): goals tracked to an outcome by the mentor (or an
 * administrator), the mentee's rating of the mentoring (once, after it ended), and the effect on
 * mentees' predikat against unmentored colleagues of the same units
 * (src/domain/leadership/mentoring-results.ts).
 */
export function createMentoringResultsService(deps: ServiceDeps) {
  const { mentorships, employees, evaluations, organization, clock } = deps;
  const visibility = createVisibility(organization);

  async function latest(ref: Ref): Promise<Mentorship> {
    const found = await mentorships.getLatest(ref.agencyId, ref.id);
    if (!found) throw new NotFoundError('Mentorship', ref.id);
    return found;
  }

  return {
    /** The outcome of one goal: the mentor or an administrator, at any status (a cancelled goal may be PARTLY met). */
    async recordGoalOutcome(
      scope: RequestScope,
      input: {
        mentorship: Ref;
        version: number;
        goalIndex: number;
        outcome: GoalOutcome;
        note?: string | undefined;
      },
    ): Promise<Mentorship> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.mentorship.agencyId);
      const current = await latest(input.mentorship);
      if (caller.role !== 'ADMIN' && !isSelf(caller, current.mentorId))
        throw new ForbiddenError('Only the mentor or an administrator may record a goal outcome');
      if (current.version !== input.version)
        throw new ConflictError(
          `Mentorship changed since you read it: you sent version ${input.version}, the current version is ${current.version}`,
          { field: 'input.version', currentVersion: current.version },
        );
      if (input.goalIndex >= current.goals.length)
        throw BadUserInputError.of(
          'input.goalIndex',
          `the mentorship has ${current.goals.length} goals (indexes 0 to ${current.goals.length - 1})`,
        );
      const next = withGoalResult(current, {
        goalIndex: input.goalIndex,
        outcome: input.outcome,
        note: input.note,
        recordedAt: clock().toISOString(),
        recordedBy: caller.employeeId,
      });
      await mentorships.recordGoalOutcome(current, next);
      return next;
    },

    /** The mentee's rating, 1–5: only the mentee, once, after the mentorship ended. */
    async rate(
      scope: RequestScope,
      input: { mentorship: Ref; rating: number; comment?: string | undefined },
    ): Promise<Mentorship> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.mentorship.agencyId);
      const current = await latest(input.mentorship);
      if (!isSelf(caller, current.menteeId))
        throw new ForbiddenError('Only the mentee may rate the mentoring');
      const refusal = ratingRefusal(current);
      if (refusal && current.menteeRating) throw new ConflictError(refusal, { field: 'input.mentorshipId' });
      if (refusal) throw BadUserInputError.of('input.mentorshipId', refusal);
      const rating = { rating: input.rating, comment: input.comment, ratedAt: clock().toISOString() };
      // The stored item decides again: a second rating racing this one is CONFLICT.
      await mentorships.rate(current, rating);
      return { ...current, menteeRating: rating };
    },

    /** Mentees' predikat before and after year Y against unmentored colleagues of the same units. */
    async results(scope: RequestScope, input: { units: Ref[]; year: number }): Promise<UnitMentoringResults> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      const units: Unit[] = [];
      for (const [index, ref] of input.units.entries()) {
        requireSameAgency(caller, ref.agencyId);
        const unit = await organization.getUnit(scope.loader, ref.agencyId, ref.id);
        if (!unit) throw BadUserInputError.of(`filter.unitIds.${index}`, 'no such unit in this agency');
        if (!(await visibility.canSeeUnit(scope, caller, unit.id)))
          throw new ForbiddenError('This unit is outside your reach');
        units.push(unit);
      }
      const unitIds = [...new Set(units.map((u) => u.id))];
      const { agencyId } = caller;
      const { year } = input;
      const known = await mentorships.startedUntil(agencyId, `${year}-12-31`, unitIds);
      const cohort = known.filter((m) => inCohort(m, year));
      const menteeIds = [...new Set(cohort.map((m) => m.menteeId))];
      const staff = (await Promise.all(unitIds.map((id) => employees.activeOfUnit(agencyId, id)))).flat();
      // Colleagues mentored at any time in Y (here or in another unit) are in neither group.
      const mentoredInYear = new Set(known.filter((m) => ranDuring(m, year)).map((m) => m.menteeId));
      const knownIds = new Set(known.map((m) => m.id));
      const candidates = staff.filter((e) => !mentoredInYear.has(e.id) && !menteeIds.includes(e.id));
      const elsewhere = async (e: Employee) => {
        const ids = (e.mentorshipIdsAsMentee ?? []).filter((id) => !knownIds.has(id));
        const found = await Promise.all(ids.map((id) => mentorships.getLatest(agencyId, id)));
        return found.some((m) => m && ranDuring(m, year));
      };
      if (menteeIds.length + candidates.length > MAX_RESULT_PEOPLE)
        throw BadUserInputError.of(
          'filter.unitIds',
          `the units have more than ${MAX_RESULT_PEOPLE} people to compare: ask about fewer units`,
        );
      const excluded = await inBatches(candidates, elsewhere);
      const comparison = candidates.filter((_, i) => !excluded[i]);
      const readings = (ids: readonly string[]): Promise<PredikatReadings[]> =>
        inBatches(ids, async (id) => readingsFor(await evaluations.allAppraisalsOf(agencyId, id), year));
      const [mentees, others] = await Promise.all([
        readings(menteeIds),
        readings(comparison.map((e) => e.id)),
      ]);
      return { units, ...mentoringResults({ year, mentorships: cohort, mentees, colleagues: others }) };
    },
  };
}

export type MentoringResultsService = ReturnType<typeof createMentoringResultsService>;
