/**
 * Bench data for the aggregate benchmark: one agency (Kota Medan's units from the demo data)
 * with employees, 10 internal training programs a month over the last 24 months (one per
 * program category) and enrollments filling the rest of the requested record count. Like the
 * demo seed, the records are replayed through the services' write builders into an in-memory
 * fold (src/demo/replay-*.ts), so seat counters, place and NIP guards, employees' id lists and
 * certificate numbers are what the API would have written; the items are written with
 * BatchWriteItem two calls at a time (38.7k items in memory: 41 s, one at a time 50 s, as
 * TransactWriteItems of 100 53 s), then the dashboard rollups of
 * those records computed in memory with the aggregator's own recomputation
 * (src/data/rollups/recompute.ts, as `rebuild-rollups` and the demo seed do) and written too.
 *
 * The organization and the program catalog are the same whatever the size, so data sets differ
 * only in how many employees and enrollments they hold. (With 1k records most unit x program x
 * month cells stay empty; from about 10k on every one holds data.) `records` counts the base
 * records (agency, units, employees, programs, enrollments); the guards and counters the
 * builders add come on top.
 */
import { CreateTableCommand, type DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../src/data/ensure-table';
import { recomputeRollups, rollupItems } from '../../src/data/rollups/recompute';
import { watermarkKey } from '../../src/data/rollups/rollup-keys';
import type { Item, Table } from '../../src/data/table';
import { createWriteFold } from '../../src/data/write-fold';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { addDaysTo, demoUlid, isoDay, monthsBefore } from '../../src/demo/demo-ids';
import { demoEmployee } from '../../src/demo/people';
import { DEMO_AGENCIES } from '../../src/demo/places';
import { createRandom, type Random } from '../../src/demo/random';
import { replayOrganization } from '../../src/demo/replay-records';
import { type EnrollmentStory, replayTraining } from '../../src/demo/replay-training';
import type { Employee } from '../../src/domain/employee';
import { newEnrollment } from '../../src/domain/enrollment-transitions';
import type { Unit } from '../../src/domain/organization';
import type { Enrollment, Partner, TrainingProgram } from '../../src/domain/training';
import { PROGRAM_CATEGORIES, type ProgramFormat } from '../../src/domain/training-formats';
import { largestItem } from './item-size';

/** The agency the bench data belongs to (its units and labels come from the demo data). */
export const BENCH_AGENCY = 'medan';
/** Months of programs, ending with the current one. */
export const BENCH_MONTHS = 24;
/** Employees per record: 5,000 employees for 100k records (about 19 enrollments each in two years). */
const EMPLOYEE_SHARE = 0.05;
const FORMATS: ProgramFormat[] = ['CLASSROOM', 'E_LEARNING', 'WORKSHOP', 'DISTANCE_LEARNING', 'SEMINAR'];
/** Items per progress report (each written as calls of 25). */
const SLICE = 1000;
/** BatchWriteItem calls in flight: DynamoDB Local (in memory) takes two a little faster than one. */
const WRITERS = 2;

export interface BenchRecords {
  items: Item[];
  counts: { organization: number; employees: number; programs: number; enrollments: number };
}

/**
 * Exactly `records` base records (agency, units, employees, programs, enrollments; deterministic),
 * as items written through the services' builders, with the guards and counters they add.
 */
export function benchRecords(records: number, now: Date, options: { partner?: Partner } = {}): BenchRecords {
  const random = createRandom(records);
  const org = buildDemoOrganization(now);
  const agency = org.agencies.find((a) => a.id === BENCH_AGENCY);
  const plan = DEMO_AGENCIES.find((a) => a.id === BENCH_AGENCY);
  if (!agency || !plan) throw new Error(`No demo agency ${BENCH_AGENCY}`);
  const units = org.units.filter((u) => u.agencyId === BENCH_AGENCY);
  const employees = benchEmployees(
    random,
    Math.max(20, Math.round(records * EMPLOYEE_SHARE)),
    units,
    plan.familyNames,
    now,
  );
  // A partner's programs (for its enrollment feed) are the same programs, provided by it.
  const programs = benchPrograms(random, now).map((p) =>
    options.partner ? { ...p, partnerId: options.partner.id } : p,
  );
  const organization = 1 + units.length;
  const enrollmentCount = records - organization - employees.length - programs.length;
  if (enrollmentCount <= 0) throw new Error(`${records} records cannot hold the organization and programs`);
  const enrollments = benchEnrollments(random, enrollmentCount, employees, programs, now);
  const fold = createWriteFold();
  replayOrganization(fold, { agencies: [agency], units, employees });
  replayTraining(fold, { partners: options.partner ? [options.partner] : [], programs, enrollments });
  const items = fold.items();
  return {
    items,
    counts: {
      organization,
      employees: employees.length,
      programs: programs.length,
      enrollments: enrollmentCount,
    },
  };
}

export function benchEmployees(
  random: Random,
  count: number,
  units: Unit[],
  familyNames: readonly string[],
  now: Date,
): Employee[] {
  const createdAt = monthsBefore(now, BENCH_MONTHS + 1).toISOString();
  return Array.from({ length: count }, (_, n) => {
    const unit = units[n % units.length] as Unit;
    return demoEmployee(
      random,
      {
        agencyId: BENCH_AGENCY,
        id: `${unit.id}-b${String(n + 1).padStart(5, '0')}`,
        unitId: unit.id,
        unitKind: unit.kind,
        familyNames,
        serial: (n % 999) + 1,
        today: isoDay(now),
        createdAt,
      },
      n < units.length || n % 9 === 0,
    );
  });
}

/** `perCategory` programs of each category a month over BENCH_MONTHS (one for the bench sets). */
export function benchPrograms(random: Random, now: Date, perCategory = 1): TrainingProgram[] {
  const today = isoDay(now);
  const programs: TrainingProgram[] = [];
  const categories = PROGRAM_CATEGORIES.flatMap((category) =>
    Array.from({ length: perCategory }, () => category),
  );
  for (let monthsAgo = BENCH_MONTHS - 1; monthsAgo >= 0; monthsAgo -= 1) {
    categories.forEach((category, k) => {
      const start = monthsBefore(now, monthsAgo, 1 + ((k * 2) % 28));
      const created = addDaysTo(start, -45);
      const days = random.int(1, 5);
      const startDate = isoDay(start);
      const endDate = isoDay(addDaysTo(start, days - 1));
      const status = endDate < today ? 'COMPLETED' : startDate <= today ? 'RUNNING' : 'OPEN';
      programs.push({
        agencyId: BENCH_AGENCY,
        id: demoUlid(created, programs.length + 1),
        version: 1,
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
        title: `Pelatihan ${category.toLowerCase().replace('_', ' ')} ${startDate.slice(0, 7)}`,
        category,
        format: random.pick(FORMATS),
        jp: random.int(4, 40),
        startDate,
        endDate,
        capacity: 2000,
        costPerParticipant: random.int(5, 40) * 50_000,
        organizerUnitId: `${BENCH_AGENCY}-bkpsdm`,
        competencies: [category],
        status,
        seatsTaken: 0,
        waitlistCount: 0,
        completedCount: 0,
      });
    });
  }
  return programs;
}

function benchEnrollments(
  random: Random,
  count: number,
  employees: Employee[],
  programs: TrainingProgram[],
  now: Date,
): EnrollmentStory[] {
  return [...benchEnrollmentStories(random, count, employees, programs, now)];
}

/** `count` enrollments of random employees in random programs (one per pair), one at a time. */
export function* benchEnrollmentStories(
  random: Random,
  count: number,
  employees: Employee[],
  programs: TrainingProgram[],
  now: Date,
): Generator<EnrollmentStory> {
  if (count > employees.length * programs.length) throw new Error('more enrollments than pairs');
  const taken = new Set<string>();
  for (let made = 0; made < count; ) {
    const program = random.pick(programs);
    const employee = random.pick(employees);
    const pair = `${program.id}:${employee.id}`;
    if (taken.has(pair)) continue;
    taken.add(pair);
    // Sign-ups during the 45 days before the start, none in the future.
    const signUp = addDaysTo(new Date(program.createdAt), random.int(1, 40));
    const at = signUp < now ? signUp : addDaysTo(now, -1);
    const status = enrollmentStatus(random, program);
    const id = demoUlid(at, 1_000_000 + made);
    const meta = {
      agencyId: BENCH_AGENCY,
      id,
      version: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    const created = newEnrollment(meta, program, employee, status === 'INVITED' ? 'INVITED' : 'ENROLLED');
    const story: EnrollmentStory = { created };
    if (status === 'DROPPED')
      story.end = {
        kind: 'DROPPED',
        at: addDaysTo(new Date(program.startDate), -3).toISOString(),
        reason: 'Tugas dinas',
      };
    if (status === 'NO_SHOW') story.end = { kind: 'NO_SHOW', on: program.endDate };
    if (status === 'COMPLETED') {
      const pre = random.int(45, 75);
      story.end = {
        kind: 'COMPLETED',
        on: program.endDate,
        preTestScore: pre,
        postTestScore: Math.min(100, pre + random.int(3, 25)),
      };
    }
    made += 1;
    yield story;
  }
}

/** As in the demo data: outcomes only for programs that ended. */
function enrollmentStatus(random: Random, program: TrainingProgram): Enrollment['status'] {
  if (program.status !== 'COMPLETED') return 'ENROLLED';
  const roll = random.int(0, 99);
  return roll < 84 ? 'COMPLETED' : roll < 90 ? 'DROPPED' : roll < 95 ? 'NO_SHOW' : 'INVITED';
}

/**
 * Creates a bench table: the production definition (keys, every GSI) without the stream, which
 * only the aggregator would read; rollups here are computed in bulk, not from the stream.
 */
export async function createBenchTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({ ...createTableInput(name), StreamSpecification: { StreamEnabled: false } }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
}

export interface LoadProgress {
  phase: 'records' | 'rollups';
  done: number;
  total: number;
}

export interface LoadResult {
  counts: BenchRecords['counts'];
  /** Wall time of writing the base records. */
  recordSeconds: number;
  /** Wall time of computing and writing their rollups and JP tallies. */
  rollupSeconds: number;
  rollupItems: number;
  /** The largest rollup item or JP tally written, in KB as DynamoDB sizes it. */
  largestRollupItemKb: number;
}

/** Writes `records` base records and their rollups into `table` (each batch retries within a job's budget). */
export async function loadRecords(
  table: Table,
  records: number,
  now: Date,
  onProgress: (progress: LoadProgress) => void = () => undefined,
): Promise<LoadResult> {
  const { items, counts } = benchRecords(records, now);
  const recordsStarted = performance.now();
  await writeSliced(table, items, (done) => onProgress({ phase: 'records', done, total: items.length }));
  const recordSeconds = (performance.now() - recordsStarted) / 1000;

  const rollupsStarted = performance.now();
  const derived = rollupItems(recomputeRollups(items));
  await writeSliced(table, derived, (done) => onProgress({ phase: 'rollups', done, total: derived.length }));
  // As rebuild-rollups does: the rollups now include everything up to `now`.
  await table.put({ ...watermarkKey(BENCH_AGENCY), entity: 'RollupWatermark', asOf: now.toISOString() });
  const rollupSeconds = (performance.now() - rollupsStarted) / 1000;
  const largestRollupItemKb = largestItem(derived).kb;
  return { counts, recordSeconds, rollupSeconds, rollupItems: derived.length, largestRollupItemKb };
}

async function writeSliced(table: Table, items: Item[], progress: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    await table.batchPut(items.slice(i, i + SLICE), WRITERS);
    progress(Math.min(i + SLICE, items.length));
  }
}
