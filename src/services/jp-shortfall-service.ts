import { type Connection, listConnection, type PageArgs } from '../data/paginate';
import type { Employee } from '../domain/employee';
import { jpPositionOf, programsForShortfall } from '../domain/leadership/jp-shortfall';
import type { TrainingProgram } from '../domain/training';
import type { JpCompliance } from '../domain/training-hours';
import { BadUserInputError, ForbiddenError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';

/** Most active staff one answer weighs (beyond: ask per unit). */
export const MAX_SHORTFALL_STAFF = 1000;

/** An employee below the yearly JP minimum, with the open programs that fit the gap. */
export interface JpShortfall extends JpCompliance {
  employee: Employee;
  year: number;
  openPrograms: TrainingProgram[];
}

/** The page of shortfalls, with when the JP tallies were last brought up to date. */
export type JpShortfallConnection = Connection<JpShortfall> & { asOf: string | null };

/**
 * Who is short of 20 JP in a year (PP 11/2017 art. 203(4)): active staff of a unit (or of the
 * caller's reach), their JP from the learning tallies the stream aggregator keeps (the figures of
 * JP_COMPLIANCE_RATE, read by BatchGet: one call per 100 people), largest shortfall first, each
 * with up to three OPEN programs that fit (src/domain/leadership/jp-shortfall.ts).
 */
export function createJpShortfallService(deps: ServiceDeps) {
  const { employees, organization, rollups, training, cursors, clock } = deps;
  const visibility = createVisibility(organization);

  async function staffOf(scope: RequestScope, unitRef: Ref | undefined): Promise<Employee[]> {
    const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
    if (unitRef) {
      requireSameAgency(caller, unitRef.agencyId);
      const unit = await organization.getUnit(scope.loader, unitRef.agencyId, unitRef.id);
      if (!unit) throw BadUserInputError.of('unitId', 'no such unit in this agency');
      if (!(await visibility.canSeeUnit(scope, caller, unit.id)))
        throw new ForbiddenError('This unit is outside your reach');
      return employees.activeOfUnit(caller.agencyId, unit.id);
    }
    if (caller.role === 'ADMIN') return employees.activeOfAgency(caller.agencyId);
    const reach = await visibility.unitsInReach(scope, caller);
    return (await Promise.all(reach.map((id) => employees.activeOfUnit(caller.agencyId, id)))).flat();
  }

  return {
    /** Active staff below the minimum in `year`, largest shortfall first, then by name. */
    async list(
      scope: RequestScope,
      input: { year: number; unit?: Ref | undefined },
      page: PageArgs,
    ): Promise<JpShortfallConnection> {
      const now = clock();
      const thisYear = now.getUTCFullYear();
      if (input.year > thisYear)
        throw BadUserInputError.of('year', `must not be after the current year (${thisYear})`);
      const agencyId = requireStaff(scope.caller).agencyId;
      // The watermark is read before the tallies (beside the staff, one round trip): the
      // aggregator moves it only after applying changes, so every change up to `asOf` is in them.
      const [staff, asOf] = await Promise.all([staffOf(scope, input.unit), rollups.asOf(agencyId)]);
      if (staff.length > MAX_SHORTFALL_STAFF)
        throw BadUserInputError.of(
          'unitId',
          `${staff.length} active staff are more than ${MAX_SHORTFALL_STAFF}: ask per unit`,
        );
      const today = now.toISOString().slice(0, 10);
      const [tallies, programs] = await Promise.all([
        rollups.jpTallies(
          agencyId,
          staff.map((e) => e.id),
          input.year,
        ),
        // Programs to join are those still to come: only the current year's gaps can use them.
        input.year === thisYear ? training.openProgramsFrom(agencyId, today) : Promise.resolve([]),
      ]);
      const short = staff
        .map((employee) => ({ employee, ...jpPositionOf(tallies.get(employee.id)) }))
        .filter((s) => !s.compliant)
        .sort((a, b) => b.shortfall - a.shortfall || a.employee.name.localeCompare(b.employee.name, 'id'))
        .map((s) => ({
          ...s,
          year: input.year,
          openPrograms: programsForShortfall(s.shortfall, programs, today),
        }));
      const scopeKey = `JpShortfall:${input.year}:${input.unit?.id ?? '*'}`;
      return { ...listConnection(cursors, scopeKey, short, page), asOf: asOf ?? null };
    },
  };
}

export type JpShortfallService = ReturnType<typeof createJpShortfallService>;
