import { type NineBox, nineBoxGuidance } from '../src/domain/nine-box';
import { PROGRAM_CATEGORY_LABELS } from '../src/domain/training-formats';
import type { Resolvers } from '../src/generated/graphql';
import { globalIdOf } from './input-fields';
import { EmployeesShortOfJpArgs, TrainingNeedsFilterInput } from './insights.inputs';
import { MentoringResultsFilterInput } from './mentorship.inputs';
import { parseInput } from './parse-input';

const byName = <T extends { name: string }>(people: T[]) =>
  [...people].sort((a, b) => a.name.localeCompare(b.name, 'id'));

/** Answers for leaders (issue 14): talent distribution, mentoring results, training needs, JP shortfalls. */
export const insightsResolvers: Resolvers = {
  Query: {
    trainingNeeds: async (_, { filter }, ctx) => {
      const answers = await ctx.services.trainingNeeds.needs(
        ctx,
        parseInput(TrainingNeedsFilterInput, filter, 'filter'),
      );
      return answers.map(({ unit, year, needs, figures }) => ({
        unit,
        year,
        needs: needs.map((need) => ({ ...need, categoryLabel: PROGRAM_CATEGORY_LABELS[need.category] })),
        figures: {
          ikmBefore: figures.ikm.before,
          ikm: figures.ikm.after,
          responseHoursBefore: figures.responseHours.before,
          responseHours: figures.responseHours.after,
          complaintsOverdue: figures.complaintsOverdue,
          responsesOverdue: figures.responsesOverdue,
          indicatorAchievement: figures.indicatorAchievement,
          inactiveEmployees: figures.inactiveEmployees,
          employees: figures.employees,
        },
      }));
    },
    employeesShortOfJp: (_, { year, unitId, first, after }, ctx) =>
      ctx.services.jpShortfall.list(ctx, parseInput(EmployeesShortOfJpArgs, { year, unitId }, ''), {
        first,
        after,
      }),
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
  JpShortfallConnection: { totalCount: (connection) => connection.totalCount() },
};
