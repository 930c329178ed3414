import {
  complaintStatusAt,
  FIRST_RESPONSE_WORKING_DAYS,
  RESOLUTION_WORKING_DAYS,
} from '../src/domain/complaint-deadlines';
import { deadlinesOf, FEEDBACK_KIND_LABELS, type Feedback, isComplaintKind } from '../src/domain/feedback';
import { IKM_BAND_LABELS, ikmOfResponse } from '../src/domain/ikm';
import type { ComplaintStatus, Resolvers } from '../src/generated/graphql';
import {
  FeedbackFilterInput,
  ModerateFeedbackInput,
  ResolveComplaintInput,
  RespondToComplaintInput,
  SubmitFeedbackInput,
  TimeRangeInput,
} from './feedback.inputs';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';

/** Where a complaint stands at `now`, against the deadlines stored with it (SP4N-LAPOR! working days). */
function complaintView(entry: Feedback, now: Date): ComplaintStatus | null {
  const { kind } = entry;
  if (!isComplaintKind(kind)) return null;
  const timeline = {
    kind,
    receivedAt: entry.submittedAt,
    deadlines: deadlinesOf({ ...entry, kind }),
    ...(entry.firstResponseAt ? { firstResponseAt: entry.firstResponseAt } : {}),
    ...(entry.resolvedAt ? { resolvedAt: entry.resolvedAt } : {}),
  };
  const status = complaintStatusAt(timeline, now.toISOString());
  return {
    stage: status.stage,
    deadlines: {
      firstResponseDays: FIRST_RESPONSE_WORKING_DAYS,
      resolutionDays: RESOLUTION_WORKING_DAYS[kind],
      resolutionInWorkingDays: true,
      firstResponseDueDate: status.deadlines.firstResponseDueDate,
      resolutionDueDate: status.deadlines.resolutionDueDate,
      provisional: status.deadlines.provisional,
    },
    firstResponseDue: status.deadlines.firstResponseDue,
    resolutionDue: status.deadlines.resolutionDue,
    firstResponseAt: entry.firstResponseAt ?? entry.resolvedAt ?? null,
    resolvedAt: entry.resolvedAt ?? null,
    firstResponseOverdue: status.firstResponseOverdue,
    resolutionOverdue: status.resolutionOverdue,
    responseHours: status.firstResponseHours,
    resolutionHours: status.resolutionHours,
    response: entry.response ?? null,
    resolution: entry.resolution ?? null,
  };
}

/** Feedback from the public, complaints and the satisfaction index (IKM). */
export const feedbackResolvers: Resolvers = {
  Query: {
    feedbackEntry: (_, { id }, ctx) =>
      ctx.services.feedback.get(ctx, parseInput(globalIdOf('Feedback'), id, 'id')),
    feedback: (_, { filter, first, after }, ctx) =>
      ctx.services.feedback.list(ctx, parseInput(FeedbackFilterInput, filter, 'filter'), { first, after }),
  },
  Mutation: {
    submitFeedback: (_, { input }, ctx) =>
      ctx.services.feedback.submit(ctx, parseInput(SubmitFeedbackInput, input)),
    respondToComplaint: (_, { input }, ctx) =>
      ctx.services.feedback.respond(ctx, parseInput(RespondToComplaintInput, input)),
    resolveComplaint: (_, { input }, ctx) =>
      ctx.services.feedback.resolve(ctx, parseInput(ResolveComplaintInput, input)),
    moderateFeedback: (_, { input }, ctx) =>
      ctx.services.feedback.moderate(ctx, parseInput(ModerateFeedbackInput, input)),
  },
  Unit: {
    feedback: (unit, { filter, first, after }, ctx) =>
      ctx.services.feedback.list(
        ctx,
        {
          ...parseInput(FeedbackFilterInput, filter, 'filter'),
          unit: { agencyId: unit.agencyId, id: unit.id },
        },
        { first, after },
      ),
    satisfaction: (unit, { from, to }, ctx) =>
      ctx.services.feedback.satisfaction(
        ctx,
        { agencyId: unit.agencyId, id: unit.id },
        parseInput(TimeRangeInput, { from, to }, ''),
      ),
  },
  FeedbackConnection: { totalCount: (connection) => connection.totalCount() },
  Feedback: {
    id: (entry) => toGlobalId('Feedback', entry.agencyId, entry.id),
    unit: async (entry, _, ctx) => {
      const unit = await ctx.services.feedback.unitOf(ctx, entry);
      if (!unit) throw new Error('Dangling reference to Unit');
      return unit;
    },
    kindLabel: (entry) => FEEDBACK_KIND_LABELS[entry.kind],
    surveyAnswers: (entry) => (entry.surveyAnswers ? [...entry.surveyAnswers] : null),
    ikm: (entry) => {
      if (!entry.surveyAnswers) return null;
      const { ikm, score, band } = ikmOfResponse(entry.surveyAnswers);
      return { index: ikm, score, band, bandLabel: IKM_BAND_LABELS[band] };
    },
    text: (entry) => entry.text ?? null,
    contact: (entry, _, ctx) => ctx.services.feedback.contactOf(ctx, entry),
    complaint: (entry, _, ctx) => complaintView(entry, ctx.clock()),
  },
};
