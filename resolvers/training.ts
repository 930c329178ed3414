import { derivedCohort } from '../src/domain/leadership/program-series';
import { learningGain } from '../src/domain/learning-gain';
import { courseRecordOf, organiserOf } from '../src/domain/records/course-record';
import { seatsAvailable } from '../src/domain/training';
import { learningFormOf, PROGRAM_CATEGORY_LABELS } from '../src/domain/training-formats';
import { MINUTES_PER_JP } from '../src/domain/training-hours';
import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';
import { required } from './required';
import {
  CompleteEnrollmentInput,
  CreatePartnerInput,
  CreateTrainingProgramInput,
  DropEnrollmentInput,
  EnrollEmployeeInput,
  EnrollmentStatusList,
  TrainingProgramFilterInput,
  UpdateTrainingProgramInput,
} from './training.inputs';

/** Partners, training programs, enrollments, and an employee's enrollments and JP. */
export const trainingResolvers: Resolvers = {
  Query: {
    trainingProgram: (_, { id }, ctx) =>
      ctx.services.training.getProgram(ctx, parseInput(globalIdOf('TrainingProgram'), id, 'id')),
    trainingPrograms: (_, { filter, first, after }, ctx) =>
      ctx.services.training.listPrograms(ctx, parseInput(TrainingProgramFilterInput, filter, 'filter'), {
        first,
        after,
      }),
    enrollment: (_, { id }, ctx) =>
      ctx.services.enrollments.get(ctx, parseInput(globalIdOf('Enrollment'), id, 'id')),
    partner: (_, { id }, ctx) =>
      ctx.services.training.getPartner(ctx, parseInput(globalIdOf('Partner'), id, 'id')),
    partners: (_, { first, after }, ctx) => ctx.services.training.listPartners(ctx, { first, after }),
  },
  Mutation: {
    createTrainingProgram: (_, { input }, ctx) =>
      ctx.services.training.createProgram(ctx, parseInput(CreateTrainingProgramInput, input)),
    updateTrainingProgram: (_, { input }, ctx) =>
      ctx.services.training.updateProgram(ctx, parseInput(UpdateTrainingProgramInput, input)),
    enrollEmployee: (_, { input }, ctx) =>
      ctx.services.enrollments.enroll(ctx, parseInput(EnrollEmployeeInput, input)),
    completeEnrollment: (_, { input }, ctx) =>
      ctx.services.enrollments.complete(ctx, parseInput(CompleteEnrollmentInput, input)),
    dropEnrollment: (_, { input }, ctx) =>
      ctx.services.enrollments.drop(ctx, parseInput(DropEnrollmentInput, input)),
    createPartner: (_, { input }, ctx) =>
      ctx.services.training.createPartner(ctx, parseInput(CreatePartnerInput, input)),
  },
  Partner: {
    id: (partner) => toGlobalId('Partner', partner.agencyId, partner.id),
    code: (partner) => partner.id,
    city: (partner) => partner.city ?? null,
    programs: (partner, { first, after }, ctx) =>
      ctx.services.training.listPrograms(ctx, { partnerId: partner.id }, { first, after }),
  },
  PartnerConnection: { totalCount: (connection) => connection.totalCount() },
  TrainingProgram: {
    id: (program) => toGlobalId('TrainingProgram', program.agencyId, program.id),
    description: (program) => program.description ?? null,
    categoryLabel: (program) => PROGRAM_CATEGORY_LABELS[program.category],
    learningForm: (program) => learningFormOf(program.format),
    durationMinutes: (program) => program.durationMinutes ?? program.jp * MINUTES_PER_JP,
    seatsAvailable: (program) => seatsAvailable(program),
    partner: (program, _, ctx) =>
      program.partnerId
        ? ctx.services.training.getPartner(ctx, { agencyId: program.agencyId, id: program.partnerId })
        : null,
    organizerUnit: (program, _, ctx) =>
      program.organizerUnitId
        ? ctx.services.organization.getUnit(ctx, { agencyId: program.agencyId, id: program.organizerUnitId })
        : null,
    cohort: (program) => derivedCohort(program),
    location: (program) => program.location ?? null,
    enrollments: (program, { status, first, after }, ctx) =>
      ctx.services.enrollments.listByProgram(
        ctx,
        program,
        parseInput(EnrollmentStatusList, status, 'status'),
        {
          first,
          after,
        },
      ),
  },
  TrainingProgramConnection: { totalCount: (connection) => connection.totalCount() },
  Enrollment: {
    id: (e) => toGlobalId('Enrollment', e.agencyId, e.id),
    // Relations of an enrollment the caller already sees (partners included).
    program: (e, _, ctx) => ctx.services.enrollments.programOf(ctx, e).then(required('TrainingProgram')),
    employee: (e, _, ctx) => ctx.services.enrollments.employeeOf(ctx, e).then(required('Employee')),
    unit: (e, _, ctx) => ctx.services.enrollments.unitOf(ctx, e).then(required('Unit')),
    waitlistPosition: (e, _, ctx) => ctx.services.enrollments.waitlistPosition(e),
    enrolledAt: (e) => e.enrolledAt ?? null,
    waitlistedAt: (e) => e.waitlistedAt ?? null,
    completedAt: (e) => e.completedAt ?? null,
    droppedAt: (e) => e.droppedAt ?? null,
    dropReason: (e) => e.dropReason ?? null,
    preTestScore: (e) => e.preTestScore ?? null,
    postTestScore: (e) => e.postTestScore ?? null,
    learningGain: (e) =>
      e.preTestScore !== undefined && e.postTestScore !== undefined
        ? learningGain(e.preTestScore, e.postTestScore)
        : null,
    certificateNumber: (e) => e.certificateNumber ?? null,
    siasnCourseRecord: async (e, _, ctx) => {
      if (e.status !== 'COMPLETED') return null;
      const [program, employee, agency] = await Promise.all([
        ctx.services.training
          .getProgram(ctx, { agencyId: e.agencyId, id: e.programId })
          .then(required('TrainingProgram')),
        ctx.services.employees
          .get(ctx, { agencyId: e.agencyId, id: e.employeeId })
          .then(required('Employee')),
        ctx.services.organization.getAgency(ctx, e.agencyId),
      ]);
      const partner = program.partnerId
        ? await ctx.services.training.getPartner(ctx, { agencyId: e.agencyId, id: program.partnerId })
        : null;
      const result = courseRecordOf(
        e,
        program,
        employee,
        organiserOf(partner?.name, agency?.name ?? e.agencyId),
      );
      return result?.ok ? result.record : null;
    },
  },
  EnrollmentConnection: { totalCount: (connection) => connection.totalCount() },
  Employee: {
    enrollments: (employee, { status, first, after }, ctx) =>
      ctx.services.development.enrollments(
        ctx,
        employee,
        parseInput(EnrollmentStatusList, status, 'status'),
        { first, after },
      ),
    trainingHours: (employee, { year }, ctx) =>
      ctx.services.development.trainingHours(ctx, employee, year ?? ctx.clock().getUTCFullYear()),
  },
};
