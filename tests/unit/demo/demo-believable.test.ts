import { describe, expect, it } from 'vitest';
import { buildDemoEvaluations } from '../../../src/demo/build-evaluations';
import { buildDemoFeedback } from '../../../src/demo/build-feedback';
import { buildDemoMentoring } from '../../../src/demo/build-mentorship';
import { buildDemoOrganization, demoUnitId } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';
import { educationFromTitles } from '../../../src/domain/academic-titles';
import { completedYearsBetween, jakartaDateOf } from '../../../src/domain/calendar-date';
import { checkRegularGrade } from '../../../src/domain/career-rules';
import { complaintDeadlines, yearsCountedFrom } from '../../../src/domain/complaint-deadlines';
import { educationLevel, isAhliPost, isAtLeastEducation } from '../../../src/domain/education';
import type { Employee } from '../../../src/domain/employee';
import { newEmployeeCareerIssues } from '../../../src/domain/employee-career';
import { isComplaintKind } from '../../../src/domain/feedback';
import { workCalendarOf } from '../../../src/domain/holiday-calendar';
import { SHIPPED_NATIONAL_CALENDARS } from '../../../src/domain/national-holidays';
import { FIRST_PPPK_YEAR } from '../../../src/domain/nip';
import { admitNip } from '../../../src/domain/nip-admission';
import { isAtLeast } from '../../../src/domain/skp-predikat';

/** The demo data set is built relative to `now`: check it on a date the tests use and one in a holiday season. */
describe.each([new Date('2026-11-01T03:00:00.000Z'), new Date('2025-04-10T03:00:00.000Z')])(
  'the demo data built on %s is believable',
  (now) => {
    const today = jakartaDateOf(now.getTime());
    const org = buildDemoOrganization(now);
    const training = buildDemoTraining(now, org);
    const byId = new Map(org.employees.map((e) => [e.id, e]));
    const pns = org.employees.filter((e) => e.employmentType === 'PNS');

    it('gives every employee an education matching the titles in the name (none below D-III without titles)', () => {
      for (const e of org.employees) {
        expect(e.education, e.id).toBeDefined();
        const implied = educationFromTitles(e.name);
        const level = educationLevel(e.education ?? 'SD');
        if (implied) expect(educationLevel(implied.education), `${e.name}: ${e.education}`).toBe(level);
        else
          expect(level, `${e.name} carries no title but is ${e.education}`).toBeLessThanOrEqual(
            educationLevel('SMA'),
          );
      }
      const titled = org.employees.filter((e) => educationFromTitles(e.name));
      expect(titled.length).toBeGreaterThan(org.employees.length / 2);
      expect(org.employees.some((e) => e.name.startsWith('Dr. '))).toBe(true);
    });

    it('gives valid NIPs against today and the hire date, PPPK appointed from 2019 only', () => {
      for (const e of org.employees) {
        expect(admitNip(e, today), `${e.id} ${e.nip}`).toMatchObject({
          ok: true,
          serviceStartDate: e.serviceStartDate,
        });
        if (e.employmentType === 'PPPK')
          expect(Number(e.serviceStartDate.slice(0, 4))).toBeGreaterThanOrEqual(FIRST_PPPK_YEAR);
      }
      expect(org.employees.filter((e) => e.employmentType === 'PPPK').length).toBeGreaterThan(20);
    });

    it('moves no PNS faster than one golongan step per four years from the entry grade of the education', () => {
      for (const e of pns) {
        const years = completedYearsBetween(e.serviceStartDate, today);
        expect(
          checkRegularGrade(e.golongan ?? 'I_A', e.education ?? 'SD', years),
          `${e.id} ${e.name}`,
        ).toEqual({ ok: true });
      }
    });

    it('puts graduates (S1/D-IV or more) in every Ahli post, and passes every career rule of createEmployee', () => {
      const ahli = org.employees.filter((e) => isAhliPost(e.position));
      expect(ahli.length).toBeGreaterThan(30);
      for (const e of ahli)
        expect(isAtLeastEducation(e.education ?? 'SD', 'S1'), `${e.id} ${e.position.title}`).toBe(true);
      for (const e of org.employees)
        expect(
          newEmployeeCareerIssues({ ...e, education: e.education ?? 'SD' }, e.serviceStartDate, today),
          e.id,
        ).toEqual([]);
    });

    it("has each appraisal made by the direct superior: the unit's head; for a head, the parent unit's head (Setda for top-level units)", () => {
      const heads = new Map(org.units.map((u) => [u.id, u.headEmployeeId]));
      const superiorOf = (e: Employee): string | undefined => {
        const unit = org.units.find((u) => u.id === e.unitId);
        if (unit?.headEmployeeId !== e.id) return unit?.headEmployeeId;
        const above = unit.parentId ?? demoUnitId(e.agencyId, 'setda');
        return above === unit.id ? undefined : heads.get(above);
      };
      const { appraisals } = buildDemoEvaluations(now, org, training);
      expect(appraisals.length).toBeGreaterThan(200);
      for (const a of appraisals) {
        const superior = superiorOf(byId.get(a.employeeId) as Employee);
        expect(a.appraiser?.employeeId, a.employeeId).toBe(superior);
        expect(a.evaluatorId).toBe(superior);
      }
    });

    it('starts every mentorship after both people began service', () => {
      const { mentorships } = buildDemoMentoring(now, org);
      expect(mentorships.length).toBeGreaterThan(10);
      for (const m of mentorships) {
        for (const id of [m.mentorId, m.menteeId])
          expect(m.startDate >= (byId.get(id)?.serviceStartDate ?? '9999'), `${m.id} ${id}`).toBe(true);
      }
    });

    it('stores complaint deadlines counted in working days of the shipped calendar', () => {
      const complaints = buildDemoFeedback(now).filter((f) => isComplaintKind(f.kind));
      expect(complaints.length).toBeGreaterThan(20);
      let holidayAware = 0;
      for (const f of complaints) {
        if (!isComplaintKind(f.kind)) continue;
        const calendar = workCalendarOf(
          yearsCountedFrom(f.submittedAt).map((year) => ({
            year,
            national: SHIPPED_NATIONAL_CALENDARS[year]?.days,
            agency: [],
          })),
        );
        const expected = complaintDeadlines(f.kind, f.submittedAt, calendar);
        expect([f.firstResponseDue, f.resolutionDue, f.deadlinesProvisional], f.id).toEqual([
          expected.firstResponseDue,
          expected.resolutionDue,
          expected.provisional,
        ]);
        if (complaintDeadlines(f.kind, f.submittedAt).resolutionDue !== f.resolutionDue) holidayAware += 1;
      }
      expect(holidayAware).toBeGreaterThan(0);
    });

    it('sends only eligible graduates on tugas belajar: a year of service, every appraisal at least BAIK', () => {
      const degree = training.enrollments.filter((e) => e.studyFunding);
      expect(degree.length).toBeGreaterThan(0);
      const { appraisals } = buildDemoEvaluations(now, org, training);
      for (const enrollment of degree) {
        const e = byId.get(enrollment.employeeId) as Employee;
        expect(enrollment.studyFunding).toBe('TUGAS_BELAJAR');
        expect(isAtLeastEducation(e.education ?? 'SD', 'S1')).toBe(true);
        expect(
          completedYearsBetween(e.serviceStartDate, enrollment.createdAt.slice(0, 10)),
        ).toBeGreaterThanOrEqual(1);
        for (const a of appraisals.filter((x) => x.employeeId === e.id))
          expect(isAtLeast(a.predikat, 'BAIK')).toBe(true);
      }
    });
  },
);
