import { accumulate, type CellDelta } from '../../domain/analytics/cells';
import { contributionOf } from '../../domain/analytics/facts';
import { complianceFact, setContribution, type Tally } from '../../domain/analytics/jp-tally';
import {
  activeUnitOf,
  type LearningTally,
  learnerFacts,
  learningOf,
  tallyYearsOf,
} from '../../domain/analytics/learning-tally';
import type { Item } from '../table';
import { cellAttribute, jpTallyKey, learningTallyKey, rollupKey } from './rollup-keys';
import { learningTallyItem } from './rollup-writes';

/** Numbers of one rollup item, by attribute (`tail|component`), zeros left out. */
export type RollupValues = Record<string, number>;

export interface Recomputation {
  /** Rollup items by `pk\u0000sk`. */
  rollups: Map<
    string,
    { pk: string; sk: string; family: string; cuboid: string; bucket: string; values: RollupValues }
  >;
  /** JP tallies by `pk\u0000sk`. */
  tallies: Map<
    string,
    { pk: string; sk: string; agencyId: string; employeeId: string; year: string; contributions: Tally }
  >;
  /** Learning tallies by `pk\u0000sk` (INACTIVE_EMPLOYEES). */
  learningTallies: Map<string, { agencyId: string; employeeId: string; year: string; tally: LearningTally }>;
}

/**
 * What the rollups must be for a set of base items: the same fact and tally functions the
 * stream aggregator applies change by change, applied to everything at once. Used to rebuild
 * rollups and to prove the aggregator right. Enrollment facts take their program's category from
 * the programs among the items: an enrollment met before its program waits for the end (none
 * waits when programs come first, so a stream of items is not held in memory).
 */
export function recomputeRollups(items: Iterable<Item>): Recomputation {
  const cellsByAgency = new Map<string, Map<string, CellDelta>>();
  const tallies: Recomputation['tallies'] = new Map();
  const learningTallies: Recomputation['learningTallies'] = new Map();
  /** Active unit of each employee now, by `agency\u0000employee id`. */
  const activeUnits = new Map<string, string>();
  /** Category of each program, by `agency\u0000program id`. */
  const categories = new Map<string, string>();
  const categoryOf = (agencyId: string, programId: string) => categories.get(`${agencyId}\u0000${programId}`);
  const waiting: Item[] = [];

  function add(item: Item, agencyId: string) {
    const contribution = contributionOf(item, categoryOf);
    if (contribution.facts.length === 0 && contribution.jp.length === 0) return;
    const cells = cellsByAgency.get(agencyId) ?? new Map<string, CellDelta>();
    cellsByAgency.set(agencyId, cells);
    accumulate(cells, contribution.facts, 1);
    for (const jp of contribution.jp) {
      const key = jpTallyKey(agencyId, jp.employeeId, jp.year);
      const id = `${key.pk}\u0000${key.sk}`;
      const tally = tallies.get(id) ?? {
        ...key,
        agencyId,
        employeeId: jp.employeeId,
        year: jp.year,
        contributions: {},
      };
      // The tally is this recomputation's own: set the entry in place (a copy per record is quadratic).
      setContribution(tally.contributions, String(item.id), {
        minutes: jp.minutes,
        date: jp.date,
        profile: jp.profile,
      });
      tallies.set(id, tally);
    }
    for (const learning of learningOf(contribution)) {
      for (const year of tallyYearsOf(learning.quarter)) {
        const key = learningTallyKey(agencyId, learning.employeeId, year);
        const id = `${key.pk}\u0000${key.sk}`;
        const entry = learningTallies.get(id) ?? {
          agencyId,
          employeeId: learning.employeeId,
          year,
          tally: { quarters: {} },
        };
        entry.tally.quarters[String(item.id)] = learning.quarter;
        learningTallies.set(id, entry);
      }
    }
  }

  for (const item of items) {
    const agencyId = item.agencyId;
    if (typeof agencyId !== 'string') continue;
    if (item.entity === 'TrainingProgram' && typeof item.category === 'string')
      categories.set(`${agencyId}\u0000${String(item.id)}`, item.category);
    if (item.entity === 'Employee') {
      const unitId = activeUnitOf(item);
      if (unitId) activeUnits.set(`${agencyId}\u0000${String(item.id)}`, unitId);
    }
    if (item.entity === 'Enrollment' && categoryOf(agencyId, String(item.programId)) === undefined)
      waiting.push(item);
    else add(item, agencyId);
  }
  for (const item of waiting) add(item, item.agencyId as string);
  for (const entry of learningTallies.values()) {
    const unitId = activeUnits.get(`${entry.agencyId}\u0000${entry.employeeId}`);
    if (unitId) entry.tally.unitId = unitId;
    const cells = cellsByAgency.get(entry.agencyId) ?? new Map<string, CellDelta>();
    cellsByAgency.set(entry.agencyId, cells);
    accumulate(cells, learnerFacts(entry.tally, entry.year), 1);
  }
  for (const tally of tallies.values()) {
    const cells = cellsByAgency.get(tally.agencyId) ?? new Map<string, CellDelta>();
    cellsByAgency.set(tally.agencyId, cells);
    accumulate(cells, complianceFact(tally.contributions, tally.year), 1);
  }
  const rollups: Recomputation['rollups'] = new Map();
  for (const [agencyId, cells] of cellsByAgency) {
    for (const cell of cells.values()) {
      const key = rollupKey(agencyId, cell);
      const id = `${key.pk}\u0000${key.sk}`;
      const item = rollups.get(id) ?? {
        ...key,
        family: cell.family,
        cuboid: cell.cuboid,
        bucket: cell.bucket,
        values: {},
      };
      let kept = false;
      for (const [component, value] of Object.entries(cell.components)) {
        if (Math.abs(value) > 1e-9) {
          item.values[cellAttribute(cell.tail, component)] = value;
          kept = true;
        }
      }
      // Only items holding a number are stored (counting their keys here made this quadratic).
      if (kept) rollups.set(id, item);
    }
  }
  return { rollups, tallies, learningTallies };
}

/** The stored items of a recomputation: rollups (absolute values), JP and learning tallies, in key order. */
export function rollupItems({ rollups, tallies, learningTallies }: Recomputation): Item[] {
  const keyed = [
    ...[...rollups.values()].map(({ values, ...key }) => {
      // Copied key by key: spreading ~1,000 distinct names (`{ ...values }`) makes V8 build a
      // hidden class per name and item, which took seconds per thousand items.
      const item: Item = { ...key, entity: 'Rollup' };
      for (const name in values) item[name] = values[name];
      return item;
    }),
    ...[...tallies.values()].map((t) => ({ ...t, entity: 'JpTally', version: 1 })),
    ...[...learningTallies.values()].map((t) =>
      learningTallyItem(t.agencyId, t.employeeId, t.year, t.tally, 1),
    ),
  ].map((item) => ({ id: `${item.pk}\u0000${item.sk}`, item }));
  // Code-unit order (as DynamoDB orders keys), each key built once: localeCompare was most of the cost.
  keyed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map(({ item }) => item);
}
