import type { Resolvers } from '../src/generated/graphql';
import { analyticsResolvers } from './analytics';
import { auditResolvers } from './audit';
import { calendarResolvers } from './calendar';
import { commonResolvers } from './common';
import { employeeResolvers } from './employee';
import { evaluationResolvers } from './evaluation';
import { feedbackResolvers } from './feedback';
import { followUpResolvers } from './follow-up';
import { importResolvers } from './import';
import { insightsResolvers } from './insights';
import { mentorshipResolvers } from './mentorship';
import { participationResolvers } from './participation';
import { partnerResolvers } from './partner';
import { performanceResolvers } from './performance';
import { planResolvers } from './plan';
import { studyResolvers } from './study';
import { trainingResolvers } from './training';
import { webhookResolvers } from './webhook';

/** Every area's resolvers (one module per schema/ file); makeExecutableSchema merges them. */
export const resolvers: Resolvers[] = [
  analyticsResolvers,
  partnerResolvers,
  commonResolvers,
  employeeResolvers,
  performanceResolvers,
  feedbackResolvers,
  trainingResolvers,
  mentorshipResolvers,
  evaluationResolvers,
  planResolvers,
  auditResolvers,
  studyResolvers,
  calendarResolvers,
  webhookResolvers,
  importResolvers,
  participationResolvers,
  insightsResolvers,
  followUpResolvers,
];
