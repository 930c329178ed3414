import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import {
  EndMentorshipInput,
  LogMentoringSessionInput,
  MentorshipFilterInput,
  RateMentorshipInput,
  RecordGoalOutcomeInput,
  StartMentorshipInput,
} from './mentorship.inputs';
import { parseInput } from './parse-input';
import { required } from './required';

/** Mentorships, their sessions, and an employee's mentors and mentees. */
export const mentorshipResolvers: Resolvers = {
  Query: {
    mentorship: (_, { id }, ctx) =>
      ctx.services.mentorships.get(ctx, parseInput(globalIdOf('Mentorship'), id, 'id')),
    mentorships: (_, { filter, first, after }, ctx) =>
      ctx.services.mentorships.list(ctx, parseInput(MentorshipFilterInput, filter, 'filter').status, {
        first,
        after,
      }),
  },
  Mutation: {
    startMentorship: (_, { input }, ctx) =>
      ctx.services.mentorships.start(ctx, parseInput(StartMentorshipInput, input)),
    logMentoringSession: (_, { input }, ctx) =>
      ctx.services.mentorships.logSession(ctx, parseInput(LogMentoringSessionInput, input)),
    endMentorship: (_, { input }, ctx) =>
      ctx.services.mentorships.end(ctx, parseInput(EndMentorshipInput, input)),
    recordGoalOutcome: (_, { input }, ctx) =>
      ctx.services.mentoringResults.recordGoalOutcome(ctx, parseInput(RecordGoalOutcomeInput, input)),
    rateMentorship: (_, { input }, ctx) =>
      ctx.services.mentoringResults.rate(ctx, parseInput(RateMentorshipInput, input)),
  },
  Mentorship: {
    id: (m) => toGlobalId('Mentorship', m.agencyId, m.id),
    mentor: (m, _, ctx) =>
      ctx.services.employees.get(ctx, { agencyId: m.agencyId, id: m.mentorId }).then(required('Employee')),
    mentee: (m, _, ctx) =>
      ctx.services.employees.get(ctx, { agencyId: m.agencyId, id: m.menteeId }).then(required('Employee')),
    endDate: (m) => m.endDate ?? null,
    outcome: (m) => m.outcome ?? null,
    goalResults: (m) =>
      m.goals.map((goal, index) => {
        const result = m.goalResults?.find((r) => r.goalIndex === index);
        return {
          index,
          goal,
          outcome: result?.outcome ?? null,
          note: result?.note ?? null,
          recordedAt: result?.recordedAt ?? null,
        };
      }),
    menteeRating: (m) =>
      m.menteeRating ? { ...m.menteeRating, comment: m.menteeRating.comment ?? null } : null,
    sessions: (m, { first, after }, ctx) => ctx.services.mentorships.sessions(ctx, m, { first, after }),
  },
  MentoringSession: {
    // Sessions are addressed by mentorship and session id: `<mentorshipId>.<sessionId>`.
    id: (s) => toGlobalId('MentoringSession', s.agencyId, `${s.mentorshipId}.${s.id}`),
    mentorship: (s, _, ctx) =>
      ctx.services.mentorships
        .get(ctx, { agencyId: s.agencyId, id: s.mentorshipId })
        .then(required('Mentorship')),
    notes: (s) => s.notes ?? null,
  },
  MentorshipConnection: { totalCount: (connection) => connection.totalCount() },
  MentoringSessionConnection: { totalCount: (connection) => connection.totalCount() },
  Employee: {
    mentors: (employee, { first, after }, ctx) =>
      ctx.services.development.mentorships(ctx, employee, 'MENTEE', { first, after }),
    mentees: (employee, { first, after }, ctx) =>
      ctx.services.development.mentorships(ctx, employee, 'MENTOR', { first, after }),
    activeMenteeCount: (employee) => employee.activeMenteeCount ?? 0,
  },
};
