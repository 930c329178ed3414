import { describe, expect, it } from 'vitest';
import { employeeEntity } from '../../../src/data/entities/employee';
import { buildDemoMentoring } from '../../../src/demo/build-mentorship';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';
import { demoItems } from '../../../src/demo/seed-demo-data';
import { DECLINE_REASONS } from '../../../src/domain/invitation';
import { compareSeniority } from '../../../src/domain/mentorship-rules';
import { SEAT_HOLDING } from '../../../src/domain/training';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const mentoring = buildDemoMentoring(NOW, org);
// Employees as the seed stores them: their id lists and counters kept by the enrollment and mentorship builders.
const items = demoItems(NOW);
const employees = items.filter((i) => i.entity === 'Employee').map((i) => employeeEntity.fromItem(i));

describe('demo training data', () => {
  it('offers the programs of the articles in every agency, with the partner university in Medan and Binjai', () => {
    for (const agency of ['medan', 'palembang', 'gorontalo', 'binjai']) {
      expect(training.programs.filter((p) => p.agencyId === agency).length).toBeGreaterThanOrEqual(5);
    }
    const degree = training.programs.filter((p) => p.category === 'DEGREE');
    expect(degree.map((p) => `${p.agencyId}:${p.partnerId}`).sort()).toEqual(['binjai:usu', 'medan:usu']);
    expect(new Set(training.programs.map((p) => p.status))).toEqual(
      new Set(['COMPLETED', 'RUNNING', 'OPEN']),
    );
  });

  it('has invitations accepted, declined for every reason, and still pending before their deadline', () => {
    const invited = training.enrollments.filter((e) => e.invitedAt);
    expect(invited.filter((e) => e.acceptedAt).length).toBeGreaterThan(10);
    const reasons = new Set(invited.filter((e) => e.status === 'DECLINED').map((e) => e.declineReason));
    expect([...reasons].sort()).toEqual([...DECLINE_REASONS].sort());
    const pending = invited.filter((e) => e.status === 'INVITED');
    expect(pending.length).toBeGreaterThan(0);
    for (const e of pending) expect(e.respondBy && e.respondBy >= '2026-11-01').toBe(true);
  });

  it('keeps every program seat counter equal to its enrollments, never over capacity', () => {
    for (const program of training.programs) {
      const mine = training.enrollments.filter((e) => e.programId === program.id);
      expect(program.seatsTaken).toBe(mine.filter((e) => SEAT_HOLDING.includes(e.status)).length);
      expect(program.waitlistCount).toBe(mine.filter((e) => e.status === 'WAITLISTED').length);
      expect(program.completedCount).toBe(mine.filter((e) => e.status === 'COMPLETED').length);
      expect(program.seatsTaken).toBeLessThanOrEqual(program.capacity);
      if (program.waitlistCount > 0) expect(program.seatsTaken).toBe(program.capacity);
    }
  });

  it('writes a certificate counter per agency and year at the number of certificates issued', () => {
    const counters = items.filter((i) => String(i.pk).includes('#Counter#Certificate#'));
    const issued = training.enrollments.filter((e) => e.status === 'COMPLETED');
    expect(counters.reduce((sum, c) => sum + Number(c.serial), 0)).toBe(issued.length);
  });

  it('holds one place guard per enrollment that was not dropped or declined', () => {
    const guards = items.filter((i) => i.kind === 'Enrollment' && i.entity === 'Unique');
    expect(guards.length).toBe(
      training.enrollments.filter((e) => e.status !== 'DROPPED' && e.status !== 'DECLINED').length,
    );
  });

  it('credits JP and a unique certificate to every completion, and nothing otherwise', () => {
    const certificates = new Set<string>();
    for (const e of training.enrollments) {
      const program = training.programs.find((p) => p.id === e.programId);
      if (e.status === 'COMPLETED') {
        expect(e.jpCredited).toBe(program?.jp);
        expect(e.postTestScore).toBeGreaterThanOrEqual(e.preTestScore ?? 0);
        certificates.add(e.certificateNumber ?? '');
      } else {
        expect(e.jpCredited).toBe(0);
        expect(e.certificateNumber).toBeUndefined();
      }
    }
    expect(certificates.size).toBe(training.enrollments.filter((e) => e.status === 'COMPLETED').length);
  });

  it('lists each enrollment and mentorship on its employees, and counts active mentees', () => {
    const byId = new Map(employees.map((e) => [e.id, e]));
    for (const e of training.enrollments) expect(byId.get(e.employeeId)?.enrollmentIds).toContain(e.id);
    for (const m of mentoring.mentorships) {
      expect(byId.get(m.mentorId)?.mentorshipIdsAsMentor).toContain(m.id);
      expect(byId.get(m.menteeId)?.mentorshipIdsAsMentee).toContain(m.id);
    }
    for (const e of employees) {
      const active = mentoring.mentorships.filter((m) => m.mentorId === e.id && m.status === 'ACTIVE').length;
      expect(e.activeMenteeCount ?? 0).toBe(active);
      expect(active).toBeLessThanOrEqual(5);
    }
  });

  it('pairs only a more senior mentor with a junior, with session totals that add up', () => {
    const byId = new Map(org.employees.map((e) => [e.id, e]));
    for (const m of mentoring.mentorships) {
      const mentor = byId.get(m.mentorId);
      const mentee = byId.get(m.menteeId);
      if (!mentor || !mentee) throw new Error('dangling mentorship');
      expect(compareSeniority(mentor, mentee, m.startDate)).toBeGreaterThan(0);
      const sessions = mentoring.sessions.filter((s) => s.mentorshipId === m.id);
      expect(m.sessionCount).toBe(sessions.length);
      expect(m.totalMinutes).toBe(sessions.reduce((sum, s) => sum + s.minutes, 0));
    }
  });

  it('has finished mentorships with every goal outcome and mentee ratings, none on an active one', () => {
    const finished = mentoring.mentorships.filter((m) => m.status === 'COMPLETED');
    const outcomes = new Set(finished.flatMap((m) => (m.goalResults ?? []).map((r) => r.outcome)));
    expect([...outcomes].sort()).toEqual(['ACHIEVED', 'NOT_ACHIEVED', 'PARTLY']);
    for (const m of finished)
      expect(m.goalResults?.map((r) => r.goalIndex)).toEqual(m.goals.map((_, i) => i));
    const ratings = finished.flatMap((m) => (m.menteeRating ? [m.menteeRating.rating] : []));
    expect(ratings.length).toBeGreaterThan(1);
    expect(ratings.length).toBeLessThan(finished.length);
    for (const m of mentoring.mentorships.filter((x) => x.status === 'ACTIVE')) {
      expect(m.menteeRating).toBeUndefined();
      expect(m.goalResults).toBeUndefined();
    }
  });
});
