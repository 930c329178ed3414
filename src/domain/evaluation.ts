/**
 * Evaluations (evaluasi): an employee's performance appraisal for a period (penilaian kinerja,
 * SKP) and a training program's post-training evaluation (evaluasi pasca pelatihan). Both
 * kinds share one record family so that lists, filters and `node(id)` treat them alike.
 */
import { dateParts } from './calendar-date';
import { type Employee, type EmployeeProfile, profileOf } from './employee';
import { golonganLabel } from './golongan';
import type { EvaluationThresholds } from './leadership/evaluation-thresholds';
import {
  nineBoxGuidance,
  nineBoxOf,
  type Performance,
  type Potential,
  performanceFromPredikat,
} from './nine-box';
import type { Period, PeriodKind } from './period';
import type { EvaluationFinding, ProgramRecommendation } from './program-evaluation';
import type { RecordMeta } from './record';
import { PREDIKAT_LABELS, type Predikat, predikatOf, RATING_LABELS, type Rating } from './skp-predikat';

/** The two kinds of evaluation. */
export const EVALUATION_KINDS = ['APPRAISAL', 'PROGRAM'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** The appraiser (pejabat penilai kinerja) as at the appraisal: SIASN keeps these details as they were. */
export interface AppraiserSnapshot {
  employeeId: string;
  nip: string;
  name: string;
  positionTitle: string;
  /** Golongan label (e.g. `III/a`) or PPPK grade of the appraiser. */
  rank?: string | undefined;
  unitName?: string | undefined;
}

interface EvaluationMeta extends RecordMeta {
  evaluatedAt: string;
  /** The caller's employee record, when the token carried one. */
  evaluatorId?: string | undefined;
  notes?: string | undefined;
}

/** An SKP appraisal of one employee for one period (PermenPANRB 6/2022). */
export interface Appraisal extends EvaluationMeta {
  kind: 'APPRAISAL';
  employeeId: string;
  /** The employee's unit when appraised (unit lists group by it). */
  unitId: string;
  /** Snapshot for dashboards: the employee's grade, type and gender when appraised. */
  employeeProfile: EmployeeProfile;
  /** Period key: `2026`, `2026-Q2` or `2026-07`. */
  period: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  resultRating: Rating;
  behaviourRating: Rating;
  /** predikatOf(resultRating, behaviourRating), stored so lists can filter on it. */
  predikat: Predikat;
  potential?: Potential | undefined;
  appraiser?: AppraiserSnapshot | undefined;
}

/** Where the results level (Kirkpatrick level 4) came from. */
/**
 * A new SKP appraisal of an employee for a period, made at `meta.createdAt`: the predikat follows
 * from the work-result and work-behaviour ratings (PermenPANRB 6/2022); the employee's profile and
 * unit are fixed as at the appraisal. Shared by the service and the demo seed.
 */
export function newAppraisal(
  meta: RecordMeta,
  input: {
    employee: Employee;
    period: Period;
    resultRating: Rating;
    behaviourRating: Rating;
    potential?: Potential | undefined;
    notes?: string | undefined;
    evaluatorId?: string | undefined;
    appraiser?: AppraiserSnapshot | undefined;
  },
): Appraisal {
  const { employee, period } = input;
  return {
    ...meta,
    kind: 'APPRAISAL',
    evaluatedAt: meta.createdAt,
    evaluatorId: input.evaluatorId,
    notes: input.notes,
    employeeId: employee.id,
    unitId: employee.unitId,
    employeeProfile: profileOf(employee),
    period: period.key,
    periodKind: period.kind,
    periodStart: period.start,
    periodEnd: period.end,
    resultRating: input.resultRating,
    behaviourRating: input.behaviourRating,
    predikat: predikatOf(input.resultRating, input.behaviourRating),
    potential: input.potential,
    appraiser: input.appraiser,
  };
}

export const RESULTS_SOURCES = ['INDICATOR', 'REPORTED'] as const;
export type ResultsSource = (typeof RESULTS_SOURCES)[number];

/** Evidence of the results level: an indicator's change between two measured periods, or a reported change. */
export interface ResultsEvidence {
  source: ResultsSource;
  indicatorId?: string | undefined;
  beforePeriod?: string | undefined;
  afterPeriod?: string | undefined;
  beforeValue?: number | undefined;
  afterValue?: number | undefined;
  /** % better (positive is better whatever the direction); undefined when no relative change exists. */
  changePercent?: number | undefined;
  /** INDICATOR: the measured periods averaged before and after (absent on evaluations stored before windows). */
  beforePeriods?: string[] | undefined;
  afterPeriods?: string[] | undefined;
}

/** A post-training evaluation of a program on the four Kirkpatrick levels (DOMAIN rule 7). */
export interface ProgramEvaluation extends EvaluationMeta {
  kind: 'PROGRAM';
  programId: string;
  /** Level 1, 0–100. */
  reactionScore?: number | undefined;
  /** Level 2: average post-test minus pre-test of completed participants with both scores. */
  learningGain?: number | undefined;
  /** How many participants the learning level averages. */
  learningParticipants: number;
  /** Level 3, 0–100. */
  behaviourScore?: number | undefined;
  results?: ResultsEvidence | undefined;
  recommendation: ProgramRecommendation;
  reasons: string[];
  /** The reasons with their figure, value and threshold (absent on evaluations stored before them). */
  findings?: EvaluationFinding[] | undefined;
  /** The agency's thresholds the recommendation was made with. */
  thresholds?: EvaluationThresholds | undefined;
}

/** Any evaluation. */
export type Evaluation = Appraisal | ProgramEvaluation;

/** The calendar months (`01`–`12`) a period covers; one employee's appraisal periods may share none. */
export function periodMonths(period: Pick<Period, 'start' | 'end'>): string[] {
  const first = dateParts(period.start).month;
  const last = dateParts(period.end).month;
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i).padStart(2, '0'));
}

/** An annual appraisal in the shape of BKN SIASN's SKP record (riwayat SKP, DOMAIN rule 10). */
export interface SiasnSkpRecord {
  nip: string;
  tahun: number;
  hasilKinerja: string;
  perilakuKerja: string;
  kuadranKinerja: string;
  penilaiNipNrp: string | null;
  penilaiNama: string | null;
  penilaiJabatan: string | null;
  penilaiGolongan: string | null;
  penilaiUnorNama: string | null;
  statusPenilai: string | null;
}

/**
 * The SIASN SKP record of a yearly appraisal (null for shorter periods: SIASN keeps the annual
 * predikat). Ratings and quadrant carry their Indonesian labels; SIASN's numeric reference
 * codes are looked up on its side.
 */
export function siasnSkpRecordOf(
  appraisal: Appraisal,
  employee: Pick<Employee, 'nip'>,
): SiasnSkpRecord | null {
  if (appraisal.periodKind !== 'YEAR') return null;
  const penilai = appraisal.appraiser;
  return {
    nip: employee.nip,
    tahun: Number(appraisal.period),
    hasilKinerja: RATING_LABELS[appraisal.resultRating],
    perilakuKerja: RATING_LABELS[appraisal.behaviourRating],
    kuadranKinerja: PREDIKAT_LABELS[appraisal.predikat],
    penilaiNipNrp: penilai?.nip ?? null,
    penilaiNama: penilai?.name ?? null,
    penilaiJabatan: penilai?.positionTitle ?? null,
    penilaiGolongan: penilai?.rank ?? null,
    penilaiUnorNama: penilai?.unitName ?? null,
    statusPenilai: penilai ? 'ASN' : null,
  };
}

/** The rank an appraiser is printed with: golongan label for PNS, grade for PPPK. */
export function rankOf(employee: Pick<Employee, 'golongan' | 'pppkGrade'>): string | undefined {
  if (employee.golongan) return golonganLabel(employee.golongan);
  return employee.pppkGrade;
}

/** A 9-box placement (PermenPANRB 3/2020) with its development recommendation. */
export interface TalentBox {
  box: number;
  performance: Performance;
  potential: Potential;
  /** Recommendation in Indonesian. */
  guidance: string;
  guidanceEn: string;
  /** Box 1: handled under the disciplinary rules. */
  disciplinary: boolean;
}

/** The box of a predikat (as the performance axis) and an assessed potential. */
export function talentBoxOf(predikat: Predikat, potential: Potential): TalentBox {
  const performance = performanceFromPredikat(predikat);
  const guidance = nineBoxGuidance(nineBoxOf(performance, potential));
  return {
    box: guidance.box,
    performance,
    potential,
    guidance: guidance.id,
    guidanceEn: guidance.en,
    disciplinary: guidance.disciplinary,
  };
}
