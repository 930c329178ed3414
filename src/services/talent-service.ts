import type { Employee } from '../domain/employee';
import type { Appraisal } from '../domain/evaluation';
import type { Unit } from '../domain/organization';
import { distributeTalent, talentOf } from '../domain/talent-distribution';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

/** Most active staff one distribution places (the bound the operation cost counts per list). */
export const MAX_TALENT_STAFF = 300;

/** A unit's talent 9-box distribution: its active staff per box, and those not placed yet. */
export interface TalentDistribution {
  unit: Unit;
  boxes: { box: number; employees: Employee[] }[];
  unplaced: Employee[];
}

/**
 * Talent management per unit (manajemen talenta, PermenPANRB 3/2020): where a unit's staff sit
 * on the 9-box, from their latest appraisals and assessed potential. Appraisals are personnel
 * records, so only administrators and the head of that very unit may see the distribution.
 * Three reads (the unit, its staff, its appraisals) whatever the unit's size.
 */
export function createTalentService(deps: ServiceDeps) {
  const { employees, evaluations, organization } = deps;
  return {
    async distribution(scope: RequestScope, ref: Ref): Promise<TalentDistribution> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      requireSameAgency(caller, ref.agencyId);
      const unit = await organization.getUnit(scope.loader, ref.agencyId, ref.id);
      if (!unit) throw new NotFoundError('Unit', ref.id);
      if (caller.role === 'UNIT_HEAD' && caller.unitId !== unit.id)
        throw new ForbiddenError(
          "Only an administrator or the unit's own head may see its talent distribution",
        );
      const staff = await employees.activeOfUnit(unit.agencyId, unit.id);
      if (staff.length > MAX_TALENT_STAFF)
        throw BadUserInputError.of(
          'unitId',
          `the unit has ${staff.length} active staff, more than ${MAX_TALENT_STAFF}: ask per sub-unit`,
        );
      // The appraisals made in the unit, in one query (gsi4, paged at 1 MB), not one per person:
      // a unit of hundreds stays within the request's call budget. Appraisals a person received
      // in another unit before moving here are not read (as in mentoringResults).
      const appraisals = await evaluations.appraisalsOfUnit(
        unit.agencyId,
        unit.id,
        '0000-01-01',
        '9999-12-31',
      );
      const byPerson = new Map<string, Appraisal[]>();
      for (const a of appraisals) byPerson.set(a.employeeId, [...(byPerson.get(a.employeeId) ?? []), a]);
      const placed = staff.map((person) => ({
        person,
        // Newest period first, as talentOf reads them (the query returns period order).
        talent: talentOf([...(byPerson.get(person.id) ?? [])].reverse()),
      }));
      const { boxes, unplaced } = distributeTalent(placed);
      return { unit, boxes: boxes.map((b) => ({ box: b.box, employees: b.people })), unplaced };
    },
  };
}

export type TalentService = ReturnType<typeof createTalentService>;
