import { jakartaDateOf } from '../domain/calendar-date';
import type { Employee } from '../domain/employee';
import {
  type Appraisal,
  type AppraiserSnapshot,
  newAppraisal,
  type ProgramEvaluation,
  type ResultsEvidence,
  rankOf,
} from '../domain/evaluation';
import { DEFAULT_EVALUATION_THRESHOLDS } from '../domain/leadership/evaluation-thresholds';
import { resultsWindow } from '../domain/leadership/results-window';
import { averageLearningGain } from '../domain/learning-gain';
import type { Potential } from '../domain/nine-box';
import type { Measurement } from '../domain/performance-indicator';
import { type Period, parsePeriod } from '../domain/period';
import { recommendProgramAction } from '../domain/program-evaluation';
import { predikatOf, type Rating } from '../domain/skp-predikat';
import type { TrainingProgram } from '../domain/training';
import { type DemoOrganization, demoUnitId } from './build-organization';
import { buildDemoPerformance } from './build-performance';
import type { DemoTraining } from './build-training';
import { addDaysTo, demoUlid } from './demo-ids';
import { createRandom, type Random } from './random';

export interface DemoEvaluations {
  appraisals: Appraisal[];
  programEvaluations: ProgramEvaluation[];
}

// Result x behaviour ratings with weights (percent): mostly BAIK, some SANGAT_BAIK, few lower.
const RATING_MIX: [Rating, Rating, number][] = [
  ['ABOVE', 'ABOVE', 14],
  ['ABOVE', 'AS_EXPECTED', 12],
  ['AS_EXPECTED', 'ABOVE', 10],
  ['AS_EXPECTED', 'AS_EXPECTED', 52],
  ['BELOW', 'AS_EXPECTED', 6],
  ['BELOW', 'ABOVE', 2],
  ['AS_EXPECTED', 'BELOW', 3],
  ['BELOW', 'BELOW', 1],
];
/** Units that also appraise quarterly (periodic monitoring, articles 001 and 002). */
const QUARTERLY_UNITS = ['medan-belawan', 'palembang-plaju', 'gorontalo-pkm-selatan', 'binjai-disdik'];
/** The program whose evaluation shows the STOP story: poorly rated, and the service got worse. */
const STOP_STORY = { agencyId: 'gorontalo', title: 'E-Learning Literasi Digital ASN (Angkatan 1)' };

function ratings(random: Random): [Rating, Rating] {
  let roll = random.int(0, 99);
  for (const [result, behaviour, weight] of RATING_MIX) {
    if (roll < weight) return [result, behaviour];
    roll -= weight;
  }
  return ['AS_EXPECTED', 'AS_EXPECTED'];
}

const potentialOf = (random: Random): Potential => random.pick(['HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW']);

/** The appraiser of an employee: the head of the unit, for a head the head of the parent unit or the Sekretariat Daerah. */
function appraiserOf(org: DemoOrganization, employee: Employee): AppraiserSnapshot | undefined {
  const unit = org.units.find((u) => u.id === employee.unitId);
  const setda = demoUnitId(employee.agencyId, 'setda');
  const headUnitId = unit?.headEmployeeId !== employee.id ? unit?.id : (unit?.parentId ?? setda);
  const headUnit = org.units.find((u) => u.id === headUnitId);
  const head = org.employees.find((e) => e.id === headUnit?.headEmployeeId);
  if (!head || head.id === employee.id) return undefined;
  return {
    employeeId: head.id,
    nip: head.nip,
    name: head.name,
    positionTitle: head.position.title,
    rank: rankOf(head),
    unitName: headUnit?.name,
  };
}

/**
 * Yearly SKP appraisals of most employees for the last two years whose appraisal month has
 * passed, and quarterly ones of the following year in a few units; a realistic predikat mix.
 */
function buildAppraisals(
  now: Date,
  org: DemoOrganization,
  random: Random,
  atLeastBaik: ReadonlySet<string>,
): Appraisal[] {
  const today = jakartaDateOf(now.getTime());
  const thisYear = Number(today.slice(0, 4));
  // The annual SKP of year Y is appraised in January of Y + 1.
  const years = [thisYear - 1, thisYear - 2, thisYear - 3]
    .filter((y) => `${y + 1}-01-20` <= today)
    .slice(0, 2);
  const quarterYear = (years[0] ?? thisYear - 1) + 1;
  const quarters = [1, 2, 3, 4]
    .map((q) => parsePeriod(`${quarterYear}-Q${q}`))
    .flatMap((p) => (p.ok && addDaysTo(new Date(p.value.end), 14) <= now ? [p.value] : []));
  const appraisals: Appraisal[] = [];
  let serial = 700_000;
  const appraise = (employee: Employee, period: Period, at: Date, potential?: Potential) => {
    const rolled = ratings(random);
    // Those sent on tugas belajar qualified with a last appraisal of at least BAIK (DOMAIN rule 3).
    const [resultRating, behaviourRating]: [Rating, Rating] =
      atLeastBaik.has(employee.id) && predikatOf(...rolled) !== 'SANGAT_BAIK'
        ? ['AS_EXPECTED', 'AS_EXPECTED']
        : rolled;
    const appraiser = appraiserOf(org, employee);
    const evaluatedAt = (at < now ? at : now).toISOString();
    serial += 1;
    const meta = { agencyId: employee.agencyId, id: demoUlid(new Date(evaluatedAt), serial), version: 1 };
    appraisals.push(
      newAppraisal(
        { ...meta, createdAt: evaluatedAt, updatedAt: evaluatedAt },
        {
          employee,
          period,
          resultRating,
          behaviourRating,
          potential,
          evaluatorId: appraiser?.employeeId,
          appraiser,
        },
      ),
    );
  };
  for (const employee of org.employees) {
    if (employee.status === 'RETIRED' || employee.status === 'TRANSFERRED_OUT') continue;
    for (const [i, year] of [...years].reverse().entries()) {
      const period = parsePeriod(String(year));
      if (!period.ok || period.value.end < employee.serviceStartDate || random.chance(0.08)) continue;
      const latest = i === years.length - 1;
      const potential = latest && random.chance(0.45) ? potentialOf(random) : undefined;
      appraise(employee, period.value, new Date(Date.UTC(year + 1, 0, random.int(8, 28), 2)), potential);
    }
    if (!QUARTERLY_UNITS.includes(employee.unitId) || !random.chance(0.5)) continue;
    for (const quarter of quarters) {
      if (quarter.end < employee.serviceStartDate) continue;
      appraise(employee, quarter, addDaysTo(new Date(`${quarter.end}T02:00:00.000Z`), random.int(5, 14)));
    }
  }
  return appraisals;
}

/**
 * Results of a program from an indicator of a participant unit, as `evaluateProgram` computes
 * them: the window of measured periods up to the last one before the program against the window
 * from the first one after it (default thresholds: three each; fewer give NOT_ENOUGH_DATA).
 */
function indicatorResults(
  program: TrainingProgram,
  unitIds: Set<string>,
  performance: ReturnType<typeof buildDemoPerformance>,
): ResultsEvidence | undefined {
  const indicator = performance.indicators.find(
    (i) => i.agencyId === program.agencyId && unitIds.has(i.unitId),
  );
  if (!indicator) return undefined;
  const measurements: Measurement[] = performance.measurements.filter((m) => m.indicatorId === indicator.id);
  // Period keys of one cadence sort chronologically.
  const periods = measurements.map((m) => m.period).sort();
  const before = periods.filter((key) => (parsePeriodEnd(key) ?? '') < program.startDate).at(-1);
  const after = periods.find((key) => (parsePeriodStart(key) ?? '') > program.endDate);
  if (!before || !after) return undefined;
  const { minPeriodsBefore, minPeriodsAfter } = DEFAULT_EVALUATION_THRESHOLDS;
  const window = resultsWindow({
    direction: indicator.direction,
    measurements,
    lastBefore: before,
    firstAfter: after,
    size: { before: minPeriodsBefore, after: minPeriodsAfter },
  });
  return {
    source: 'INDICATOR',
    indicatorId: indicator.id,
    beforePeriod: before,
    afterPeriod: after,
    beforeValue: window.beforeValue ?? undefined,
    afterValue: window.afterValue ?? undefined,
    changePercent: window.changePercent ?? undefined,
    beforePeriods: window.before.map((m) => m.period),
    afterPeriods: window.after.map((m) => m.period),
  };
}

function parsePeriodEnd(key: string): string | undefined {
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.value.end : undefined;
}

function parsePeriodStart(key: string): string | undefined {
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.value.start : undefined;
}

/**
 * Post-training evaluations of the completed programs, two months after their end: learning
 * from the demo test scores, results from an indicator of the participants' units where one
 * exists (Binjai article: expand when service quality improves, review the method when not),
 * and one STOP story (a poorly rated e-learning after which service got worse).
 */
function buildProgramEvaluations(now: Date, org: DemoOrganization, training: DemoTraining, random: Random) {
  const performance = buildDemoPerformance(now);
  const evaluations: ProgramEvaluation[] = [];
  let serial = 800_000;
  for (const program of training.programs.filter((p) => p.status === 'COMPLETED')) {
    const at = addDaysTo(new Date(`${program.endDate}T03:00:00.000Z`), 60);
    if (at > now) continue;
    const participants = training.enrollments.filter((e) => e.programId === program.id);
    const completed = participants.filter((e) => e.status === 'COMPLETED');
    const learningGain = averageLearningGain(completed) ?? undefined;
    const stop = program.agencyId === STOP_STORY.agencyId && program.title === STOP_STORY.title;
    const reactionScore = stop ? 48 : random.int(64, 92);
    const behaviourScore = stop ? 52 : random.int(54, 90);
    const results: ResultsEvidence | undefined = stop
      ? { source: 'REPORTED', changePercent: -6.5 }
      : indicatorResults(program, new Set(participants.map((e) => e.unitId)), performance);
    const advice = recommendProgramAction({
      reactionScore,
      avgLearningGain: learningGain,
      behaviourScore,
      resultsChange: results?.changePercent,
      resultsPeriods: results?.afterPeriods
        ? { before: results.beforePeriods?.length ?? 0, after: results.afterPeriods.length }
        : null,
    });
    const bkpsdm = org.units.find((u) => u.id === demoUnitId(program.agencyId, 'bkpsdm'));
    serial += 1;
    evaluations.push({
      agencyId: program.agencyId,
      id: demoUlid(at, serial),
      version: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      kind: 'PROGRAM',
      evaluatedAt: at.toISOString(),
      evaluatorId: bkpsdm?.headEmployeeId,
      notes: stop
        ? 'Survei kepuasan layanan unit peserta turun setelah pelatihan; peserta menilai materi kurang relevan.'
        : undefined,
      programId: program.id,
      reactionScore,
      learningGain,
      learningParticipants: completed.filter(
        (e) => e.preTestScore !== undefined && e.postTestScore !== undefined,
      ).length,
      behaviourScore,
      results,
      recommendation: advice.recommendation,
      reasons: advice.reasons,
      findings: advice.findings,
      thresholds: { ...DEFAULT_EVALUATION_THRESHOLDS },
    });
  }
  return evaluations;
}

/** Demo appraisals and program evaluations for `now` (deterministic). */
export function buildDemoEvaluations(
  now: Date,
  org: DemoOrganization,
  training: DemoTraining,
): DemoEvaluations {
  const random = createRandom(20260707);
  return {
    appraisals: buildAppraisals(
      now,
      org,
      random,
      new Set(
        training.enrollments.filter((e) => e.studyFunding === 'TUGAS_BELAJAR').map((e) => e.employeeId),
      ),
    ),
    programEvaluations: buildProgramEvaluations(now, org, training, random),
  };
}
