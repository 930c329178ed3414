/**
 * Recommendation for a training program from its post-training evaluation (evaluasi pasca
 * pelatihan) on the four Kirkpatrick levels: reaction, learning, behaviour, results
 * (DOMAIN rule 7). Expand a program when service results clearly improve after training,
 * review its method when they do not (Binjai article), stop it when results worsen and
 * participants rate it poorly.
 */

/** Possible recommendations. */
export const PROGRAM_RECOMMENDATIONS = ['EXPAND', 'CONTINUE', 'REVIEW', 'STOP'] as const;

/** What to do with a program next. */
export type ProgramRecommendation = (typeof PROGRAM_RECOMMENDATIONS)[number];

/** Indonesian labels of the recommendations. */
export const PROGRAM_RECOMMENDATION_LABELS: Record<ProgramRecommendation, string> = {
  EXPAND: 'Perluas',
  CONTINUE: 'Lanjutkan',
  REVIEW: 'Tinjau Ulang Metode',
  STOP: 'Hentikan',
};

/** Results improvement (% better, from indicatorChange) that counts as clear. */
export const CLEAR_IMPROVEMENT_PERCENT = 10;

/** Results change (% either way) below which the change is not significant. */
export const SIGNIFICANT_CHANGE_PERCENT = 2;

/** Reaction score (0–100) below which participants' reaction is poor. */
export const POOR_REACTION_BELOW = 60;

/** Behaviour score (0–100, applied on the job) below which transfer to work is poor. */
export const POOR_BEHAVIOUR_BELOW = 60;

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
}

/** The recommendation and the evidence behind it. */
export interface ProgramAdvice {
  recommendation: ProgramRecommendation;
  reasons: string[];
}

const known = (value: number | null | undefined): value is number => value !== undefined && value !== null;

function levelFindings(input: ProgramEvaluationInput): {
  weak: boolean;
  poorReaction: boolean;
  notes: string[];
} {
  const notes: string[] = [];
  const poorReaction = known(input.reactionScore) && input.reactionScore < POOR_REACTION_BELOW;
  if (poorReaction)
    notes.push(`participant reaction is poor (${input.reactionScore} < ${POOR_REACTION_BELOW})`);
  const noLearning = known(input.avgLearningGain) && input.avgLearningGain <= 0;
  if (noLearning) notes.push(`no learning gain (average ${input.avgLearningGain} points)`);
  const poorBehaviour = known(input.behaviourScore) && input.behaviourScore < POOR_BEHAVIOUR_BELOW;
  if (poorBehaviour)
    notes.push(`little applied on the job (behaviour ${input.behaviourScore} < ${POOR_BEHAVIOUR_BELOW})`);
  return { weak: poorReaction || noLearning || poorBehaviour, poorReaction, notes };
}

function advise(recommendation: ProgramRecommendation, reason: string, notes: string[]): ProgramAdvice {
  return { recommendation, reasons: [reason, ...notes] };
}

/** Recommends EXPAND, CONTINUE, REVIEW or STOP from the four evaluation levels. */
export function recommendProgramAction(input: ProgramEvaluationInput): ProgramAdvice {
  const { weak, poorReaction, notes } = levelFindings(input);
  const change = input.resultsChange;
  if (!known(change)) {
    const anyEvidence = [input.reactionScore, input.avgLearningGain, input.behaviourScore].some(known);
    if (!anyEvidence) return advise('REVIEW', 'no evaluation data yet', notes);
    if (weak) return advise('REVIEW', 'no results data yet and the earlier levels show weaknesses', notes);
    return advise(
      'CONTINUE',
      'no results data yet; reaction, learning and behaviour show no weakness',
      notes,
    );
  }
  if (change >= CLEAR_IMPROVEMENT_PERCENT) {
    const learned = known(input.avgLearningGain) && input.avgLearningGain > 0;
    const reason = `results improved clearly (${change}% >= ${CLEAR_IMPROVEMENT_PERCENT}%)`;
    if (learned && !weak)
      return advise('EXPAND', `${reason} with a learning gain of ${input.avgLearningGain} points`, notes);
    const caveat = learned ? '' : '; no positive learning gain shows the training caused it';
    return advise('CONTINUE', `${reason}${caveat}`, notes);
  }
  if (change >= SIGNIFICANT_CHANGE_PERCENT) {
    return advise('CONTINUE', `results improved a little (${change}%)`, notes);
  }
  if (change > -SIGNIFICANT_CHANGE_PERCENT) {
    return advise(
      'REVIEW',
      `no significant change in results (${change}%): review the training method`,
      notes,
    );
  }
  if (poorReaction)
    return advise('STOP', `results worsened (${change}%) and participants rate the program poorly`, notes);
  return advise('REVIEW', `results worsened (${change}%): review the training method`, notes);
}
