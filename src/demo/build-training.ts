import { createWriteFold } from '../data/write-fold';
import { isAtLeastEducation } from '../domain/education';
import type { Employee } from '../domain/employee';
import { invitedEnrollment, newEnrollment } from '../domain/enrollment-transitions';
import { DECLINE_REASONS } from '../domain/invitation';
import type { Unit } from '../domain/organization';
import type { Enrollment, EnrollmentStatus, Partner, PartnerKind, TrainingProgram } from '../domain/training';
import type { DemoOrganization } from './build-organization';
import { addDaysTo, demoUlid, isoDay, monthsBefore } from './demo-ids';
import { DEMO_PARTNERS, PROGRAM_CATALOG } from './program-catalog';
import { createRandom, type Random } from './random';
import { replayOrganization } from './replay-records';
import { type EnrollmentStory, replayTraining } from './replay-training';

/** The training story: programs as created (no seat counted yet) and what happened to each enrollment. */
export interface TrainingStory {
  partners: Partner[];
  programs: TrainingProgram[];
  enrollments: EnrollmentStory[];
}

/** The training demo data as stored: programs with their counters, enrollments in their final state. */
export interface DemoTraining {
  partners: Partner[];
  programs: TrainingProgram[];
  enrollments: Enrollment[];
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

/** What happens to a participant of a program in the given status (its final status). */
function participantStatus(random: Random, program: TrainingProgram, index: number): EnrollmentStatus {
  if (index >= program.capacity) return 'WAITLISTED';
  if (program.status === 'OPEN' || program.status === 'RUNNING') return 'ENROLLED';
  const roll = random.int(0, 99);
  return roll < 84 ? 'COMPLETED' : roll < 90 ? 'DROPPED' : roll < 95 ? 'NO_SHOW' : 'DECLINED';
}

/**
 * Partners, programs of the catalog per agency (cohorts over the last 24 months and one ahead),
 * and enrollments whose outcomes match each program's state. Seat counters, guards, certificate
 * numbers and partner feeds come from replaying the story through the services' write builders.
 */
export function trainingStory(now: Date, org: DemoOrganization): TrainingStory {
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
  const enrollments: EnrollmentStory[] = [];
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
        const degree = entry.format === 'DEGREE';
        // Degree study on tugas belajar: graduates with at least a year of service (DOMAIN rule 3).
        const pool = staffOf(org, targets.length ? targets : units).filter(
          (e) =>
            !degree ||
            (isAtLeastEducation(e.education ?? 'SD', 'S1') &&
              e.serviceStartDate <= isoDay(addDaysTo(created, -366))),
        );
        // Upcoming programs fill up and gather a short waitlist; past ones ran near capacity.
        const wanted =
          program.status === 'OPEN'
            ? program.capacity + 3
            : Math.min(pool.length, Math.ceil(program.capacity * 0.85));
        const drawn = shuffled(random, pool);
        // Open programs also have two invitations still waiting for an answer.
        if (program.status === 'OPEN' && !degree)
          for (const employee of drawn.slice(wanted, wanted + 2)) {
            serial += 1;
            const at = addDaysTo(now, -2);
            const meta = {
              agencyId,
              id: demoUlid(at, serial),
              version: 1,
              createdAt: at.toISOString(),
              updatedAt: at.toISOString(),
            };
            const respondBy = [isoDay(addDaysTo(now, 14)), program.startDate].sort()[0] as string;
            enrollments.push({ created: invitedEnrollment(meta, program, employee, respondBy) });
          }
        drawn.slice(0, wanted).forEach((employee, index) => {
          serial += 1;
          const status = participantStatus(random, program, index);
          const at = addDaysTo(created, 1 + index);
          const id = demoUlid(at, serial);
          // Every fourth participant came by invitation a week earlier, and every decline did.
          const invited = !degree && (status === 'DECLINED' || (index % 4 === 0 && status !== 'WAITLISTED'));
          const since = invited ? addDaysTo(at, -7) : at;
          const meta = {
            agencyId,
            id,
            version: 1,
            createdAt: since.toISOString(),
            updatedAt: since.toISOString(),
          };
          const enrollment = invited
            ? invitedEnrollment(meta, program, employee, isoDay(addDaysTo(at, 7)))
            : newEnrollment(
                meta,
                program,
                employee,
                status === 'WAITLISTED' ? 'WAITLISTED' : 'ENROLLED',
                degree ? 'TUGAS_BELAJAR' : undefined,
              );
          const story: EnrollmentStory = { created: enrollment };
          if (invited && status !== 'DECLINED') story.accepted = at.toISOString();
          if (status === 'DECLINED') {
            const reason = DECLINE_REASONS[serial % DECLINE_REASONS.length] ?? 'OTHER';
            const note = reason === 'OTHER' ? 'Sedang cuti melahirkan' : undefined;
            story.end = { kind: 'DECLINED', at: at.toISOString(), reason, note };
          }
          if (status === 'DROPPED') {
            const dropped = addDaysTo(start, -3);
            story.end = {
              kind: 'DROPPED',
              at: (dropped > at ? dropped : addDaysTo(at, 1)).toISOString(),
              reason: random.pick(['Tugas dinas bertepatan dengan jadwal', 'Sakit', 'Beban kerja di unit']),
            };
          }
          if (status === 'NO_SHOW') story.end = { kind: 'NO_SHOW', on: program.endDate };
          if (status === 'COMPLETED') {
            const pre = random.int(45, 75);
            story.end = {
              kind: 'COMPLETED',
              on: program.endDate,
              preTestScore: pre,
              postTestScore: Math.min(100, pre + random.int(3, 25)),
            };
          }
          enrollments.push(story);
        });
        programs.push(program);
      });
    }
  }
  return { partners, programs, enrollments };
}

/** The training demo data as stored, for `now`: the story replayed on its own (tests, plans, evaluations). */
export function buildDemoTraining(now: Date, org: DemoOrganization): DemoTraining {
  const story = trainingStory(now, org);
  const fold = createWriteFold();
  replayOrganization(fold, org);
  const replayed = replayTraining(fold, story);
  return { partners: story.partners, ...replayed };
}

function staffOf(org: DemoOrganization, units: Unit[]): Employee[] {
  const ids = new Set(units.map((u) => u.id));
  return org.employees.filter((e) => ids.has(e.unitId) && e.status === 'ACTIVE');
}
