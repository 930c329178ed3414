/**
 * Recommendation for a training program from its post-training evaluation (evaluasi pasca
 * pelatihan) on the four Kirkpatrick levels: reaction, learning, behaviour, results
 * (DOMAIN rule 7). Expand a program when service results clearly improve after training,
 * review its method when they do not (Binjai article), stop it when results worsen and
 * participants rate it poorly, and decide nothing from too few measured periods. The
 * thresholds are the agency's (`leadership/evaluation-thresholds.ts`); every finding names
 * the figure it rests on, its value and the threshold it was held against.
 */
import { DEFAULT_EVALUATION_THRESHOLDS, type EvaluationThresholds } from './leadership/evaluation-thresholds';

/** Possible recommendations. */
export const PROGRAM_RECOMMENDATIONS = ['EXPAND', 'CONTINUE', 'REVIEW', 'STOP', 'NOT_ENOUGH_DATA'] as const;

/** What to do with a program next. */
export type ProgramRecommendation = (typeof PROGRAM_RECOMMENDATIONS)[number];

/** Indonesian labels of the recommendations. */
export const PROGRAM_RECOMMENDATION_LABELS: Record<ProgramRecommendation, string> = {
  EXPAND: 'Perluas',
  CONTINUE: 'Lanjutkan',
  REVIEW: 'Tinjau Ulang Metode',
  STOP: 'Hentikan',
  NOT_ENOUGH_DATA: 'Data Belum Cukup',
};

/** The default thresholds under their historic names. */
export const CLEAR_IMPROVEMENT_PERCENT = DEFAULT_EVALUATION_THRESHOLDS.clearImprovementPercent;
export const SIGNIFICANT_CHANGE_PERCENT = DEFAULT_EVALUATION_THRESHOLDS.significantChangePercent;
export const POOR_REACTION_BELOW = DEFAULT_EVALUATION_THRESHOLDS.poorReactionBelow;
export const POOR_BEHAVIOUR_BELOW = DEFAULT_EVALUATION_THRESHOLDS.poorBehaviourBelow;

/** The figures a finding can rest on. */
export const EVALUATION_FIGURES = [
  'LEVELS_MEASURED',
  'REACTION_SCORE',
  'LEARNING_GAIN',
  'BEHAVIOUR_SCORE',
  'RESULTS_CHANGE_PERCENT',
  'PERIODS_BEFORE',
  'PERIODS_AFTER',
] as const;
export type EvaluationFigure = (typeof EVALUATION_FIGURES)[number];

/** One reason of a recommendation: the figure, its value (null: not measured), the threshold, in words. */
export interface EvaluationFinding {
  figure: EvaluationFigure;
  value: number | null;
  threshold: number;
  text: string;
}

/** Evaluation evidence; each level may be missing. */
export interface ProgramEvaluationInput {
  /** Level 1: participant satisfaction, 0–100. */
  reactionScore?: number | null;
  /** Level 2: mean post-test minus pre-test, points. */
  avgLearningGain?: number | null;
  /** Level 3: on-the-job application rated by supervisors, 0–100. */
  behaviourScore?: number | null;
  /** Level 4: indicator change before vs after, % better (positive is better). */
  resultsChange?: number | null;
  /** Level 4 from an indicator: how many periods were measured before and after the program. */
  resultsPeriods?: { before: number; after: number } | null;
}

/** The recommendation and the evidence behind it, the deciding finding first. */
export interface ProgramAdvice {
  recommendation: ProgramRecommendation;
  reasons: string[];
  findings: EvaluationFinding[];
}

const known = (value: number | null | undefined): value is number => value !== undefined && value !== null;
const finding = (figure: EvaluationFigure, value: number | null, threshold: number, text: string) => ({
  figure,
  value,
  threshold,
  text,
});

function weakLevels(input: ProgramEvaluationInput, t: EvaluationThresholds) {
  const notes: EvaluationFinding[] = [];
  const { reactionScore: reaction, avgLearningGain: gain, behaviourScore: behaviour } = input;
  const poorReaction = known(reaction) && reaction < t.poorReactionBelow;
  if (poorReaction)
    notes.push(
      finding(
        'REACTION_SCORE',
        reaction,
        t.poorReactionBelow,
        `participant reaction is poor (${reaction} < ${t.poorReactionBelow})`,
      ),
    );
  if (known(gain) && gain <= 0)
    notes.push(finding('LEARNING_GAIN', gain, 0, `no learning gain (average ${gain} points)`));
  if (known(behaviour) && behaviour < t.poorBehaviourBelow)
    notes.push(
      finding(
        'BEHAVIOUR_SCORE',
        behaviour,
        t.poorBehaviourBelow,
        `little applied on the job (behaviour ${behaviour} < ${t.poorBehaviourBelow})`,
      ),
    );
  return { weak: notes.length > 0, poorReaction, notes };
}

function advise(recommendation: ProgramRecommendation, findings: EvaluationFinding[]): ProgramAdvice {
  return { recommendation, reasons: findings.map((f) => f.text), findings };
}

/** "Not enough data" findings when an indicator was measured in fewer periods than the thresholds ask. */
function missingPeriods(input: ProgramEvaluationInput, t: EvaluationThresholds): EvaluationFinding[] {
  const periods = input.resultsPeriods;
  if (!periods) return [];
  const short: EvaluationFinding[] = [];
  if (periods.before < t.minPeriodsBefore)
    short.push(
      finding(
        'PERIODS_BEFORE',
        periods.before,
        t.minPeriodsBefore,
        `not enough data: ${periods.before} measured periods before the program (< ${t.minPeriodsBefore})`,
      ),
    );
  if (periods.after < t.minPeriodsAfter)
    short.push(
      finding(
        'PERIODS_AFTER',
        periods.after,
        t.minPeriodsAfter,
        `not enough data: ${periods.after} measured periods after the program (< ${t.minPeriodsAfter})`,
      ),
    );
  return short;
}

/** Recommends EXPAND, CONTINUE, REVIEW, STOP or NOT_ENOUGH_DATA from the four evaluation levels. */
export function recommendProgramAction(
  input: ProgramEvaluationInput,
  t: EvaluationThresholds = DEFAULT_EVALUATION_THRESHOLDS,
): ProgramAdvice {
  const { weak, poorReaction, notes } = weakLevels(input, t);
  const short = missingPeriods(input, t);
  if (short.length) return advise('NOT_ENOUGH_DATA', [...short, ...notes]);
  const change = input.resultsChange;
  const results = (text: string, threshold: number) =>
    finding('RESULTS_CHANGE_PERCENT', known(change) ? change : null, threshold, text);
  if (!known(change)) {
    const levels = [input.reactionScore, input.avgLearningGain, input.behaviourScore].filter(known).length;
    if (!levels)
      return advise('REVIEW', [finding('LEVELS_MEASURED', 0, 1, 'no evaluation data yet'), ...notes]);
    const why = 'no results data yet';
    if (weak)
      return advise('REVIEW', [
        results(`${why} and the earlier levels show weaknesses`, t.clearImprovementPercent),
        ...notes,
      ]);
    return advise('CONTINUE', [
      results(`${why}; reaction, learning and behaviour show no weakness`, t.clearImprovementPercent),
      ...notes,
    ]);
  }
  const clear = t.clearImprovementPercent;
  const significant = t.significantChangePercent;
  if (change >= clear) {
    const gain = input.avgLearningGain;
    const learned = known(gain) && gain > 0;
    const reason = `results improved clearly (${change}% >= ${clear}%)`;
    if (learned && !weak)
      return advise('EXPAND', [
        results(`${reason} with a learning gain of ${gain} points`, clear),
        finding('LEARNING_GAIN', gain, 0, `learning gain ${gain} points (> 0)`),
      ]);
    const caveat = learned ? '' : '; no positive learning gain shows the training caused it';
    return advise('CONTINUE', [results(`${reason}${caveat}`, clear), ...notes]);
  }
  if (change >= significant)
    return advise('CONTINUE', [
      results(`results improved a little (${change}% < ${clear}%)`, clear),
      ...notes,
    ]);
  if (change > -significant)
    return advise('REVIEW', [
      results(
        `no significant change in results (${change}%, within ±${significant}%): review the training method`,
        significant,
      ),
      ...notes,
    ]);
  if (poorReaction)
    return advise('STOP', [
      results(
        `results worsened (${change}% <= -${significant}%) and participants rate the program poorly`,
        -significant,
      ),
      ...notes,
    ]);
  return advise('REVIEW', [
    results(`results worsened (${change}% <= -${significant}%): review the training method`, -significant),
    ...notes,
  ]);
}
