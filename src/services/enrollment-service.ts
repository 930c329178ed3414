import type { Connection, PageArgs } from '../data/paginate';
import { partnerSees } from '../data/partner-feed';
import { idempotencyClaimOf, replayedResult } from '../data/transact-create';
import { versionConflict } from '../data/versioned-update';
import { profileOf } from '../domain/employee';
import { newRecord } from '../domain/record';
import {
  certificateNumber,
  ENROLLMENT_STATUSES,
  type Enrollment,
  type EnrollmentStatus,
  type TrainingProgram,
} from '../domain/training';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
import type { ServiceDeps } from '../server/deps';
import { requirePartnerScope, requireSameAgency, requireStaff, type StaffCaller } from './access';
import type { Ref, RequestScope } from './request-scope';
import { requireManagerOrSelf } from './staff-scope';
import { createVisibility } from './visibility';
import { fillFreeSeats, promoted } from './waitlist';

/** Validated input of completeEnrollment. */
export interface CompleteEnrollmentCommand {
  enrollment: Ref;
  version?: number | undefined;
  attended: boolean;
  preTestScore?: number | undefined;
  postTestScore?: number | undefined;
  completedOn?: string | undefined;
}

const MAX_ATTEMPTS = 12;

/**
 * Enrolling employees into programs, with capacity enforced in the same transaction as the
 * seat count: over capacity an enrollment is WAITLISTED; a dropped seat passes to the first
 * waitlisted; completion credits the program's JP and issues a certificate number.
 */
export function createEnrollmentService(deps: ServiceDeps) {
  const { enrollments, training, employees, organization, table, clock, newId } = deps;
  const visibility = createVisibility(organization);

  async function authorize(
    scope: RequestScope,
    caller: StaffCaller,
    employeeId: string,
    unitId: string,
    selfAllowed: boolean,
  ) {
    const unit = await organization.getUnit(scope.loader, caller.agencyId, unitId);
    if (!unit) throw new NotFoundError('Unit', unitId);
    requireManagerOrSelf(caller, unit, employeeId, selfAllowed);
  }

  async function latest(ref: Ref): Promise<Enrollment> {
    const found = await enrollments.getLatest(ref.agencyId, ref.id);
    if (!found) throw new NotFoundError('Enrollment', ref.id);
    return found;
  }

  return {
    /** One enrollment: admins, heads of its unit, the participant, or the partner providing its program. */
    async get(scope: RequestScope, ref: Ref): Promise<Enrollment | null> {
      const caller = scope.caller;
      if (caller.kind === 'staff') requireSameAgency(caller, ref.agencyId);
      if (caller.kind === 'partner') requirePartnerScope(caller);
      const found = (await enrollments.get(scope.loader, ref.agencyId, ref.id)) ?? null;
      if (!found) return null;
      if (caller.kind === 'partner') {
        if (found.partnerId !== caller.partnerId)
          throw new ForbiddenError("This enrollment is not in the partner's programs");
        // A pending or declined invitation is the agency's business until it is accepted.
        return partnerSees(found) ? found : null;
      }
      const staff = requireStaff(caller);
      const visible =
        staff.role === 'EMPLOYEE'
          ? staff.employeeId === found.employeeId
          : await visibility.canSeeUnit(scope, staff, found.unitId);
      if (!visible) throw new ForbiddenError('This enrollment is outside your reach');
      return found;
    },

    /** The program, participant and unit of an enrollment the caller already sees. */
    programOf: async (scope: RequestScope, e: Enrollment) =>
      training.getProgram(scope.loader, e.agencyId, e.programId),
    employeeOf: async (scope: RequestScope, e: Enrollment) =>
      employees.get(scope.loader, e.agencyId, e.employeeId),
    unitOf: async (scope: RequestScope, e: Enrollment) =>
      organization.getUnit(scope.loader, e.agencyId, e.unitId),

    /** Participants of a program: all for admins and the providing partner; a unit head's units; an employee's own. */
    async listByProgram(
      scope: RequestScope,
      program: TrainingProgram,
      status: EnrollmentStatus[] | undefined,
      page: PageArgs,
    ): Promise<Connection<Enrollment>> {
      const caller = scope.caller;
      if (caller.kind === 'partner') {
        requirePartnerScope(caller);
        if (program.partnerId !== caller.partnerId)
          throw new ForbiddenError("This program is not one of the partner's");
        const visible = (status ?? ENROLLMENT_STATUSES).filter((s) => partnerSees({ status: s }));
        // Asking only for hidden statuses finds nothing (an empty unit list matches no record).
        const none = visible.length === 0 ? { unitIds: [] } : {};
        return enrollments.listByProgram(program.agencyId, program.id, { status: visible, ...none }, page);
      }
      const staff = requireStaff(caller);
      requireSameAgency(staff, program.agencyId);
      if (staff.role === 'EMPLOYEE') {
        return enrollments.listByProgram(
          program.agencyId,
          program.id,
          { status, employeeId: staff.employeeId ?? '-' },
          page,
        );
      }
      const unitIds = await visibility.listScope(scope, staff);
      return enrollments.listByProgram(program.agencyId, program.id, { status, unitIds }, page);
    },

    waitlistPosition(enrollment: Enrollment): Promise<number | null> {
      return enrollment.status === 'WAITLISTED'
        ? enrollments.waitlistPosition(enrollment)
        : Promise.resolve(null);
    },

    /** Enrolls an employee: ENROLLED while seats are free and nobody waits, WAITLISTED otherwise. */
    async enroll(
      scope: RequestScope,
      input: { program: Ref; employee: Ref; idempotencyKey?: string | undefined },
    ): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.program.agencyId);
      requireSameAgency(caller, input.employee.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'enrollEmployee', input);
      const replayedId = claim ? await replayedResult(table, claim) : undefined;
      if (replayedId) return latest({ agencyId: caller.agencyId, id: replayedId });
      const program = await training.getProgramLatest(caller.agencyId, input.program.id);
      if (!program) throw BadUserInputError.of('input.programId', 'no such program in this agency');
      if (program.status !== 'OPEN') {
        throw BadUserInputError.of(
          'input.programId',
          `the program is ${program.status}, not open for enrollment`,
        );
      }
      const employee = await employees.getLatest(caller.agencyId, input.employee.id);
      if (!employee) throw BadUserInputError.of('input.employeeId', 'no such employee in this agency');
      if (employee.status !== 'ACTIVE') {
        throw BadUserInputError.of('input.employeeId', `the employee is ${employee.status}, not active`);
      }
      await authorize(scope, caller, employee.id, employee.unitId, true);

      const now = clock().toISOString();
      const id = newId();
      const base: Enrollment = {
        ...newRecord(caller.agencyId, id, now),
        programId: program.id,
        employeeId: employee.id,
        unitId: employee.unitId,
        partnerId: program.partnerId,
        employeeProfile: profileOf(employee),
        programStartDate: program.startDate,
        status: 'ENROLLED',
        queueKey: id,
        enrolledAt: now,
        jpCredited: 0,
      };
      let enrollment = base;
      let refusal = await enrollments.insert(enrollment, claim);
      if (refusal === 'NO_SEAT') {
        enrollment = { ...base, status: 'WAITLISTED', enrolledAt: undefined, waitlistedAt: now };
        refusal = await enrollments.insert(enrollment, claim);
        // A seat may have been freed between the two attempts: hand it to the queue.
        if (!refusal) await fillFreeSeats(deps, caller.agencyId, program.id);
      }
      switch (refusal) {
        case undefined:
          return enrollment.status === 'WAITLISTED' ? latest(enrollment) : enrollment;
        case 'ALREADY_ENROLLED':
          throw new ConflictError('The employee is already enrolled in (or waiting for) this program', {
            field: 'input.employeeId',
          });
        case 'PROGRAM_NOT_OPEN':
          throw BadUserInputError.of('input.programId', 'the program is no longer open for enrollment');
        case 'EMPLOYEE_MISSING':
          throw BadUserInputError.of('input.employeeId', 'no such employee in this agency');
        case 'KEY_USED': {
          // A concurrent request with the same key won: answer as it did.
          const winner = claim ? await replayedResult(table, claim) : undefined;
          if (!winner) throw new ConflictError('idempotencyKey is being used by another request');
          return latest({ agencyId: caller.agencyId, id: winner });
        }
        case 'NO_SEAT':
          throw new ConflictError('The program filled up while enrolling; try again');
      }
    },

    /** Drops an enrollment; a freed seat goes to the first waitlisted enrollment in the same transaction. */
    async drop(
      scope: RequestScope,
      input: { enrollment: Ref; version?: number | undefined; reason?: string | undefined },
    ): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.enrollment.agencyId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const current = await latest(input.enrollment);
        if (attempt === 0) await authorize(scope, caller, current.employeeId, current.unitId, true);
        if (input.version !== undefined && current.version !== input.version) {
          throw versionConflict('Enrollment', input.version, current.version);
        }
        const now = clock().toISOString();
        const dropped: Enrollment = {
          ...current,
          status: 'DROPPED',
          droppedAt: now,
          dropReason: input.reason,
          version: current.version + 1,
          updatedAt: now,
        };
        if (current.status === 'WAITLISTED') {
          if (!(await enrollments.dropWaitlisted(current, dropped))) return dropped;
          continue;
        }
        if (current.status !== 'ENROLLED') {
          throw BadUserInputError.of(
            'input.enrollmentId',
            `a ${current.status} enrollment cannot be dropped`,
          );
        }
        const [listed] = await enrollments.waitlistHead(current.agencyId, current.programId, 1);
        const candidate = listed ? await enrollments.getLatest(listed.agencyId, listed.id) : undefined;
        const next =
          candidate?.status === 'WAITLISTED'
            ? { before: candidate, after: promoted(candidate, now) }
            : undefined;
        const race = await enrollments.dropSeat(current, dropped, next);
        if (!race) return dropped;
        if (race === 'WAITLIST_NOT_EMPTY') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new ConflictError('The enrollment kept changing while dropping it; try again');
    },

    /** Records attendance: COMPLETED (JP credited, certificate issued, test scores kept) or NO_SHOW. */
    async complete(scope: RequestScope, input: CompleteEnrollmentCommand): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.enrollment.agencyId);
      const current = await latest(input.enrollment);
      await authorize(scope, caller, current.employeeId, current.unitId, false);
      if (input.version !== undefined && current.version !== input.version) {
        throw versionConflict('Enrollment', input.version, current.version);
      }
      if (current.status !== 'ENROLLED') {
        throw BadUserInputError.of(
          'input.enrollmentId',
          `only ENROLLED participants can complete; this one is ${current.status}`,
        );
      }
      const program = await training.getProgramLatest(current.agencyId, current.programId);
      if (!program) throw new NotFoundError('TrainingProgram', current.programId);
      const now = clock();
      const today = now.toISOString().slice(0, 10);
      const completedOn = input.completedOn ?? today;
      if (completedOn < program.startDate || completedOn > today) {
        throw BadUserInputError.of(
          'input.completedOn',
          `must be between the program start (${program.startDate}) and today`,
        );
      }
      const year = completedOn.slice(0, 4);
      const finished: Enrollment = input.attended
        ? {
            ...current,
            status: 'COMPLETED',
            completedAt: `${completedOn}T00:00:00.000Z`,
            jpCredited: program.jp,
            preTestScore: input.preTestScore,
            postTestScore: input.postTestScore,
            certificateNumber: certificateNumber(
              await enrollments.nextCertificateSerial(current.agencyId, year),
              current.agencyId,
              year,
            ),
          }
        : { ...current, status: 'NO_SHOW', completedAt: `${completedOn}T00:00:00.000Z`, jpCredited: 0 };
      const next = { ...finished, version: current.version + 1, updatedAt: now.toISOString() };
      if (await enrollments.finish(current, next))
        throw versionConflict('Enrollment', current.version, undefined);
      return next;
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
