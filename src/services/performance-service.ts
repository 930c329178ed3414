import { type Idempotency, idempotencyClaimOf } from '../data/idempotency';
import type { Connection, PageArgs } from '../data/paginate';
import type { EmployeeRepository } from '../data/repositories/employee-repository';
import type { OrganizationRepository } from '../data/repositories/organization-repository';
import type { IndicatorListFilter, PerformanceRepository } from '../data/repositories/performance-repository';
import { versionConflict } from '../data/versioned-update';
import { jakartaDateOf } from '../domain/calendar-date';
import { achievementPercent, type Direction } from '../domain/indicator-achievement';
import {
  CADENCE_PERIOD_KIND,
  type IndicatorCadence,
  type IndicatorScope,
  type IndicatorStatus,
  type Measurement,
  type PerformanceIndicator,
} from '../domain/performance-indicator';
import { parsePeriod } from '../domain/period';
import { newRecord } from '../domain/record';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of createPerformanceIndicator (shape and scope fields checked by the resolver). */
export interface CreateIndicatorCommand {
  code: string;
  name: string;
  description?: string | undefined;
  unitOfMeasure: string;
  direction: Direction;
  baseline?: number | undefined;
  target: number;
  cadence: IndicatorCadence;
  scope: IndicatorScope;
  unit?: Ref | undefined;
  employee?: Ref | undefined;
  program?: Ref | undefined;
  idempotencyKey?: string | undefined;
}

/** Indicator list filter: the unit as a reference, checked against the caller's agency. */
export type IndicatorFilter = Omit<IndicatorListFilter, 'unitId'> & { unit?: Ref | undefined };

/** Validated input of updatePerformanceIndicator: undefined = unchanged, null = cleared. */
export interface UpdateIndicatorCommand {
  indicator: Ref;
  version: number;
  name?: string | undefined;
  description?: string | null | undefined;
  unitOfMeasure?: string | undefined;
  baseline?: number | null | undefined;
  target?: number | undefined;
  status?: IndicatorStatus | undefined;
}

/** Validated input of recordMeasurement. */
export interface RecordMeasurementCommand {
  indicator: Ref;
  period: string;
  value: number;
  note?: string | undefined;
}

export interface PerformanceServiceDeps {
  performance: PerformanceRepository;
  organization: OrganizationRepository;
  employees: EmployeeRepository;
  idempotency: Idempotency;
  clock: () => Date;
  newId: () => string;
}

const EDITORS = ['ADMIN'] as const;
const MEASURERS = ['ADMIN', 'UNIT_HEAD'] as const;

/** Performance indicators and their measurements, within the caller's agency. */
export function createPerformanceService(deps: PerformanceServiceDeps) {
  const { performance, organization, employees, idempotency, clock, newId } = deps;
  // One latest-measurement query per indicator and request, shared by `latestMeasurement` and `achievement`.
  const latestByRequest = new WeakMap<object, Map<string, Promise<Measurement | undefined>>>();

  /** The responsible unit and subject id of a new indicator; BAD_USER_INPUT when a reference is unknown. */
  async function subjectOf(scope: RequestScope, input: CreateIndicatorCommand) {
    const unitOf = async (unit: Ref) => {
      if (!(await organization.getUnit(scope.loader, unit.agencyId, unit.id)))
        throw BadUserInputError.of('input.unitId', 'no such unit in this agency');
      return unit.id;
    };
    if (input.scope === 'EMPLOYEE' && input.employee) {
      const employee = await employees.get(scope.loader, input.employee.agencyId, input.employee.id);
      if (!employee) throw BadUserInputError.of('input.employeeId', 'no such employee in this agency');
      return { unitId: employee.unitId, scopeId: employee.id, employeeId: employee.id };
    }
    if (input.scope === 'PROGRAM' && input.program && input.unit) {
      return { unitId: await unitOf(input.unit), scopeId: input.program.id, programId: input.program.id };
    }
    if (input.scope === 'UNIT' && input.unit) {
      const unitId = await unitOf(input.unit);
      return { unitId, scopeId: unitId };
    }
    throw BadUserInputError.of('input.scope', `the subject of a ${input.scope} indicator is missing`);
  }

  return {
    /** One indicator of the caller's agency (an employee: of their own unit), or null. */
    async get(scope: RequestScope, ref: Ref): Promise<PerformanceIndicator | null> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, ref.agencyId);
      const found = (await performance.get(scope.loader, ref.agencyId, ref.id)) ?? null;
      if (found && caller.role === 'EMPLOYEE' && found.unitId !== caller.unitId) {
        throw new ForbiddenError('An employee sees the indicators of their own unit');
      }
      return found;
    },

    /** Indicators of the caller's agency (or one of its units), by code. */
    list(
      scope: RequestScope,
      filter: IndicatorFilter,
      page: PageArgs,
    ): Promise<Connection<PerformanceIndicator>> {
      const caller = requireStaff(scope.caller);
      const { unit, ...rest } = filter;
      if (unit) requireSameAgency(caller, unit.agencyId);
      // Employees see their own unit's indicators (their own IKI included).
      if (caller.role === 'EMPLOYEE') {
        if (unit && unit.id !== caller.unitId)
          throw new ForbiddenError('An employee sees the indicators of their own unit');
        return performance.list(caller.agencyId, { ...rest, unitId: caller.unitId ?? '-' }, page);
      }
      return performance.list(caller.agencyId, { ...rest, unitId: unit?.id }, page);
    },

    /** Defines an indicator; its code must be new in the agency. */
    async create(scope: RequestScope, input: CreateIndicatorCommand): Promise<PerformanceIndicator> {
      const caller = requireStaff(scope.caller, EDITORS);
      for (const ref of [input.unit, input.employee, input.program]) {
        if (ref) requireSameAgency(caller, ref.agencyId);
      }
      const claim = idempotencyClaimOf(caller.agencyId, 'createPerformanceIndicator', input);
      return idempotency.once(
        claim,
        async () => {
          const subject = await subjectOf(scope, input);
          const now = clock();
          const indicator: PerformanceIndicator = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            code: input.code,
            name: input.name,
            description: input.description,
            unitOfMeasure: input.unitOfMeasure,
            direction: input.direction,
            baseline: input.baseline,
            target: input.target,
            cadence: input.cadence,
            scope: input.scope,
            ...subject,
            status: 'ACTIVE',
          };
          await performance.create(indicator, now, claim);
          return indicator;
        },
        { type: 'PerformanceIndicator', load: (id) => performance.getLatest(caller.agencyId, id) },
      );
    },

    /** Changes an indicator if `version` is current. */
    async update(scope: RequestScope, input: UpdateIndicatorCommand): Promise<PerformanceIndicator> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.indicator.agencyId);
      const current = await performance.getLatest(input.indicator.agencyId, input.indicator.id);
      if (!current) throw new NotFoundError('PerformanceIndicator', input.indicator.id);
      if (current.version !== input.version)
        throw versionConflict('PerformanceIndicator', input.version, current);
      const next: PerformanceIndicator = {
        ...current,
        name: input.name ?? current.name,
        description: input.description === undefined ? current.description : (input.description ?? undefined),
        unitOfMeasure: input.unitOfMeasure ?? current.unitOfMeasure,
        baseline: input.baseline === undefined ? current.baseline : (input.baseline ?? undefined),
        target: input.target ?? current.target,
        status: input.status ?? current.status,
        version: input.version + 1,
        updatedAt: clock().toISOString(),
      };
      await performance.update(current, next);
      return next;
    },

    /**
     * Records the value of one period (administrators, or the head of the indicator's unit).
     * The period must be of the indicator's cadence and must have started.
     */
    async recordMeasurement(scope: RequestScope, input: RecordMeasurementCommand): Promise<Measurement> {
      const caller = requireStaff(scope.caller, MEASURERS);
      requireSameAgency(caller, input.indicator.agencyId);
      const indicator = await performance.getLatest(input.indicator.agencyId, input.indicator.id);
      if (!indicator) throw new NotFoundError('PerformanceIndicator', input.indicator.id);
      if (caller.role === 'UNIT_HEAD' && caller.unitId !== indicator.unitId) {
        throw new ForbiddenError("Only an administrator or the head of the indicator's unit may record it");
      }
      if (indicator.status !== 'ACTIVE')
        throw BadUserInputError.of('input.indicatorId', 'the indicator is retired');
      const parsed = parsePeriod(input.period);
      if (!parsed.ok) throw BadUserInputError.of('input.period', parsed.reason);
      const expected = CADENCE_PERIOD_KIND[indicator.cadence];
      if (parsed.value.kind !== expected) {
        throw BadUserInputError.of(
          'input.period',
          `a ${indicator.cadence} indicator takes ${expected} periods, got the ${parsed.value.kind} ${parsed.value.key}`,
        );
      }
      const now = clock();
      if (parsed.value.start > jakartaDateOf(now.getTime())) {
        throw BadUserInputError.of('input.period', `${parsed.value.key} has not started yet`);
      }
      const measurement: Measurement = {
        agencyId: indicator.agencyId,
        indicatorId: indicator.id,
        period: parsed.value.key,
        value: input.value,
        note: input.note,
        recordedAt: now.toISOString(),
        recordedBy: caller.subject,
        unitId: indicator.unitId,
        achievementPercent: achievementPercent({
          direction: indicator.direction,
          target: indicator.target,
          actual: input.value,
        }),
      };
      await performance.recordMeasurement(measurement);
      return measurement;
    },

    /** An indicator's measurements, newest period first. */
    measurements(scope: RequestScope, indicator: PerformanceIndicator, page: PageArgs) {
      requireSameAgency(requireStaff(scope.caller), indicator.agencyId);
      return performance.listMeasurements(indicator.agencyId, indicator.id, page);
    },

    /** The measurement of the indicator's latest period, or null. */
    async latestMeasurement(
      scope: RequestScope,
      indicator: PerformanceIndicator,
    ): Promise<Measurement | null> {
      requireSameAgency(requireStaff(scope.caller), indicator.agencyId);
      let cache = latestByRequest.get(scope.loader);
      if (!cache) {
        cache = new Map();
        latestByRequest.set(scope.loader, cache);
      }
      let latest = cache.get(indicator.id);
      if (!latest) {
        latest = performance.latestMeasurement(indicator.agencyId, indicator.id);
        cache.set(indicator.id, latest);
      }
      return (await latest) ?? null;
    },

    /** Achievement % of a value against the indicator's target, honouring its direction. */
    achievementOf(indicator: PerformanceIndicator, value: number): number {
      return achievementPercent({ direction: indicator.direction, target: indicator.target, actual: value });
    },
  };
}

export type PerformanceService = ReturnType<typeof createPerformanceService>;
