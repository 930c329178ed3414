import { createWriteFold } from '../data/write-fold';
import { type Employee, profileOf } from '../domain/employee';
import { GOAL_OUTCOMES, type MentoringSession, type Mentorship } from '../domain/mentorship';
import {
  compareSeniority,
  DEFAULT_MAX_ACTIVE_MENTEES,
  type SeniorityProfile,
} from '../domain/mentorship-rules';
import type { DemoOrganization } from './build-organization';
import { addDaysTo, demoUlid, isoDay, monthsBefore } from './demo-ids';
import { createRandom } from './random';
import {
  type MentoringStory,
  type MentorshipStory,
  replayMentoring,
  replayOrganization,
} from './replay-records';

/** The mentoring demo data as stored. */
export interface DemoMentoring {
  mentorships: Mentorship[];
  sessions: MentoringSession[];
}

const GOALS = [
  'Memahami alur pelayanan administrasi kependudukan',
  'Menyusun laporan kinerja bulanan',
  'Meningkatkan waktu respons pengaduan masyarakat',
  'Menguasai aplikasi e-Kinerja dan SIASN',
  'Menyiapkan rencana pengembangan kompetensi pribadi',
  'Memimpin rapat koordinasi unit',
];
const ACTIONS = [
  'Mencoba SOP baru pada loket pelayanan',
  'Membaca pedoman SKP dan menyusun draf',
  'Mendampingi senior pada forum warga',
  'Membuat daftar tindak lanjut pengaduan',
  'Mengikuti e-learning literasi digital',
];

/** The mentees' ratings of finished mentorships, in turn (0: not rated yet), with a comment each. */
const RATINGS: [number, string | undefined][] = [
  [5, 'Mentor sabar dan memberi contoh langsung di loket.'],
  [4, 'Sangat membantu menyusun laporan.'],
  [0, undefined],
  [3, 'Jadwal pertemuan sering bergeser.'],
  [2, undefined],
];

const profile = (e: Employee): SeniorityProfile => ({
  employmentType: e.employmentType,
  serviceStartDate: e.serviceStartDate,
  ...(e.golongan ? { golongan: e.golongan } : {}),
  ...(e.pppkGrade ? { pppkGrade: e.pppkGrade } : {}),
});

/**
 * Senior-to-junior mentorships inside units (articles 001 and 002), started over the last two
 * years, with monthly sessions; every pair passes the seniority rule and no mentor exceeds the limit.
 * Finished ones have their goals' outcomes (every outcome occurs) and most a mentee rating.
 */
export function mentoringStory(now: Date, org: DemoOrganization): MentoringStory {
  const random = createRandom(777);
  const today = isoDay(now);
  const mentorships: MentorshipStory[] = [];
  const sessions: MentoringSession[] = [];
  const active = new Map<string, number>();
  const mentored = new Set<string>();
  let serial = 0;
  let finishedCount = 0;
  for (const unit of org.units) {
    const staff = org.employees.filter((e) => e.unitId === unit.id && e.status === 'ACTIVE');
    const pairs = Math.min(2, Math.floor(staff.length / 4));
    for (let p = 0; p < pairs; p += 1) {
      const mentor = random.pick(staff);
      const monthsAgo = random.int(1, 20);
      const start = monthsBefore(now, monthsAgo, random.int(1, 28));
      // Both must be in service when the mentorship starts.
      const juniors = staff.filter(
        (e) =>
          e.id !== mentor.id &&
          !mentored.has(e.id) &&
          e.serviceStartDate <= isoDay(start) &&
          compareSeniority(profile(mentor), profile(e), isoDay(start)) > 0,
      );
      if (mentor.serviceStartDate > isoDay(start)) continue;
      if (juniors.length === 0 || (active.get(mentor.id) ?? 0) >= DEFAULT_MAX_ACTIVE_MENTEES) continue;
      const mentee = random.pick(juniors);
      mentored.add(mentee.id);
      const finished = monthsAgo > 8 && random.chance(0.7);
      const end = finished ? addDaysTo(start, 180) : undefined;
      serial += 1;
      const id = demoUlid(start, serial);
      const mentorship: Mentorship = {
        agencyId: unit.agencyId,
        id,
        version: 1,
        createdAt: start.toISOString(),
        updatedAt: start.toISOString(),
        mentorId: mentor.id,
        menteeId: mentee.id,
        menteeProfile: profileOf(mentee),
        goals: [random.pick(GOALS), random.pick(GOALS)].filter((g, i, all) => all.indexOf(g) === i),
        startDate: isoDay(start),
        status: 'ACTIVE',
        sessionCount: 0,
        totalMinutes: 0,
      };
      if (!finished) active.set(mentor.id, (active.get(mentor.id) ?? 0) + 1);
      for (let day = 7; ; day += 30) {
        const date = addDaysTo(start, day);
        if (isoDay(date) > today || (end && date > end)) break;
        serial += 1;
        const minutes = random.pick([45, 60, 60, 90, 120]);
        sessions.push({
          agencyId: unit.agencyId,
          id: demoUlid(date, serial),
          version: 1,
          createdAt: date.toISOString(),
          updatedAt: date.toISOString(),
          mentorshipId: id,
          menteeId: mentee.id,
          menteeProfile: profileOf(mentee),
          date: isoDay(date),
          minutes,
          notes: `Diskusi kemajuan: ${mentorship.goals[0]?.toLowerCase()}.`,
          agreedActions: [random.pick(ACTIONS)],
        });
      }
      const outcome = 'Tujuan bimbingan tercapai; mentee menangani layanan secara mandiri.';
      // Finished mentorships get goal outcomes in turn (every outcome appears) and most a rating.
      const turn = end ? finishedCount++ : 0;
      const [rating, comment] = RATINGS[turn % RATINGS.length] ?? [0, undefined];
      mentorships.push({
        started: mentorship,
        end: end ? { status: 'COMPLETED', outcome, at: end } : undefined,
        results: end
          ? {
              outcomes: mentorship.goals.map(
                (_, i) => GOAL_OUTCOMES[(turn + i) % GOAL_OUTCOMES.length] ?? 'PARTLY',
              ),
              rating: rating || undefined,
              comment,
            }
          : undefined,
      });
    }
  }
  return { mentorships, sessions };
}

/** The mentoring demo data as stored, for `now`: the story replayed on its own (tests). */
export function buildDemoMentoring(now: Date, org: DemoOrganization): DemoMentoring {
  const fold = createWriteFold();
  replayOrganization(fold, org);
  return replayMentoring(fold, mentoringStory(now, org));
}
