import { agencyEntity } from '../data/entities/agency';
import { developmentPlanEntity } from '../data/entities/development-plan';
import { planWrites } from '../data/entities/development-plan-writes';
import { employeeWrites } from '../data/entities/employee';
import { evaluationWrites } from '../data/entities/evaluation';
import { feedbackWrites } from '../data/entities/feedback';
import { recordMeasurementWrites } from '../data/entities/measurement';
import { mentorshipEntity, mentorshipWrites } from '../data/entities/mentorship';
import { indicatorWrites } from '../data/entities/performance-indicator';
import { unitWrites } from '../data/entities/unit';
import type { Item } from '../data/item';
import { putNew } from '../data/write';
import type { WriteFold } from '../data/write-fold';
import type { DevelopmentPlan, PlanCommitment, PlanSpending } from '../domain/development-plan';
import type { Appraisal, ProgramEvaluation } from '../domain/evaluation';
import type { Feedback } from '../domain/feedback';
import {
  endedMentorship,
  type GoalOutcome,
  type MentoringSession,
  type Mentorship,
  withGoalResult,
} from '../domain/mentorship';
import { DEFAULT_MAX_ACTIVE_MENTEES } from '../domain/mentorship-rules';
import type { Measurement, PerformanceIndicator } from '../domain/performance-indicator';
import type { TrainingProgram } from '../domain/training';
import type { DemoOrganization } from './build-organization';

/** A mentorship as started, and how it ended (if it did). */
export interface MentorshipStory {
  started: Mentorship;
  end?: { status: 'COMPLETED' | 'CANCELLED'; outcome: string; at: Date } | undefined;
  /** Goal outcomes the mentor recorded at the end (by goal index), and the mentee's rating after it. */
  results?:
    | { outcomes: GoalOutcome[]; rating?: number | undefined; comment?: string | undefined }
    | undefined;
}

/** The mentoring story: mentorships and their sessions (totals follow from replaying the sessions). */
export interface MentoringStory {
  mentorships: MentorshipStory[];
  sessions: MentoringSession[];
}

/**
 * The demo seed's replays: each part of the demo story goes through the write builders the
 * services use (`src/data/entities/*`), folded into items in memory, so the seeded table holds
 * the guards, counters and id lists a live API would have written.
 */

const storedOf = <T>(fold: WriteFold, key: { pk: string; sk: string }, from: (item: Item) => T): T => {
  const item = fold.get(key);
  if (!item) throw new Error(`Replay lost ${key.pk}`);
  return from(item);
};

/** Agencies (no API creates them: plain new items), units with their code guards, employees with their NIP guards. */
export function replayOrganization(fold: WriteFold, org: DemoOrganization): void {
  for (const agency of org.agencies) fold.apply([putNew(agencyEntity.toItem(agency))]);
  for (const unit of org.units) fold.apply(unitWrites.create(unit));
  for (const employee of org.employees) fold.apply(employeeWrites.create(employee));
}

/** Mentorships started, their sessions logged and some ended, in time order; returns them as stored. */
export function replayMentoring(fold: WriteFold, story: MentoringStory) {
  type Event = { at: string; run: () => void };
  const events: Event[] = [];
  const stored = (m: Mentorship) =>
    storedOf(fold, mentorshipEntity.key(m.agencyId, m.id), mentorshipEntity.fromItem);
  for (const { started, end, results } of story.mentorships) {
    events.push({
      at: started.createdAt,
      run: () => fold.apply(mentorshipWrites.start(started, DEFAULT_MAX_ACTIVE_MENTEES)),
    });
    if (end) {
      events.push({
        at: end.at.toISOString(),
        run: () => {
          const before = storedOf(
            fold,
            mentorshipEntity.key(started.agencyId, started.id),
            mentorshipEntity.fromItem,
          );
          fold.apply(mentorshipWrites.end(before, endedMentorship(before, end, end.at)));
          const at = end.at.toISOString();
          for (const [goalIndex, outcome] of (results?.outcomes ?? []).entries()) {
            const current = stored(started);
            const recordedBy = started.mentorId;
            fold.apply(
              mentorshipWrites.recordGoalOutcome(
                current,
                withGoalResult(current, { goalIndex, outcome, recordedAt: at, recordedBy }),
              ),
            );
          }
          if (results?.rating)
            fold.apply(
              mentorshipWrites.rate(started, {
                rating: results.rating,
                comment: results.comment,
                ratedAt: at,
              }),
            );
        },
      });
    }
  }
  for (const session of story.sessions)
    events.push({ at: session.createdAt, run: () => fold.apply(mentorshipWrites.logSession(session)) });
  // Stable: at equal instants a mentorship starts before its first session.
  events.sort((a, b) => a.at.localeCompare(b.at));
  for (const event of events) event.run();
  const mentorships: Mentorship[] = story.mentorships.map(({ started }) =>
    storedOf(fold, mentorshipEntity.key(started.agencyId, started.id), mentorshipEntity.fromItem),
  );
  const sessions: MentoringSession[] = story.sessions;
  return { mentorships, sessions };
}

/** Appraisals with their month guards, and program evaluations. */
export function replayEvaluations(
  fold: WriteFold,
  evaluations: { appraisals: Appraisal[]; programEvaluations: ProgramEvaluation[] },
): void {
  for (const appraisal of evaluations.appraisals) fold.apply(evaluationWrites.recordAppraisal(appraisal));
  for (const evaluation of evaluations.programEvaluations)
    fold.apply(evaluationWrites.recordProgramEvaluation(evaluation));
}

/** Indicators with their code guards, and their measurements. */
export function replayPerformance(
  fold: WriteFold,
  performance: { indicators: PerformanceIndicator[]; measurements: Measurement[] },
): void {
  for (const indicator of performance.indicators) fold.apply(indicatorWrites.create(indicator));
  for (const measurement of performance.measurements) fold.apply(recordMeasurementWrites(measurement));
}

/** Feedback as submitted (responses and resolutions are part of the records). */
export function replayFeedback(fold: WriteFold, feedback: Feedback[]): void {
  for (const entry of feedback) fold.apply(feedbackWrites.create(entry));
}

/**
 * Plans created, programs committed at the plan's creation and spending recorded, in that
 * order: the budget counters, program links and id lists come from the builders.
 */
export function replayPlans(
  fold: WriteFold,
  plans: { plans: DevelopmentPlan[]; commitments: PlanCommitment[]; spendings: PlanSpending[] },
  programs: readonly TrainingProgram[],
): DevelopmentPlan[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const planOf = (p: Pick<DevelopmentPlan, 'agencyId' | 'id'>) =>
    storedOf(fold, developmentPlanEntity.key(p.agencyId, p.id), developmentPlanEntity.fromItem);
  for (const plan of plans.plans) fold.apply(planWrites.create(plan));
  for (const commitment of plans.commitments) {
    const program = byId.get(commitment.programId);
    if (!program) throw new Error(`Commitment to an unknown program ${commitment.programId}`);
    const plan = planOf({ agencyId: commitment.agencyId, id: commitment.planId });
    fold.apply(planWrites.commitProgram(plan, program, commitment, commitment.createdAt));
  }
  for (const spending of [...plans.spendings].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    fold.apply(
      planWrites.recordSpending(planOf({ agencyId: spending.agencyId, id: spending.planId }), spending),
    );
  }
  return plans.plans.map(planOf);
}
