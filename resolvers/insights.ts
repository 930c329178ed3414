import { type NineBox, nineBoxGuidance } from '../src/domain/nine-box';
import type { Resolvers } from '../src/generated/graphql';
import { globalIdOf } from './input-fields';
import { MentoringResultsFilterInput } from './mentorship.inputs';
import { parseInput } from './parse-input';

const byName = <T extends { name: string }>(people: T[]) =>
  [...people].sort((a, b) => a.name.localeCompare(b.name, 'id'));

/** Answers for leaders (issue 14): the talent distribution of a unit, the results of mentoring. */
export const insightsResolvers: Resolvers = {
  Query: {
    mentoringResults: (_, { filter }, ctx) =>
      ctx.services.mentoringResults.results(ctx, parseInput(MentoringResultsFilterInput, filter, 'filter')),
    talentDistribution: async (_, { unitId }, ctx) => {
      const found = await ctx.services.talent.distribution(
        ctx,
        parseInput(globalIdOf('Unit'), unitId, 'unitId'),
      );
      return {
        unit: found.unit,
        unplaced: byName(found.unplaced),
        boxes: found.boxes.map(({ box, employees }) => {
          const guidance = nineBoxGuidance(box as NineBox);
          return {
            box,
            count: employees.length,
            guidance: guidance.id,
            guidanceEn: guidance.en,
            disciplinary: guidance.disciplinary,
            employees: byName(employees),
          };
        }),
      };
    },
  },
};
