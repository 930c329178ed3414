import { enrollmentEntity } from '../data/entities/enrollment';
import { mentoringSessionItem, mentorshipEntity } from '../data/entities/mentorship';
import { partnerEntity } from '../data/entities/partner';
import { PROGRAM_CODE_GUARD, trainingProgramEntity } from '../data/entities/training-program';
import { uniqueValueItem } from '../data/entities/unique-value';
import type { Item } from '../data/table';
import type { Employee } from '../domain/employee';
import type { DemoMentoring } from './build-mentorship';
import type { DemoOrganization } from './build-organization';
import type { DemoTraining } from './build-training';

/**
 * Items of the training and mentoring demo data, and the employees with the relation
 * attributes the API keeps on them (enrollment and mentorship id lists, active-mentee counts).
 */
export function trainingItems(
  org: DemoOrganization,
  training: DemoTraining,
  mentoring: DemoMentoring,
): { items: Item[]; employees: Employee[] } {
  const relations = new Map<
    string,
    Pick<Employee, 'enrollmentIds' | 'mentorshipIdsAsMentor' | 'mentorshipIdsAsMentee' | 'activeMenteeCount'>
  >();
  const of = (id: string) => {
    let r = relations.get(id);
    if (!r) {
      r = { enrollmentIds: [], mentorshipIdsAsMentor: [], mentorshipIdsAsMentee: [], activeMenteeCount: 0 };
      relations.set(id, r);
    }
    return r;
  };
  const byTime = <T extends { createdAt: string }>(items: T[]) =>
    [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const e of byTime(training.enrollments)) of(e.employeeId).enrollmentIds?.push(e.id);
  for (const m of byTime(mentoring.mentorships)) {
    const mentor = of(m.mentorId);
    mentor.mentorshipIdsAsMentor?.push(m.id);
    if (m.status === 'ACTIVE') mentor.activeMenteeCount = (mentor.activeMenteeCount ?? 0) + 1;
    of(m.menteeId).mentorshipIdsAsMentee?.push(m.id);
  }
  const items: Item[] = [
    ...training.partners.map((p) => partnerEntity.toItem(p)),
    ...training.programs.flatMap((p) => [
      trainingProgramEntity.toItem(p),
      ...(p.code ? [uniqueValueItem(p.agencyId, PROGRAM_CODE_GUARD, p.code, p.id)] : []),
    ]),
    ...training.enrollments.flatMap((e) => [
      enrollmentEntity.toItem(e),
      ...(e.status === 'DROPPED'
        ? []
        : [uniqueValueItem(e.agencyId, 'Enrollment', `${e.programId}:${e.employeeId}`, e.id)]),
    ]),
    ...[...training.certificateSerials].map(([key, serial]) => {
      const [agencyId, year] = key.split('#');
      return { pk: `${agencyId}#Counter#Certificate#${year}`, sk: 'Counter', entity: 'Counter', serial };
    }),
    ...mentoring.mentorships.flatMap((m) => [
      mentorshipEntity.toItem(m),
      ...(m.status === 'ACTIVE'
        ? [uniqueValueItem(m.agencyId, 'ActiveMentorship', `${m.mentorId}:${m.menteeId}`, m.id)]
        : []),
    ]),
    ...mentoring.sessions.map((s) => mentoringSessionItem(s)),
  ];
  return { items, employees: org.employees.map((e) => ({ ...e, ...relations.get(e.id) })) };
}
