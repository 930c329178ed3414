import { type Connection, idListConnection, listConnection, type PageArgs } from '../data/paginate';
import type { Employee } from '../domain/employee';
import type { Mentorship } from '../domain/mentorship';
import type { Enrollment, EnrollmentStatus } from '../domain/training';
import { jpCompliance, jpFromMinutes } from '../domain/training-hours';
import type { ServiceDeps } from './ports';
import type { RequestScope } from './request-scope';
import { createVisibility } from './visibility';

/** JP earned in a year, from completed programs and from mentoring received, against the 20 JP rule. */
export interface TrainingHours {
  year: number;
  programJp: number;
  mentoringJp: number;
  earned: number;
  required: number;
  shortfall: number;
  compliant: boolean;
  completedPrograms: number;
}

const newestFirst = (ids: readonly string[] | undefined) => [...(ids ?? [])].reverse();

/** An employee's development record: enrollments, mentoring relations and JP (PP 11/2017 art. 203). */
export function createEmployeeDevelopmentService({
  enrollments,
  mentorships,
  cursors,
  organization,
}: ServiceDeps) {
  const visibility = createVisibility(organization);
  async function loadEnrollments(scope: RequestScope, employee: Employee, ids: string[]) {
    return Promise.all(ids.map((id) => enrollments.get(scope.loader, employee.agencyId, id)));
  }

  async function loadMentorships(scope: RequestScope, employee: Employee, ids: string[]) {
    return Promise.all(ids.map((id) => mentorships.get(scope.loader, employee.agencyId, id)));
  }

  return {
    /** The employee's enrollments, newest first, optionally of some statuses. */
    async enrollments(
      scope: RequestScope,
      employee: Employee,
      status: EnrollmentStatus[] | undefined,
      page: PageArgs,
    ): Promise<Connection<Enrollment>> {
      await visibility.requireEmployee(scope, employee);
      const ids = newestFirst(employee.enrollmentIds);
      const listScope = `Employee:${employee.id}:enrollments:${status?.join(',') ?? ''}`;
      if (!status?.length)
        return idListConnection(cursors, listScope, ids, page, (slice) =>
          loadEnrollments(scope, employee, slice),
        );
      const all = (await loadEnrollments(scope, employee, ids)).filter(
        (e): e is Enrollment => e !== undefined && status.includes(e.status),
      );
      return listConnection(cursors, listScope, all, page);
    },

    /** Mentorships where the employee is the mentee (their mentors), or the mentor (their mentees). */
    async mentorships(
      scope: RequestScope,
      employee: Employee,
      role: 'MENTEE' | 'MENTOR',
      page: PageArgs,
    ): Promise<Connection<Mentorship>> {
      await visibility.requireEmployee(scope, employee);
      const ids = newestFirst(
        role === 'MENTEE' ? employee.mentorshipIdsAsMentee : employee.mentorshipIdsAsMentor,
      );
      return idListConnection(cursors, `Employee:${employee.id}:mentorships:${role}`, ids, page, (slice) =>
        loadMentorships(scope, employee, slice),
      );
    },

    /** JP earned in `year`: completed programs' credited JP plus mentoring received (non-classroom learning). */
    async trainingHours(scope: RequestScope, employee: Employee, year: number): Promise<TrainingHours> {
      await visibility.requireEmployee(scope, employee);
      const prefix = String(year);
      const completed = (await loadEnrollments(scope, employee, employee.enrollmentIds ?? [])).filter(
        (e): e is Enrollment => e?.status === 'COMPLETED' && (e.completedAt ?? '').startsWith(prefix),
      );
      const programJp = completed.reduce((sum, e) => sum + e.jpCredited, 0);
      const sessions = await Promise.all(
        (employee.mentorshipIdsAsMentee ?? []).map((id) => mentorships.allSessions(employee.agencyId, id)),
      );
      const mentoringMinutes = sessions
        .flat()
        .filter((s) => s.date.startsWith(prefix))
        .reduce((sum, s) => sum + s.minutes, 0);
      const mentoringJp = jpFromMinutes(mentoringMinutes);
      const compliance = jpCompliance(programJp + mentoringJp);
      return { year, programJp, mentoringJp, ...compliance, completedPrograms: completed.length };
    },
  };
}

export type EmployeeDevelopmentService = ReturnType<typeof createEmployeeDevelopmentService>;
