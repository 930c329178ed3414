import type { Cell } from '../../domain/analytics/cells';
import type { Family } from '../../domain/analytics/families';
import type { ItemKey } from '../item';
import { ordered, valueRange } from '../sort-keys';

/**
 * The layout of rollup items; `npm run rebuild-rollups` rewrites a table's rollups under the
 * current one and marks it (rollup-layout.ts), and `npm start` does so for a table marked with
 * another. A deployed reader checks no mark: it refuses only items whose sort key does not split
 * into bucket, head and shard (layout 1, `readCells`). Layouts 2 to 4 kept that key and every
 * cuboid's split between key and held dimensions (cells-sizing.ts `itemLayout`). A layout that
 * moves a dimension between the two keeps the key's shape, and a reader would silently take an
 * old item's head and tail for the new ones until the rebuild: such a change needs the reader to
 * check the table's mark (or partitions that carry the layout) first.
 * 1: `sk = <bucket>#<first value>`, items of a whole dimension product (too large at scale).
 * 2: `sk = <bucket>#<head>#<shard>`, items sized by a bound per cuboid (cells-sizing.ts).
 * 3: the keys of 2, plus the LEARNERS family and the learning tallies behind INACTIVE_EMPLOYEES
 *    (a table of layout 2 reads fine but lacks them: `npm start` rebuilds it once).
 * 4: the keys of 3, plus the ENROLLMENT cuboids that store PROGRAM_CATEGORY (families.ts `narrow`);
 *    a table of layout 3 lacks them and would answer category questions with nothing.
 */
export const ROLLUP_LAYOUT = 4;

/**
 * Rollup items: one per (agency, family, cuboid, time bucket, values of the cuboid's key
 * dimensions, shard), holding numbers named `<held values>|<component>` (cells.ts). A query reads one partition
 * (family + cuboid) over a range of buckets: the cost follows the number of groups, never the
 * number of records.
 */
export function rollupKey(
  agencyId: string,
  cell: Pick<Cell, 'family' | 'cuboid' | 'bucket' | 'head' | 'shard'>,
): ItemKey {
  return {
    pk: rollupPartition(agencyId, cell.family, cell.cuboid),
    sk: ordered(cell.bucket, `${cell.head}#${cell.shard}`),
  };
}

/** A rollup item's sort key back in its parts; undefined for an item of an older layout. */
export function parseRollupSortKey(sk: string): { bucket: string; head: string; shard: string } | undefined {
  const parts = sk.split('#');
  if (parts.length !== 3) return undefined;
  const [bucket, head, shard] = parts as [string, string, string];
  return { bucket, head, shard };
}

/** The rollup items of a cuboid's partition over a range of time buckets (both inclusive). */
export const bucketRange = (fromBucket: string, toBucket: string) => valueRange(fromBucket, toBucket);

/** The partition of one cuboid of a family in an agency. */
export function rollupPartition(agencyId: string, family: Family, cuboid: string): string {
  return `${agencyId}#Rollup#${family}#${cuboid}`;
}

/** Attribute of one component of one cell inside its rollup item (read back in rollup-reader.ts). */
export const cellAttribute = (tail: string, component: string) => `${tail}|${component}`;

/** Key of an employee's learning tally for a year (toward the 20 JP rule). */
export function jpTallyKey(agencyId: string, employeeId: string, year: string): ItemKey {
  return { pk: `${agencyId}#JpTally#${employeeId}`, sk: year };
}

/** Partition of an employee's learning tallies, one item per year (for INACTIVE_EMPLOYEES). */
export const learningTallyPartition = (agencyId: string, employeeId: string) =>
  `${agencyId}#LearningTally#${employeeId}`;

/** Key of an employee's learning tally for a year: the learning whose window reaches its quarters. */
export function learningTallyKey(agencyId: string, employeeId: string, year: string): ItemKey {
  return { pk: learningTallyPartition(agencyId, employeeId), sk: year };
}

/** Key of the ledger entry that marks one chunk of one stream event as applied. */
export function ledgerKey(agencyId: string, eventId: string, chunk: string): ItemKey {
  return { pk: `${agencyId}#RollupLedger#${eventId}`, sk: chunk };
}

/** Key of an agency's freshness mark (the newest change the rollups include). */
export function watermarkKey(agencyId: string): ItemKey {
  return { pk: `${agencyId}#RollupWatermark`, sk: 'Watermark' };
}

/** Ledger entries outlive the stream's 24-hour retention and any retry window. */
export const LEDGER_TTL_SECONDS = 7 * 24 * 3600;
