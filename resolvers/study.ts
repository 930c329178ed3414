import { STUDY_FUNDING_LABELS } from '../src/domain/study-leave';
import type { Resolvers } from '../src/generated/graphql';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';

/** Degree study (tugas belajar / izin belajar) eligibility. */
export const studyResolvers: Resolvers = {
  Query: {
    studyEligibility: (_, { employeeId }, ctx) =>
      ctx.services.study.eligibility(ctx, parseInput(globalIdOf('Employee'), employeeId, 'employeeId')),
  },
  StudyArrangement: {
    fundingLabel: (arrangement) => STUDY_FUNDING_LABELS[arrangement.funding],
    releasedFromDuties: (arrangement) => arrangement.terms?.releasedFromDuties ?? null,
    selfFunded: (arrangement) => arrangement.terms?.selfFunded ?? null,
    outsideWorkingHours: (arrangement) => arrangement.terms?.outsideWorkingHours ?? null,
  },
};
