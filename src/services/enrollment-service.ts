import { ProgramFullError } from '../data/entities/enrollment-writes';
import { idempotencyClaimOf } from '../data/idempotency';
import type { Connection, PageArgs } from '../data/paginate';
import { partnerSees } from '../data/partner-feed';
import { retryRaces } from '../data/race-lost';
import { versionConflict } from '../data/versioned-update';
import {
  completedEnrollment,
  droppedEnrollment,
  newEnrollment,
  noShowEnrollment,
  promotedEnrollment,
} from '../domain/enrollment-transitions';
import { newRecord } from '../domain/record';
import type { StudyFunding } from '../domain/study-leave';
import {
  ENROLLMENT_STATUSES,
  type Enrollment,
  type EnrollmentStatus,
  type TrainingProgram,
} from '../domain/training';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requirePartnerScope, requireSameAgency, requireStaff, type StaffCaller } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { requireManagerOrSelf } from './staff-scope';
import { createStudyEligibility } from './study-eligibility';
import { createVisibility } from './visibility';
import { fillFreeSeats } from './waitlist';

/** Validated input of completeEnrollment. */
export interface CompleteEnrollmentCommand {
  enrollment: Ref;
  version?: number | undefined;
  attended: boolean;
  preTestScore?: number | undefined;
  postTestScore?: number | undefined;
  completedOn?: string | undefined;
}

/**
 * Enrolling employees into programs, with capacity enforced in the same transaction as the
 * seat count: over capacity an enrollment is WAITLISTED; a dropped seat passes to the first
 * waitlisted; completion credits the program's JP and issues a certificate number.
 */
export function createEnrollmentService(deps: ServiceDeps) {
  const { enrollments, training, employees, organization, idempotency, retries, clock, newId } = deps;
  const visibility = createVisibility(organization);
  const study = createStudyEligibility(deps);

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

    /**
     * Enrolls an employee: ENROLLED while seats are free and nobody waits, WAITLISTED otherwise.
     * A DEGREE program needs the study arrangement, and the employee must be eligible for it.
     */
    async enroll(
      scope: RequestScope,
      input: {
        program: Ref;
        employee: Ref;
        studyFunding?: StudyFunding | undefined;
        idempotencyKey?: string | undefined;
      },
    ): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.program.agencyId);
      requireSameAgency(caller, input.employee.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'enrollEmployee', input);
      const replay = { type: 'Enrollment', load: (id: string) => enrollments.getLatest(caller.agencyId, id) };
      return idempotency.once(
        claim,
        async () => {
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
          await study.requireArrangement(program, employee, input.studyFunding);
          const meta = newRecord(caller.agencyId, newId(), clock().toISOString());
          const seated = newEnrollment(meta, program, employee, 'ENROLLED', input.studyFunding);
          try {
            await enrollments.insert(seated, claim);
            return seated;
          } catch (error) {
            if (!(error instanceof ProgramFullError)) throw error;
          }
          const waiting = newEnrollment(meta, program, employee, 'WAITLISTED', input.studyFunding);
          await enrollments.insert(waiting, claim);
          // A seat may have been freed between the two attempts: hand it to the queue.
          await fillFreeSeats(deps, caller.agencyId, program.id);
          return latest(waiting);
        },
        replay,
      );
    },

    /** Drops an enrollment; a freed seat goes to the first waitlisted enrollment in the same transaction. */
    async drop(
      scope: RequestScope,
      input: { enrollment: Ref; version?: number | undefined; reason?: string | undefined },
    ): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.enrollment.agencyId);
      let authorized = false;
      return retryRaces(
        retries,
        async () => {
          const current = await latest(input.enrollment);
          if (!authorized) await authorize(scope, caller, current.employeeId, current.unitId, true);
          authorized = true;
          if (input.version !== undefined && current.version !== input.version) {
            throw versionConflict('Enrollment', input.version, current);
          }
          const now = clock().toISOString();
          const dropped = droppedEnrollment(current, now, input.reason);
          if (current.status === 'WAITLISTED') {
            await enrollments.dropWaitlisted(current, dropped);
            return dropped;
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
              ? { before: candidate, after: promotedEnrollment(candidate, now) }
              : undefined;
          await enrollments.dropSeat(current, dropped, next);
          return dropped;
        },
        (last) => new ConflictError('The enrollment kept changing while dropping it; try again', {}, last),
      );
    },

    /** Records attendance: COMPLETED (JP credited, certificate issued, test scores kept) or NO_SHOW. */
    async complete(scope: RequestScope, input: CompleteEnrollmentCommand): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.enrollment.agencyId);
      const current = await latest(input.enrollment);
      await authorize(scope, caller, current.employeeId, current.unitId, false);
      if (input.version !== undefined && current.version !== input.version) {
        throw versionConflict('Enrollment', input.version, current);
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
      const at = now.toISOString();
      const next = input.attended
        ? completedEnrollment(
            current,
            program,
            {
              completedOn,
              serial: await enrollments.nextCertificateSerial(current.agencyId, completedOn.slice(0, 4)),
              preTestScore: input.preTestScore,
              postTestScore: input.postTestScore,
            },
            at,
          )
        : noShowEnrollment(current, completedOn, at);
      // A concurrent change between the read and this write: CONFLICT, "changed since you read it".
      await enrollments.finish(current, next);
      return next;
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
