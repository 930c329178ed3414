/**
 * The largest rollup item, against DynamoDB's 400 KB item limit (goal: <= 100 KB). At 100k records
 * from the rollup items the bench loader wrote; at 1M by simulation: a large agency's records are
 * generated one at a time and folded by the aggregator's own recomputation
 * (src/data/rollups/recompute.ts: the same facts, cells and item keys), in memory, no DynamoDB.
 * The bench folds every employee and one month's enrollments (67 s at 1M under load 10, where
 * all 24 months took over 25 minutes); at 100k that gives 2.54 KB against 2.70 for all months,
 * the other month's largest item holding a few more golongan (noise of the random draw).
 *
 * The simulated agency is the bench agency grown with its records: 1M records are 50,000
 * employees in 110 units (Medan's 11, ten times) and 50 programs a month (five per category)
 * over 24 months, about 950,000 enrollments. Rollup items grow with the values of the
 * dimensions that share an item (units, programs of a month, golongan), not with records.
 */
import { employeeEntity } from '../../src/data/entities/employee';
import { enrollmentEntity } from '../../src/data/entities/enrollment';
import { trainingProgramEntity } from '../../src/data/entities/training-program';
import { recomputeRollups, rollupItems } from '../../src/data/rollups/recompute';
import type { Item } from '../../src/data/table';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { DEMO_AGENCIES } from '../../src/demo/places';
import { createRandom } from '../../src/demo/random';
import type { EnrollmentStory } from '../../src/demo/replay-training';
import {
  acceptedEnrollment,
  completedEnrollment,
  declinedEnrollment,
  droppedEnrollment,
  noShowEnrollment,
} from '../../src/domain/enrollment-transitions';
import type { Enrollment, TrainingProgram } from '../../src/domain/training';
import { largestItem } from './item-size';
import { BENCH_AGENCY, benchEmployees, benchEnrollmentStories, benchPrograms } from './load-records';

/** How the simulated agency grows: units and programs per category and month at `records`. */
export function agencyScale(records: number) {
  const factor = Math.max(1, Math.round(records / 100_000));
  return { unitCopies: factor, programsPerCategory: Math.max(1, Math.round(factor / 2)) };
}

/** The stored enrollment once its story ended, as the services' transitions make it. */
function finalEnrollment(story: EnrollmentStory, program: TrainingProgram, serial: () => number): Enrollment {
  const { end } = story;
  // An accepted invitation is stored as enrolled from its acceptance on.
  const created = story.accepted
    ? acceptedEnrollment(story.created, 'ENROLLED', story.accepted)
    : story.created;
  if (!end) return created;
  if (end.kind === 'DROPPED') return droppedEnrollment(created, end.at, end.reason);
  if (end.kind === 'DECLINED') return declinedEnrollment(created, end.reason, end.note, end.at);
  const at = `${end.on}T00:00:00.000Z`;
  if (end.kind === 'NO_SHOW') return noShowEnrollment(created, end.on, at);
  return completedEnrollment(created, program, { completedOn: end.on, serial: serial(), ...end }, at);
}

/**
 * The month a simulation folds (`YYYY-MM`): every month starts as many programs, so the latest
 * month whose programs have all ended (its enrollments reach every status), else the latest.
 */
export function simulatedMonth(programs: readonly TrainingProgram[], now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const open = new Set(programs.filter((p) => p.endDate >= today).map((p) => p.startDate.slice(0, 7)));
  const months = [...new Set(programs.map((p) => p.startDate.slice(0, 7)))].sort();
  return months.filter((m) => !open.has(m)).at(-1) ?? months.at(-1) ?? '';
}

/**
 * The base items that carry rollup facts of a simulated agency, one by one: the programs whose
 * enrollments it folds (their categories go into enrollment cells; first, so none waits), every
 * employee, and with `oneMonth` the enrollments of one month's programs only (simulatedMonth; an
 * item of a MONTH family never holds another month's cells), as many as that month's share of
 * the agency's enrollments; else the enrollments of every month.
 */
export function* simulatedAgencyItems(records: number, now: Date, oneMonth = false): Generator<Item> {
  const random = createRandom(records);
  const scale = agencyScale(records);
  const org = buildDemoOrganization(now);
  const plan = DEMO_AGENCIES.find((a) => a.id === BENCH_AGENCY);
  if (!plan) throw new Error(`No demo agency ${BENCH_AGENCY}`);
  const medan = org.units.filter((u) => u.agencyId === BENCH_AGENCY);
  const units = Array.from({ length: scale.unitCopies }, (_, copy) =>
    medan.map((u) => (copy === 0 ? u : { ...u, id: `${u.id}-${copy}` })),
  ).flat();
  const employees = benchEmployees(random, Math.round(records * 0.05), units, plan.familyNames, now);
  const programs = benchPrograms(random, now, scale.programsPerCategory);
  const enrollments = records - employees.length - programs.length - units.length - 1;
  const month = oneMonth ? simulatedMonth(programs, now) : undefined;
  const folded = month ? programs.filter((p) => p.startDate.startsWith(month)) : programs;
  const byId = new Map(folded.map((p) => [p.id, p]));
  for (const program of folded) yield trainingProgramEntity.toItem(program);
  for (const employee of employees) yield employeeEntity.toItem(employee);
  let serial = 0;
  const count = Math.round((enrollments * folded.length) / programs.length);
  for (const story of benchEnrollmentStories(random, count, employees, folded, now)) {
    const program = byId.get(story.created.programId) as TrainingProgram;
    yield enrollmentEntity.toItem(finalEnrollment(story, program, () => ++serial));
  }
}

/**
 * The largest rollup item of a simulated agency of `records` records, and what it took. With
 * `oneMonth`, every employee and one month's enrollments (a tenth of the time at 1M): the items
 * of MONTH families are per month, the employees' tallies grow with their own records (about 20
 * each at every scale, as in the 100k set), and the other families are timeless or yearly
 * states of the employees, all folded.
 */
export function simulateLargestRollupItem(records: number, now: Date, oneMonth = false) {
  const started = performance.now();
  const items = rollupItems(recomputeRollups(simulatedAgencyItems(records, now, oneMonth)));
  const largest = largestItem(items);
  return { ...largest, rollupItems: items.length, seconds: (performance.now() - started) / 1000 };
}
