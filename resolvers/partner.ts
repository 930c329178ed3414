import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';

/** Partner delta sync. */
export const partnerResolvers: Resolvers = {
  Query: {
    partnerEnrollments: (_, args, ctx) => ctx.services.partnerSync.changes(ctx, args),
  },
  EnrollmentChange: {
    enrollmentId: (change) => toGlobalId('Enrollment', change.agencyId, change.enrollmentId),
    agencyCode: (change) => change.agencyId,
    enrollment: (change, _, ctx) => ctx.services.partnerSync.enrollmentOf(ctx, change),
  },
  EnrollmentChangeConnection: { totalCount: (connection) => connection.totalCount() },
};
