import * as z from 'zod';
import { MAX_NAMED_NEEDS_UNITS } from '../src/domain/training-needs';
import { lazySchema } from '../src/validation/lazy-schema';
import { globalIdOf, optional } from './input-fields';

/** A year a leader's question may be about (the services refuse years after the current one). */
const year = lazySchema(() =>
  z
    .number()
    .int('must be a whole year')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier'),
);

/** trainingNeeds: 1–50 units of the caller's agency (or none: every unit in reach) and a year. */
export const TrainingNeedsFilterInput = lazySchema(() =>
  z
    .object({
      unitIds: optional(
        z
          .array(globalIdOf('Unit')())
          .min(1, 'name at least one unit, or leave the list out')
          .max(MAX_NAMED_NEEDS_UNITS, `at most ${MAX_NAMED_NEEDS_UNITS} units`),
      ),
      year: year(),
    })
    .transform(({ unitIds, year }) => ({ units: unitIds, year })),
);

/** employeesShortOfJp: a year and, optionally, one unit. */
export const EmployeesShortOfJpArgs = lazySchema(() =>
  z
    .object({ year: year(), unitId: optional(globalIdOf('Unit')()) })
    .transform(({ year, unitId }) => ({ year, unit: unitId })),
);
