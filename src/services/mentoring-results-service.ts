import type { Appraisal } from '../domain/evaluation';
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

/** Mentoring results for some units and a year, with the units asked about. */
export type UnitMentoringResults = MentoringResults & { units: Unit[] };

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

    /**
     * Mentees' predikat before and after year Y against unmentored colleagues of the same units,
     * from the appraisals made in those units (a person's appraisals from another unit are not read).
     */
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
      const cohort = (await mentorships.startedIn(agencyId, year, unitIds)).filter((m) => inCohort(m, year));
      const menteeIds = new Set(cohort.map((m) => m.menteeId));
      // One query per unit for staff and one for appraisals (gsi4): the request's call budget holds.
      const [staff, appraisals] = await Promise.all([
        Promise.all(unitIds.map((id) => employees.activeOfUnit(agencyId, id))).then((l) => l.flat()),
        Promise.all(
          unitIds.map((id) =>
            evaluations.appraisalsOfUnit(agencyId, id, `${year - 1}-01-01`, `${year}-12-31`),
          ),
        ).then((l) => l.flat()),
      ]);
      // Colleagues mentored at any time in Y (a cancelled or earlier mentorship still running, here
      // or in another unit) are in neither group: their mentorships, batched by the loader.
      const candidates = staff.filter((e) => !menteeIds.has(e.id));
      const elsewhere = await Promise.all(
        candidates.map(async (e) => {
          const found = await Promise.all(
            (e.mentorshipIdsAsMentee ?? []).map((id) => mentorships.get(scope.loader, agencyId, id)),
          );
          return found.some((m) => m && ranDuring(m, year));
        }),
      );
      const comparison = candidates.filter((_, i) => !elsewhere[i]);
      const byPerson = new Map<string, Appraisal[]>();
      for (const a of appraisals) byPerson.set(a.employeeId, [...(byPerson.get(a.employeeId) ?? []), a]);
      const readings = (ids: Iterable<string>): PredikatReadings[] =>
        [...ids].map((id) => readingsFor(byPerson.get(id) ?? [], year));
      const mentees = readings(menteeIds);
      const others = readings(comparison.map((e) => e.id));
      return { units, ...mentoringResults({ year, mentorships: cohort, mentees, colleagues: others }) };
    },
  };
}

export type MentoringResultsService = ReturnType<typeof createMentoringResultsService>;
