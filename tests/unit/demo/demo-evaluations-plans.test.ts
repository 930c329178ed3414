import { describe, expect, it } from 'vitest';
import { developmentPlanEntity } from '../../../src/data/entities/development-plan';
import { trainingProgramEntity } from '../../../src/data/entities/training-program';
import { buildDemoEvaluations } from '../../../src/demo/build-evaluations';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoPlans } from '../../../src/demo/build-plans';
import { buildDemoTraining } from '../../../src/demo/build-training';
import { demoItems } from '../../../src/demo/seed-demo-data';
import { programCost } from '../../../src/domain/budget';
import { averageLearningGain } from '../../../src/domain/learning-gain';
import { parsePeriod, periodsOverlap } from '../../../src/domain/period';
import { PROGRAM_RECOMMENDATIONS, recommendProgramAction } from '../../../src/domain/program-evaluation';
import { predikatOf } from '../../../src/domain/skp-predikat';

const NOW = new Date('2026-11-01T03:00:00.000Z');

/** The demo story, and its plans and programs as the seed stores them (replayed through the write builders). */
function build(now: Date) {
  const org = buildDemoOrganization(now);
  const training = buildDemoTraining(now, org);
  const items = demoItems(now);
  return {
    org,
    training,
    evaluations: buildDemoEvaluations(now, org, training),
    plans: buildDemoPlans(now, org, training),
    storedPlans: items
      .filter((i) => i.entity === 'DevelopmentPlan')
      .map((i) => developmentPlanEntity.fromItem(i)),
    storedPrograms: items
      .filter((i) => i.entity === 'TrainingProgram')
      .map((i) => trainingProgramEntity.fromItem(i)),
    appraisalGuards: items.filter((i) => i.kind === 'AppraisalYear'),
  };
}

const demo = build(NOW);
// The same invariants hold whatever day the demo is built on (e.g. early January, before the annual SKP).
const builds = [
  ['2026-11-01', demo],
  ['2027-01-05', build(new Date('2027-01-05T03:00:00.000Z'))],
  ['2026-06-15', build(new Date('2026-06-15T03:00:00.000Z'))],
] as const;

describe.each(builds)('demo appraisals built on %s', (day, { org, evaluations, appraisalGuards }) => {
  const now = new Date(`${day}T03:00:00.000Z`);

  it('gives every appraisal the predikat of its ratings and a period that parses to its own range', () => {
    expect(evaluations.appraisals.length).toBeGreaterThan(org.employees.length);
    for (const a of evaluations.appraisals) {
      expect(a.predikat, a.id).toBe(predikatOf(a.resultRating, a.behaviourRating));
      const period = parsePeriod(a.period);
      expect(period.ok && period.value).toMatchObject({
        key: a.period,
        kind: a.periodKind,
        start: a.periodStart,
        end: a.periodEnd,
      });
      expect(a.evaluatedAt <= now.toISOString()).toBe(true);
      const employee = org.employees.find((e) => e.id === a.employeeId);
      expect(employee?.agencyId).toBe(a.agencyId);
      expect(a.periodEnd >= (employee?.serviceStartDate ?? '')).toBe(true);
    }
  });

  it('never gives one employee two overlapping periods (their guards can be written)', () => {
    const byEmployee = new Map<string, typeof evaluations.appraisals>();
    for (const a of evaluations.appraisals)
      byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a]);
    for (const list of byEmployee.values()) {
      for (const [i, a] of list.entries()) {
        for (const b of list.slice(i + 1)) {
          expect(
            periodsOverlap(
              { start: a.periodStart, end: a.periodEnd },
              { start: b.periodStart, end: b.periodEnd },
            ),
          ).toBe(false);
        }
      }
    }
    // The seed wrote them through the guard's builder: one guard per employee and year, each month once.
    const slots = appraisalGuards.flatMap((g) => Object.keys(g).filter((k) => /^m\d\d$/.test(k)));
    const months = evaluations.appraisals.reduce((n, a) => n + (a.periodKind === 'YEAR' ? 12 : 3), 0);
    expect(slots.length).toBe(months);
  });

  it('has yearly appraisals for most employees over two years, a few quarterly ones, mostly BAIK', () => {
    const yearly = evaluations.appraisals.filter((a) => a.periodKind === 'YEAR');
    expect(new Set(yearly.map((a) => a.period)).size).toBe(2);
    expect(new Set(yearly.map((a) => a.employeeId)).size / org.employees.length).toBeGreaterThan(0.8);
    const quarterly = evaluations.appraisals.filter((a) => a.periodKind === 'QUARTER');
    expect(quarterly.length).toBeGreaterThan(0);
    expect(quarterly.length).toBeLessThan(yearly.length / 4);
    const share = (p: string) =>
      evaluations.appraisals.filter((a) => a.predikat === p).length / evaluations.appraisals.length;
    expect(share('BAIK')).toBeGreaterThan(0.6);
    expect(share('SANGAT_BAIK')).toBeGreaterThan(0.08);
    expect(share('SANGAT_BAIK')).toBeLessThan(share('BAIK'));
    expect(share('BUTUH_PERBAIKAN') + share('KURANG') + share('SANGAT_KURANG')).toBeLessThan(0.2);
    expect(evaluations.appraisals.some((a) => a.potential)).toBe(true);
  });
});

describe.each(builds)('demo program evaluations built on %s', (_, { training, evaluations }) => {
  it('derive learning from the completed enrollments and the recommendation from the levels', () => {
    expect(evaluations.programEvaluations.length).toBeGreaterThan(5);
    for (const e of evaluations.programEvaluations) {
      const program = training.programs.find((p) => p.id === e.programId);
      expect(program?.status).toBe('COMPLETED');
      const completed = training.enrollments.filter(
        (x) => x.programId === e.programId && x.status === 'COMPLETED',
      );
      expect(e.learningGain ?? null).toBe(averageLearningGain(completed));
      const advice = recommendProgramAction({
        reactionScore: e.reactionScore,
        avgLearningGain: e.learningGain,
        behaviourScore: e.behaviourScore,
        resultsChange: e.results?.changePercent,
        resultsPeriods: e.results?.afterPeriods
          ? { before: e.results.beforePeriods?.length ?? 0, after: e.results.afterPeriods.length }
          : null,
      });
      expect({ recommendation: e.recommendation, reasons: e.reasons, findings: e.findings }).toEqual(advice);
    }
  });

  it('tell the article stories: some EXPAND, some REVIEW, exactly one STOP', () => {
    const count = (r: string) => evaluations.programEvaluations.filter((e) => e.recommendation === r).length;
    expect(count('EXPAND')).toBeGreaterThan(1);
    expect(count('REVIEW')).toBeGreaterThan(0);
    expect(count('STOP')).toBe(1);
  });

  it('hold every recommendation outcome, NOT_ENOUGH_DATA included', () => {
    const outcomes = new Set(evaluations.programEvaluations.map((e) => e.recommendation));
    expect([...outcomes].sort()).toEqual([...PROGRAM_RECOMMENDATIONS].sort());
  });
});

describe.each(builds)(
  'demo development plans built on %s',
  (day, { org, training, plans, storedPlans, storedPrograms }) => {
    const thisYear = Number(day.slice(0, 4));

    it("keep every budget consistent: committed = the linked programs' costs, remaining = planned - committed", () => {
      expect(storedPlans.map((p) => p.id).sort()).toEqual(plans.plans.map((p) => p.id).sort());
      for (const plan of storedPlans) {
        const commitments = plans.commitments.filter((c) => c.planId === plan.id);
        const costs = commitments.map((c) => {
          const program = training.programs.find((p) => p.id === c.programId);
          expect(program?.agencyId).toBe(plan.agencyId);
          expect(c.participants).toBeLessThanOrEqual(program?.capacity ?? 0);
          return programCost({
            costPerParticipant: program?.costPerParticipant ?? NaN,
            participants: c.participants,
          });
        });
        expect(commitments.map((c) => c.amount)).toEqual(costs);
        expect(plan.committed).toBe(costs.reduce((a, b) => a + b, 0));
        expect(plan.remaining).toBe(plan.planned - plan.committed);
        expect(plan.committed).toBeLessThanOrEqual(plan.planned);
        const spent = plans.spendings
          .filter((s) => s.planId === plan.id)
          .reduce((sum, s) => sum + s.amount, 0);
        expect(plan.spent).toBe(spent);
        expect(plan.spent).toBeLessThanOrEqual(plan.committed);
        expect(plan.unspent).toBe(plan.committed - plan.spent);
        expect(plan.programIds).toEqual(commitments.map((c) => c.programId));
        for (const n of [plan.planned, plan.committed, plan.spent])
          expect(Number.isSafeInteger(n)).toBe(true);
      }
    });

    it('link each program to at most one plan: the one its commitment names, and no other program', () => {
      const committed = plans.commitments.map((c) => c.programId);
      expect(new Set(committed).size).toBe(committed.length);
      for (const p of storedPrograms) {
        expect(p.developmentPlanId).toBe(plans.commitments.find((c) => c.programId === p.id)?.planId);
      }
    });

    it('give every agency a plan for the previous and the current year, owned by the head of its BKPSDM', () => {
      for (const agency of org.agencies) {
        const own = plans.plans.filter((p) => p.agencyId === agency.id && p.scope === 'AGENCY');
        expect(own.map((p) => p.year).sort()).toEqual([thisYear - 1, thisYear]);
        const head = org.units.find((u) => u.id === `${agency.id}-bkpsdm`)?.headEmployeeId;
        for (const p of own) expect(p.ownerId).toBe(head);
      }
    });
  },
);

describe('the Binjai budget shortfall (article 003)', () => {
  it('refuses one program: it costs more than the nearly fully committed plan has left', () => {
    const [refused] = demo.plans.refused;
    const plan = demo.storedPlans.find((p) => p.id === refused?.planId);
    const program = demo.training.programs.find((p) => p.id === refused?.programId);
    expect(plan).toMatchObject({ agencyId: 'binjai', year: 2026, status: 'APPROVED' });
    const cost = programCost({
      costPerParticipant: program?.costPerParticipant ?? 0,
      participants: program?.capacity ?? 0,
    });
    expect(refused?.shortfall).toBe(cost - (plan?.remaining ?? 0));
    expect(refused?.shortfall).toBeGreaterThan(0);
    expect((plan?.remaining ?? 0) / (plan?.planned ?? 1)).toBeLessThan(0.06);
    expect(demo.plans.commitments.some((c) => c.programId === refused?.programId)).toBe(false);
    expect(demo.storedPrograms.find((p) => p.id === refused?.programId)?.developmentPlanId).toBeUndefined();
  });

  it('is the same on every build', () => {
    expect(build(NOW)).toEqual(demo);
  });
});
