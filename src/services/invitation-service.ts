import { ProgramFullError } from '../data/entities/enrollment-writes';
import { retryRaces } from '../data/race-lost';
import { versionConflict } from '../data/versioned-update';
import { acceptedEnrollment, declinedEnrollment, invitedEnrollment } from '../domain/enrollment-transitions';
import { type DeclineReason, invitationOpen } from '../domain/invitation';
import { newRecord } from '../domain/record';
import type { Enrollment } from '../domain/training';
import { learningFormOf } from '../domain/training-formats';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { requireManagerOrSelf } from './staff-scope';
import { fillFreeSeats } from './waitlist';

/** Validated input of inviteToProgram. */
export interface InviteCommand {
  program: Ref;
  employees: Ref[];
  respondBy: string;
}

/** Validated input of respondToInvitation. */
export interface RespondCommand {
  enrollment: Ref;
  version?: number | undefined;
  accept: boolean;
  declineReason?: DeclineReason | undefined;
  declineNote?: string | undefined;
}

/**
 * Invitations to programs (undangan pelatihan), the participation signal the articles ask for:
 * unit heads and administrators invite, the employee accepts (a seat or the waitlist, through
 * the same seat conditions as enrollEmployee) or declines with a reason. Pending and declined
 * invitations hold no seat and stay out of partner feeds.
 */
export function createInvitationService(deps: ServiceDeps) {
  const { enrollments, training, employees, organization, retries, clock, newId } = deps;

  async function requireManager(scope: RequestScope, agencyId: string, unitId: string, employeeId: string) {
    const unit = await organization.getUnit(scope.loader, agencyId, unitId);
    if (!unit) throw new NotFoundError('Unit', unitId);
    requireManagerOrSelf(requireStaff(scope.caller), unit, employeeId, false);
  }

  return {
    /**
     * Invites employees to an OPEN program, all or none; each gets an INVITED enrollment.
     * DEGREE programs are refused (their study arrangement is checked by enrollEmployee).
     */
    async invite(scope: RequestScope, input: InviteCommand): Promise<Enrollment[]> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      requireSameAgency(caller, input.program.agencyId);
      for (const e of input.employees) requireSameAgency(caller, e.agencyId);
      const program = await training.getProgramLatest(caller.agencyId, input.program.id);
      if (!program) throw BadUserInputError.of('input.programId', 'no such program in this agency');
      if (program.status !== 'OPEN')
        throw BadUserInputError.of('input.programId', `the program is ${program.status}, not open`);
      // Degree study needs an arrangement the employee is eligible for (DOMAIN rule 3), which an
      // acceptance could not check: it goes through enrollEmployee with studyFunding instead.
      if (learningFormOf(program.format) === 'DEGREE')
        throw BadUserInputError.of(
          'input.programId',
          'a DEGREE program takes no invitations: tugas belajar or izin belajar goes through enrollEmployee with studyFunding',
        );
      const now = clock();
      const today = now.toISOString().slice(0, 10);
      if (input.respondBy < today) throw BadUserInputError.of('input.respondBy', 'must not be in the past');
      if (input.respondBy > program.startDate)
        throw BadUserInputError.of(
          'input.respondBy',
          `must be on or before the program start (${program.startDate})`,
        );
      const invited: Enrollment[] = [];
      for (const [index, ref] of input.employees.entries()) {
        const field = `input.employeeIds.${index}`;
        const employee = await employees.getLatest(caller.agencyId, ref.id);
        if (!employee) throw BadUserInputError.of(field, 'no such employee in this agency');
        if (employee.status !== 'ACTIVE')
          throw BadUserInputError.of(field, `the employee is ${employee.status}, not active`);
        await requireManager(scope, caller.agencyId, employee.unitId, employee.id);
        const meta = newRecord(caller.agencyId, newId(), now.toISOString());
        invited.push(invitedEnrollment(meta, program, employee, input.respondBy));
      }
      await enrollments.invite(invited);
      return invited;
    },
    /**
     * The invited employee's answer (or a manager recording it): accepting enrolls, or waitlists
     * when the program is full; declining records the reason. Only before `respondBy`.
     */
    async respond(scope: RequestScope, input: RespondCommand): Promise<Enrollment> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.enrollment.agencyId);
      return retryRaces(
        retries,
        async () => {
          const current = await enrollments.getLatest(input.enrollment.agencyId, input.enrollment.id);
          if (!current) throw new NotFoundError('Enrollment', input.enrollment.id);
          const unit = await organization.getUnit(scope.loader, current.agencyId, current.unitId);
          if (!unit) throw new NotFoundError('Unit', current.unitId);
          requireManagerOrSelf(caller, unit, current.employeeId, true);
          if (input.version !== undefined && input.version !== current.version)
            throw versionConflict('Enrollment', input.version, current);
          const now = clock().toISOString();
          if (current.status !== 'INVITED')
            throw BadUserInputError.of(
              'input.enrollmentId',
              `this is not an open invitation (it is ${current.status})`,
            );
          if (!invitationOpen(current, now.slice(0, 10)))
            throw BadUserInputError.of(
              'input.enrollmentId',
              `the invitation expired on ${current.respondBy}`,
            );
          if (!input.accept) {
            const reason = input.declineReason ?? 'OTHER';
            const declined = declinedEnrollment(current, reason, input.declineNote, now);
            await enrollments.decline(current, declined);
            return declined;
          }
          const seated = acceptedEnrollment(current, 'ENROLLED', now);
          try {
            await enrollments.accept(current, seated);
            return seated;
          } catch (error) {
            if (!(error instanceof ProgramFullError)) throw error;
          }
          const waiting = acceptedEnrollment(current, 'WAITLISTED', now);
          await enrollments.accept(current, waiting);
          // A seat may have been freed between the two attempts: hand it to the queue.
          await fillFreeSeats(deps, current.agencyId, current.programId);
          return (await enrollments.getLatest(current.agencyId, current.id)) ?? waiting;
        },
        (last) => new ConflictError('The invitation kept changing while answering it; try again', {}, last),
      );
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
