import {
  type CourseRecord,
  courseRecordOf,
  flatCourseRecord,
  organiserOf,
} from '../src/domain/records/course-record';
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
    // The one course-record mapper (the SIASN export's), in the partners' flat shape.
    record: async (change, _, ctx) => {
      const enrollment = await ctx.services.partnerSync.enrollmentOf(ctx, change);
      if (enrollment?.status !== 'COMPLETED') return null;
      const [program, employee] = await Promise.all([
        ctx.services.enrollments.programOf(ctx, enrollment),
        ctx.services.enrollments.employeeOf(ctx, enrollment),
      ]);
      if (!program || !employee) return null;
      const partner = program.partnerId
        ? await ctx.services.training.getPartner(ctx, {
            agencyId: enrollment.agencyId,
            id: program.partnerId,
          })
        : null;
      const result = courseRecordOf(
        enrollment,
        program,
        employee,
        organiserOf(partner?.name, enrollment.agencyId),
      );
      if (!result) return null;
      const flat = flatCourseRecord(result.record as CourseRecord);
      return { ...flat, nomorSertifikat: flat.nomorSertifikat ?? null };
    },
  },
  EnrollmentChangeConnection: { totalCount: (connection) => connection.totalCount() },
};
