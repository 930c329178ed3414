import { recomputeRollups, rollupItems } from '../data/rollups/recompute';
import type { Item, Table } from '../data/table';
import { createWriteFold } from '../data/write-fold';
import { buildDemoEvaluations } from './build-evaluations';
import { buildDemoFeedback } from './build-feedback';
import { mentoringStory } from './build-mentorship';
import { buildDemoOrganization } from './build-organization';
import { buildDemoPerformance } from './build-performance';
import { buildDemoPlans } from './build-plans';
import { buildDemoTraining, trainingStory } from './build-training';
import {
  replayEvaluations,
  replayFeedback,
  replayMentoring,
  replayOrganization,
  replayPerformance,
  replayPlans,
} from './replay-records';
import { replayTraining } from './replay-training';

/** Bump when the demo data set changes; a table seeded with an older version is seeded again. */
export const DEMO_DATA_VERSION = 10;
const MARKER = { pk: 'System#Seed', sk: 'demo' };

/** Agencies, units and employees only: the base the tests build their own scenarios on. */
export function demoOrganizationItems(now: Date, only?: readonly string[]): Item[] {
  const fold = createWriteFold();
  const org = buildDemoOrganization(now);
  replayOrganization(fold, {
    agencies: ofAgencies(org.agencies, only),
    units: ofAgencies(org.units, only),
    employees: ofAgencies(org.employees, only),
  });
  return fold.items();
}

/** The records of some agencies (all of them without `only`). */
function ofAgencies<T extends { agencyId: string }>(records: readonly T[], only?: readonly string[]): T[] {
  return only ? records.filter((r) => only.includes(r.agencyId)) : [...records];
}

/**
 * Every item of the demo data set, built for `now`: the demo's story replayed through the
 * services' write builders (guards, counters, id lists, partner feeds and certificate numbers
 * come from them). With `only`, only those agencies' records are replayed (their partner feeds
 * then hold only their enrollments' changes, numbered without gaps); the story itself is the
 * same either way.
 */
export function demoItems(now: Date, only?: readonly string[]): Item[] {
  const mine = <T extends { agencyId: string }>(records: readonly T[]) => ofAgencies(records, only);
  const org = buildDemoOrganization(now);
  // Plans and evaluations are told over the whole training data as stored.
  const stored = buildDemoTraining(now, org);
  const story = trainingStory(now, org);
  const mentoring = mentoringStory(now, org);
  const plans = buildDemoPlans(now, org, stored);
  const evaluations = buildDemoEvaluations(now, org, stored);
  const performance = buildDemoPerformance(now);

  const fold = createWriteFold();
  replayOrganization(fold, {
    agencies: mine(org.agencies),
    units: mine(org.units),
    employees: mine(org.employees),
  });
  const training = replayTraining(fold, {
    partners: mine(story.partners),
    programs: mine(story.programs),
    enrollments: story.enrollments.filter((e) => !only || only.includes(e.created.agencyId)),
  });
  replayMentoring(fold, {
    mentorships: mentoring.mentorships.filter((m) => !only || only.includes(m.started.agencyId)),
    sessions: mine(mentoring.sessions),
  });
  replayPerformance(fold, {
    indicators: mine(performance.indicators),
    measurements: mine(performance.measurements),
  });
  replayFeedback(fold, mine(buildDemoFeedback(now)));
  replayEvaluations(fold, {
    appraisals: mine(evaluations.appraisals),
    programEvaluations: mine(evaluations.programEvaluations),
  });
  replayPlans(
    fold,
    { plans: mine(plans.plans), commitments: mine(plans.commitments), spendings: mine(plans.spendings) },
    training.programs,
  );
  return fold.items();
}

/** What a seed writes: the demo items and, where asked, their dashboard rollups. */
export interface DemoSeed {
  items: Item[];
  rollups: Item[];
}

/**
 * The items of a seed, built in memory (a few seconds of CPU for the whole data set): with
 * `rollups` (a table that was empty), the dashboard rollups of those items too, computed here
 * rather than by following the stream. `agencies` narrows either scope to those agencies (tests).
 */
export function demoSeed(
  now: Date,
  scope: 'all' | 'organization' = 'all',
  options: { rollups?: boolean; agencies?: readonly string[] } = {},
): DemoSeed {
  const items =
    scope === 'all' ? demoItems(now, options.agencies) : demoOrganizationItems(now, options.agencies);
  return { items, rollups: options.rollups ? rollupItems(recomputeRollups(items)) : [] };
}

/** Transactions of the seed in flight at once: DynamoDB Local commits one at a time anyway. */
const SEED_CONCURRENCY = 2;

/**
 * Seeds the demo data once per table (a marker item remembers the version), see demoSeed;
 * `prepared` is that seed built beforehand (npm start builds it while DynamoDB Local starts).
 * No item is written twice, so the puts go as unconditioned transactions of 100, a few at a
 * time (Table.transactPut), each retried within a job's budget; the marker goes last, so an
 * interrupted seed is written again at the next start.
 */
export async function seedDemoData(
  table: Table,
  now: Date,
  scope: 'all' | 'organization' = 'all',
  options: {
    rollups?: boolean;
    agencies?: readonly string[];
    prepared?: DemoSeed;
    /** Told after each transaction: items written so far, of how many. */
    progress?: (written: number, total: number) => void;
  } = {},
): Promise<{ items: number; rollups: number }> {
  const marker = await table.get(MARKER);
  if (marker && Number(marker.version) >= DEMO_DATA_VERSION) return { items: 0, rollups: 0 };
  const { items, rollups } = options.prepared ?? demoSeed(now, scope, options);
  const all = [...items, ...rollups];
  let written = 0;
  await table.transactPut(all, SEED_CONCURRENCY, (count) => {
    written += count;
    options.progress?.(written, all.length);
  });
  await table.put({ ...MARKER, entity: 'Seed', version: DEMO_DATA_VERSION, seededAt: now.toISOString() });
  return { items: items.length, rollups: rollups.length };
}
