import type { StoredDimension } from './dimensions';
import { FAMILIES, type Family } from './families';
import { FIXED_CARDINALITY } from './max-groups';

/**
 * How large a rollup item can grow, and how to keep it small. A rollup item holds the cells of
 * one (cuboid, time bucket, values of the cuboid's key dimensions, shard); its numbers are named
 * `<values of the held dimensions>|<component>`. Which dimensions are keyed and which held is
 * chosen per cuboid from the dimensions' maximum cardinalities (itemLayout), so an item never
 * grows with records, only up to a bound computed here. DynamoDB refuses items over 400 KB; the
 * goal is 100 KB.
 */

/** DynamoDB's hard limit on an item, and the goal for the largest rollup item. */
export const DYNAMO_ITEM_LIMIT_BYTES = 400 * 1024;
export const ROLLUP_ITEM_GOAL_BYTES = 100 * 1024;
/** Hash shards are sized for half the goal on average, so the fullest stays below the goal. */
const SHARD_TARGET_BYTES = ROLLUP_ITEM_GOAL_BYTES / 2;

/**
 * The most values a dimension takes within one time bucket of one agency: the domain's fixed
 * lists (max-groups.ts) and, for units and programs, a large agency with room to spare (the
 * bench simulates 110 units and 50 programs a month). A program is in the bucket of the month
 * it starts. Beyond these an item grows linearly, still far from the 400 KB limit at twice them.
 */
export const MAX_VALUES_PER_BUCKET: Record<StoredDimension, number> = {
  ENROLLMENT_STATUS: FIXED_CARDINALITY.ENROLLMENT_STATUS,
  EMPLOYMENT_TYPE: FIXED_CARDINALITY.EMPLOYMENT_TYPE,
  GENDER: FIXED_CARDINALITY.GENDER,
  FEEDBACK_CHANNEL: FIXED_CARDINALITY.FEEDBACK_CHANNEL,
  PREDIKAT: FIXED_CARDINALITY.PREDIKAT,
  PROGRAM_CATEGORY: FIXED_CARDINALITY.PROGRAM_CATEGORY,
  GOLONGAN: FIXED_CARDINALITY.GOLONGAN,
  UNIT: 1_000,
  PROGRAM: 250,
};

/**
 * Longest dimension value, agency id or bucket the bound allows for: ids are ULIDs (26
 * characters) or the demo's readable ids, codes and buckets are shorter.
 */
export const MAX_VALUE_BYTES = 48;
/** A JavaScript number has at most 17 significant digits: DynamoDB stores 2 per byte, plus 1. */
const NUMBER_BYTES = 10;
/** `entity`, `family`, `cuboid` and `bucket` attributes beside the key. */
const FIXED_ATTRIBUTE_BYTES = 'entityRollupfamilycuboidbucket'.length;

/** Bytes of one cell's numbers in an item: `<held values>|<component>` and the number, per component. */
function bytesPerCell(family: Family, held: number): number {
  const name = Math.max(1, held * (MAX_VALUE_BYTES + 1) - 1);
  const components = FAMILIES[family].components as readonly string[];
  return components.reduce((sum, c) => sum + name + 1 + c.length + NUMBER_BYTES, 0);
}

/** Key and bookkeeping bytes of an item of a cuboid whose key holds `keyed` dimension values. */
function overheadBytes(family: Family, dims: readonly StoredDimension[], keyed: number): number {
  const cuboid = dims.join('+').length || 1;
  const pk = MAX_VALUE_BYTES + '#Rollup#'.length + family.length + 1 + cuboid;
  const head = Math.max(1, keyed * (MAX_VALUE_BYTES + 1) - 1);
  const sk = MAX_VALUE_BYTES + 1 + head + 1 + 4;
  return 'pk'.length + pk + 'sk'.length + sk + FIXED_ATTRIBUTE_BYTES + family.length + cuboid + 7;
}

/**
 * Where a cuboid's dimensions go: `key` dimensions are in the item's key (one item per
 * combination of their values), `held` ones in its attribute names, spread over `shards` items
 * by a hash of their values. The stored order of each part is the storage order.
 */
export interface ItemLayout {
  key: readonly StoredDimension[];
  held: readonly StoredDimension[];
  shards: number;
  /** The largest item at the maximum cardinalities (see worstItemBytes). */
  worstBytes: number;
}

const cellsOf = (dims: readonly StoredDimension[]) =>
  dims.reduce((product, d) => product * MAX_VALUES_PER_BUCKET[d], 1);

/**
 * Chooses a cuboid's item layout: every dimension held in one item if its cells fit the goal
 * at the maximum cardinalities; otherwise the dimension with the most values moves into the
 * key, again and again (fewest items for small agencies, bounded ones for large agencies); a
 * single held dimension that still does not fit is spread over hash shards.
 */
export function itemLayout(family: Family, dims: readonly StoredDimension[]): ItemLayout {
  let held = [...dims];
  const size = (h: readonly StoredDimension[]) =>
    overheadBytes(family, dims, dims.length - h.length) + cellsOf(h) * bytesPerCell(family, h.length);
  while (held.length > 1 && size(held) > ROLLUP_ITEM_GOAL_BYTES) {
    const widest = held.reduce((a, b) => (MAX_VALUES_PER_BUCKET[b] > MAX_VALUES_PER_BUCKET[a] ? b : a));
    held = held.filter((d) => d !== widest);
  }
  const key = dims.filter((d) => !held.includes(d));
  const overhead = overheadBytes(family, dims, key.length);
  const perCell = bytesPerCell(family, held.length);
  const cells = cellsOf(held);
  if (overhead + cells * perCell <= ROLLUP_ITEM_GOAL_BYTES)
    return { key, held, shards: 1, worstBytes: overhead + cells * perCell };
  const shards = Math.ceil((cells * perCell) / (SHARD_TARGET_BYTES - overhead));
  // A hash spreads the cells: the bound allows a shard twice its average share (each shard
  // averages dozens of cells, so more is vanishingly unlikely; tests/unit/domain/rollup-sizing).
  return { key, held, shards, worstBytes: overhead + 2 * Math.ceil(cells / shards) * perCell };
}

/** The largest item a cuboid can have at the maximum cardinalities. */
export const worstItemBytes = (family: Family, dims: readonly StoredDimension[]) =>
  itemLayout(family, dims).worstBytes;

/** Shards of each item of a cuboid. */
export const shardCount = (family: Family, dims: readonly StoredDimension[]) =>
  itemLayout(family, dims).shards;

/** FNV-1a, 32 bits: a stable, cheap spread of values over shards (not for security). */
export function shardOf(value: string, shards: number): number {
  if (shards === 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}
