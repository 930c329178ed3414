import { type Connection, listConnection, type PageArgs } from '../data/paginate';
import { versionConflict } from '../data/versioned-update';
import { type Employee, profileOf } from '../domain/employee';
import {
  endedMentorship,
  type MentoringSession,
  type Mentorship,
  type MentorshipStatus,
} from '../domain/mentorship';
import { checkMentorEligibility, type SeniorityProfile, serviceStartIssue } from '../domain/mentorship-rules';
import { newRecord } from '../domain/record';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { canManageIn, isSelf } from './staff-scope';
import { createVisibility } from './visibility';

const profile = (e: Employee): SeniorityProfile => ({
  employmentType: e.employmentType,
  serviceStartDate: e.serviceStartDate,
  ...(e.golongan ? { golongan: e.golongan } : {}),
  ...(e.pppkGrade ? { pppkGrade: e.pppkGrade } : {}),
});

/** Senior-to-junior mentoring: seniority, no self-mentoring, a bounded number of active mentees per mentor. */
export function createMentorshipService(deps: ServiceDeps) {
  const { mentorships, employees, organization, clock, newId, cursors } = deps;
  const visibility = createVisibility(organization);

  async function requireEmployee(ref: Ref, field: string): Promise<Employee> {
    const employee = await employees.getLatest(ref.agencyId, ref.id);
    if (!employee) throw BadUserInputError.of(field, 'no such employee in this agency');
    if (employee.status !== 'ACTIVE')
      throw BadUserInputError.of(field, `the employee is ${employee.status}, not active`);
    return employee;
  }

  /** Administrators, the head of the mentee's unit, and (when allowed) the mentor or mentee themselves. */
  async function authorize(scope: RequestScope, mentorship: Mentorship, participantsAllowed: boolean) {
    const caller = requireStaff(scope.caller);
    requireSameAgency(caller, mentorship.agencyId);
    if (participantsAllowed && (isSelf(caller, mentorship.mentorId) || isSelf(caller, mentorship.menteeId)))
      return;
    const mentee = await employees.get(scope.loader, mentorship.agencyId, mentorship.menteeId);
    const unit = mentee
      ? await organization.getUnit(scope.loader, mentee.agencyId, mentee.unitId)
      : undefined;
    if (!unit || !canManageIn(caller, unit))
      throw new ForbiddenError('Only an administrator, the head of the unit or a participant may do this');
  }

  async function latest(ref: Ref): Promise<Mentorship> {
    const found = await mentorships.getLatest(ref.agencyId, ref.id);
    if (!found) throw new NotFoundError('Mentorship', ref.id);
    return found;
  }

  return {
    /** One mentorship: admins, heads of the mentee's unit, and the mentor and mentee. */
    async get(scope: RequestScope, ref: Ref): Promise<Mentorship | null> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, ref.agencyId);
      const found = (await mentorships.get(scope.loader, ref.agencyId, ref.id)) ?? null;
      if (!found || isSelf(caller, found.mentorId) || isSelf(caller, found.menteeId)) return found;
      if (
        caller.role !== 'EMPLOYEE' &&
        (await visibility.canSeeUnit(scope, caller, found.menteeProfile.unitId))
      )
        return found;
      throw new ForbiddenError(
        'Only an administrator, the head of the unit or a participant may see this mentorship',
      );
    },

    /** Mentorships: all for admins, those of a unit head's units, an employee's own (as mentor or mentee). */
    async list(
      scope: RequestScope,
      status: MentorshipStatus[] | undefined,
      page: PageArgs,
    ): Promise<Connection<Mentorship>> {
      const caller = requireStaff(scope.caller);
      if (caller.role === 'EMPLOYEE') {
        const me = caller.employeeId
          ? await employees.get(scope.loader, caller.agencyId, caller.employeeId)
          : undefined;
        const ids = [...(me?.mentorshipIdsAsMentor ?? []), ...(me?.mentorshipIdsAsMentee ?? [])].reverse();
        const all = (
          await Promise.all(ids.map((id) => mentorships.get(scope.loader, caller.agencyId, id)))
        ).filter((m): m is Mentorship => m !== undefined && (!status?.length || status.includes(m.status)));
        return listConnection(
          cursors,
          `Mentorships:${caller.employeeId}:${status?.join(',') ?? ''}`,
          all,
          page,
        );
      }
      const menteeUnitIds = await visibility.listScope(scope, caller);
      return mentorships.list(caller.agencyId, { status, menteeUnitIds }, page);
    },

    /** Starts a mentorship after the seniority and limit rules (DOMAIN: mentor more senior, at most N active mentees). */
    async start(
      scope: RequestScope,
      input: {
        mentor: Ref;
        mentee: Ref;
        goals: string[];
        startDate?: string | undefined;
        endDate?: string | undefined;
      },
    ): Promise<Mentorship> {
      const caller = requireStaff(scope.caller, ['ADMIN', 'UNIT_HEAD']);
      requireSameAgency(caller, input.mentor.agencyId);
      requireSameAgency(caller, input.mentee.agencyId);
      if (input.mentor.id === input.mentee.id)
        throw BadUserInputError.of('input.menteeId', 'an employee cannot mentor themself');
      const [mentor, mentee] = await Promise.all([
        requireEmployee(input.mentor, 'input.mentorId'),
        requireEmployee(input.mentee, 'input.menteeId'),
      ]);
      const unit = await organization.getUnit(scope.loader, mentee.agencyId, mentee.unitId);
      if (!unit || !canManageIn(caller, unit))
        throw new ForbiddenError(
          "Only an administrator or the head of the mentee's unit may start this mentorship",
        );
      const agency = await organization.getAgency(scope.loader, caller.agencyId);
      const maxActiveMentees = agency?.maxActiveMentees ?? 5;
      const today = clock().toISOString().slice(0, 10);
      const startDate = input.startDate ?? today;
      if (input.endDate && input.endDate < startDate)
        throw BadUserInputError.of('input.endDate', 'must not be before startDate');
      const beforeService = serviceStartIssue(mentor, mentee, startDate);
      if (beforeService) throw BadUserInputError.of('input.startDate', beforeService.reason);
      const eligibility = checkMentorEligibility({
        mentorId: mentor.id,
        menteeId: mentee.id,
        mentor: profile(mentor),
        mentee: profile(mentee),
        activeMenteeCount: mentor.activeMenteeCount ?? 0,
        maxActiveMentees,
        asOf: startDate,
      });
      if (!eligibility.ok) {
        if (eligibility.code === 'MENTEE_LIMIT_REACHED')
          throw new ConflictError(eligibility.reason, { field: 'input.mentorId', rule: eligibility.code });
        throw BadUserInputError.of(
          eligibility.code === 'SELF_MENTORING' ? 'input.menteeId' : 'input.mentorId',
          eligibility.reason,
        );
      }
      const now = clock().toISOString();
      const mentorship: Mentorship = {
        ...newRecord(caller.agencyId, newId(), now),
        mentorId: mentor.id,
        menteeId: mentee.id,
        menteeProfile: profileOf(mentee),
        goals: input.goals,
        startDate,
        endDate: input.endDate,
        status: 'ACTIVE',
        sessionCount: 0,
        totalMinutes: 0,
      };
      await mentorships.start(mentorship, maxActiveMentees);
      return mentorship;
    },

    /** Logs a session (date, minutes, notes, agreed actions) of an active mentorship. */
    async logSession(
      scope: RequestScope,
      input: {
        mentorship: Ref;
        date: string;
        minutes: number;
        notes?: string | undefined;
        agreedActions: string[];
      },
    ): Promise<MentoringSession> {
      const mentorship = await latest(input.mentorship);
      await authorize(scope, mentorship, true);
      const today = clock().toISOString().slice(0, 10);
      if (input.date < mentorship.startDate || input.date > today) {
        throw BadUserInputError.of(
          'input.date',
          `must be between the mentorship start (${mentorship.startDate}) and today`,
        );
      }
      const now = clock().toISOString();
      const session: MentoringSession = {
        ...newRecord(mentorship.agencyId, newId(), now),
        mentorshipId: mentorship.id,
        menteeId: mentorship.menteeId,
        menteeProfile: mentorship.menteeProfile,
        date: input.date,
        minutes: input.minutes,
        notes: input.notes,
        agreedActions: input.agreedActions,
      };
      await mentorships.logSession(session);
      return session;
    },

    /** Ends an active mentorship as COMPLETED or CANCELLED (frees the mentor's place). */
    async end(
      scope: RequestScope,
      input: {
        mentorship: Ref;
        version: number;
        status: 'COMPLETED' | 'CANCELLED';
        outcome?: string | undefined;
      },
    ): Promise<Mentorship> {
      const current = await latest(input.mentorship);
      await authorize(scope, current, false);
      if (current.version !== input.version) throw versionConflict('Mentorship', input.version, current);
      if (current.status !== 'ACTIVE')
        throw BadUserInputError.of('input.mentorshipId', `the mentorship is already ${current.status}`);
      const next = endedMentorship(current, { status: input.status, outcome: input.outcome }, clock());
      // A change between the read and this write: CONFLICT, "changed since you read it".
      await mentorships.end(current, next);
      return next;
    },

    sessions(
      scope: RequestScope,
      mentorship: Mentorship,
      page: PageArgs,
    ): Promise<Connection<MentoringSession>> {
      requireSameAgency(requireStaff(scope.caller), mentorship.agencyId);
      return mentorships.sessions(mentorship.agencyId, mentorship.id, page);
    },
  };
}

export type MentorshipService = ReturnType<typeof createMentorshipService>;
