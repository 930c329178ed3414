import { type Employee, profileOf } from '../domain/employee';
import { DECLINE_REASONS } from '../domain/invitation';
import type { Unit } from '../domain/organization';
import {
  certificateNumber,
  type Enrollment,
  type EnrollmentStatus,
  type Partner,
  type PartnerKind,
  type TrainingProgram,
} from '../domain/training';
import type { DemoOrganization } from './build-organization';
import { addDaysTo, demoUlid, isoDay, monthsBefore } from './demo-ids';
import { DEMO_PARTNERS, PROGRAM_CATALOG } from './program-catalog';
import { createRandom, type Random } from './random';

export interface DemoTraining {
  partners: Partner[];
  programs: TrainingProgram[];
  enrollments: Enrollment[];
  /** Last certificate serial per `agency#year`. */
  certificateSerials: Map<string, number>;
}

function statusOf(
  program: Pick<TrainingProgram, 'startDate' | 'endDate'>,
  today: string,
): TrainingProgram['status'] {
  if (program.endDate < today) return 'COMPLETED';
  return program.startDate <= today ? 'RUNNING' : 'OPEN';
}

function shuffled<T>(random: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What happens to a participant of a program in the given status. */
function participantStatus(random: Random, program: TrainingProgram, index: number): EnrollmentStatus {
  if (index >= program.capacity) return 'WAITLISTED';
  if (program.status === 'OPEN' || program.status === 'RUNNING') return 'ENROLLED';
  const roll = random.int(0, 99);
  return roll < 84 ? 'COMPLETED' : roll < 90 ? 'DROPPED' : roll < 95 ? 'NO_SHOW' : 'DECLINED';
}

/**
 * Partners, programs of the catalog per agency (cohorts over the last 24 months and one ahead),
 * and enrollments whose statuses match each program's state; seat counters agree with them.
 */
export function buildDemoTraining(now: Date, org: DemoOrganization): DemoTraining {
  const random = createRandom(4242);
  const today = isoDay(now);
  const partners: Partner[] = DEMO_PARTNERS.flatMap((p) =>
    p.agencies.map((agencyId) => ({
      agencyId,
      id: p.code,
      version: 1,
      createdAt: monthsBefore(now, 25).toISOString(),
      updatedAt: monthsBefore(now, 25).toISOString(),
      name: p.name,
      kind: p.kind as PartnerKind,
      city: p.city,
    })),
  );
  const programs: TrainingProgram[] = [];
  const enrollments: Enrollment[] = [];
  const certificateSerials = new Map<string, number>();
  let serial = 0;
  for (const entry of PROGRAM_CATALOG) {
    for (const [agencyId, partnerId] of Object.entries(entry.runs)) {
      const units = org.units.filter((u) => u.agencyId === agencyId);
      const targets = units.filter((u) => entry.targetUnits.some((key) => u.id === `${agencyId}-${key}`));
      const organizer = units.find((u) => u.id === `${agencyId}-bkpsdm`);
      entry.cohorts.forEach((monthsAgo, cohortIndex) => {
        const start = monthsBefore(now, monthsAgo, 3 + cohortIndex * 7);
        const created = addDaysTo(start, -45);
        serial += 1;
        const base = {
          agencyId,
          id: demoUlid(created, serial),
          version: 1,
          createdAt: created.toISOString(),
          updatedAt: created.toISOString(),
          code: `${entry.key.toUpperCase()}-${cohortIndex + 1}`,
          title: entry.cohorts.length > 1 ? `${entry.title} (Angkatan ${cohortIndex + 1})` : entry.title,
          description: `Program pengembangan kompetensi: ${entry.competencies.join(', ').toLowerCase()}.`,
          category: entry.category,
          format: entry.format,
          jp: entry.jp,
          startDate: isoDay(start),
          endDate: isoDay(addDaysTo(start, entry.days - 1)),
          capacity: entry.capacity,
          costPerParticipant: entry.costPerParticipant,
          partnerId: partnerId ?? undefined,
          organizerUnitId: organizer?.id,
          competencies: entry.competencies,
          cohort: entry.cohorts.length > 1 ? cohortIndex + 1 : undefined,
          location: partnerId
            ? `Kampus ${partners.find((p) => p.id === partnerId)?.name}`
            : `Aula ${organizer?.name ?? agencyId}`,
          seatsTaken: 0,
          waitlistCount: 0,
          completedCount: 0,
        };
        const program: TrainingProgram = { ...base, status: statusOf(base, today) };
        const pool = staffOf(org, targets.length ? targets : units);
        // Upcoming programs fill up and gather a short waitlist; past ones ran near capacity.
        const wanted =
          program.status === 'OPEN'
            ? program.capacity + 3
            : Math.min(pool.length, Math.ceil(program.capacity * 0.85));
        const drawn = shuffled(random, pool);
        // Open programs also have two invitations still waiting for an answer.
        if (program.status === 'OPEN')
          for (const employee of drawn.slice(wanted, wanted + 2)) {
            serial += 1;
            enrollments.push(pendingInvitation(program, employee, now, demoUlid(addDaysTo(now, -2), serial)));
          }
        drawn.slice(0, wanted).forEach((employee, index) => {
          serial += 1;
          const status = participantStatus(random, program, index);
          const at = addDaysTo(created, 1 + index);
          const id = demoUlid(at, serial);
          const enrollment: Enrollment = {
            agencyId,
            id,
            version: 1,
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
            programId: program.id,
            employeeId: employee.id,
            unitId: employee.unitId,
            partnerId: program.partnerId,
            employeeProfile: profileOf(employee),
            programStartDate: program.startDate,
            status,
            queueKey: id,
            jpCredited: 0,
          };
          if (status === 'WAITLISTED') enrollment.waitlistedAt = at.toISOString();
          else if (status !== 'DECLINED') enrollment.enrolledAt = at.toISOString();
          // Every fourth participant came by invitation (a week before), and every decline did.
          if (status === 'DECLINED' || (index % 4 === 0 && status !== 'WAITLISTED')) {
            enrollment.invitedAt = addDaysTo(at, -7).toISOString();
            enrollment.respondBy = isoDay(addDaysTo(at, 7));
            if (status === 'DECLINED') {
              enrollment.declinedAt = at.toISOString();
              enrollment.declineReason = DECLINE_REASONS[serial % DECLINE_REASONS.length];
              if (enrollment.declineReason === 'OTHER') enrollment.declineNote = 'Sedang cuti melahirkan';
              enrollment.version = 2;
            } else enrollment.acceptedAt = at.toISOString();
          }
          if (status === 'DROPPED') {
            const dropped = addDaysTo(start, -3);
            enrollment.droppedAt = (dropped > at ? dropped : addDaysTo(at, 1)).toISOString();
            enrollment.updatedAt = enrollment.droppedAt;
            enrollment.version = 2;
            enrollment.dropReason = random.pick([
              'Tugas dinas bertepatan dengan jadwal',
              'Sakit',
              'Beban kerja di unit',
            ]);
          }
          if (status === 'COMPLETED' || status === 'NO_SHOW') {
            enrollment.completedAt = `${program.endDate}T00:00:00.000Z`;
            enrollment.updatedAt = enrollment.completedAt;
            enrollment.version = 2;
          }
          if (status === 'COMPLETED') {
            const pre = random.int(45, 75);
            enrollment.preTestScore = pre;
            enrollment.postTestScore = Math.min(100, pre + random.int(3, 25));
            enrollment.jpCredited = program.jp;
            const year = program.endDate.slice(0, 4);
            const key = `${agencyId}#${year}`;
            const next = (certificateSerials.get(key) ?? 0) + 1;
            certificateSerials.set(key, next);
            enrollment.certificateNumber = certificateNumber(next, agencyId, year);
          }
          if (status === 'ENROLLED' || status === 'COMPLETED' || status === 'NO_SHOW')
            program.seatsTaken += 1;
          if (status === 'WAITLISTED') program.waitlistCount += 1;
          if (status === 'COMPLETED') program.completedCount += 1;
          enrollments.push(enrollment);
        });
        programs.push(program);
      });
    }
  }
  return { partners, programs, enrollments, certificateSerials };
}

function staffOf(org: DemoOrganization, units: Unit[]): Employee[] {
  const ids = new Set(units.map((u) => u.id));
  return org.employees.filter((e) => ids.has(e.unitId) && e.status === 'ACTIVE');
}

/** An invitation to an open program sent two days ago, unanswered, due before the start. */
function pendingInvitation(program: TrainingProgram, employee: Employee, now: Date, id: string): Enrollment {
  const at = addDaysTo(now, -2).toISOString();
  const inTwoWeeks = isoDay(addDaysTo(now, 14));
  return {
    agencyId: program.agencyId,
    id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    programId: program.id,
    employeeId: employee.id,
    unitId: employee.unitId,
    partnerId: program.partnerId,
    employeeProfile: profileOf(employee),
    programStartDate: program.startDate,
    status: 'INVITED',
    queueKey: id,
    jpCredited: 0,
    invitedAt: at,
    respondBy: inTwoWeeks < program.startDate ? inTwoWeeks : program.startDate,
  };
}
