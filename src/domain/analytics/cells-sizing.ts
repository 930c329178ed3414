import type { StoredDimension } from './dimensions';
import { FAMILIES, type Family } from './families';
import { FIXED_CARDINALITY } from './max-groups';

/**
 * How large a rollup item can grow, and how many shards keep it small. A rollup item holds the
 * cells of one (cuboid, time bucket, values of every dimension but the last, shard): its numbers
 * are named `<last dimension's value>|<component>`, so an item grows with the values of one
 * dimension only, never with records or with the other dimensions. Where that dimension can
 * have many values in a bucket (units, programs of a month), its values are spread over a fixed
 * number of shards by a hash of the value. DynamoDB refuses items over 400 KB; the goal is 100 KB.
 */

/** DynamoDB's hard limit on an item, and the goal for the largest rollup item. */
export const DYNAMO_ITEM_LIMIT_BYTES = 400 * 1024;
export const ROLLUP_ITEM_GOAL_BYTES = 100 * 1024;
/** Shards are sized for half the goal on average, so the fullest shard stays below the goal. */
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

/** Bytes of one value's numbers in an item: `<value>|<component>` and the number, per component. */
function bytesPerValue(family: Family): number {
  const components = FAMILIES[family].components as readonly string[];
  return components.reduce((sum, c) => sum + MAX_VALUE_BYTES + 1 + c.length + NUMBER_BYTES, 0);
}

/** Key and bookkeeping bytes of an item of a cuboid (its key holds every dimension but the last). */
function overheadBytes(family: Family, dims: readonly StoredDimension[]): number {
  const cuboid = dims.join('+').length || 1;
  const pk = MAX_VALUE_BYTES + '#Rollup#'.length + family.length + 1 + cuboid;
  const head = Math.max(1, (dims.length - 1) * (MAX_VALUE_BYTES + 1));
  const sk = MAX_VALUE_BYTES + 1 + head + 1 + 4;
  return 'pk'.length + pk + 'sk'.length + sk + FIXED_ATTRIBUTE_BYTES + family.length + cuboid + 7;
}

/** Values of the cuboid's last dimension an item may have to hold, unsharded (1 for the total). */
function lastDimensionValues(dims: readonly StoredDimension[]): number {
  const last = dims.at(-1);
  return last === undefined ? 1 : MAX_VALUES_PER_BUCKET[last];
}

/** Shards of each item of a cuboid: enough that the average shard holds SHARD_TARGET_BYTES. */
export function shardCount(family: Family, dims: readonly StoredDimension[]): number {
  const payload = lastDimensionValues(dims) * bytesPerValue(family);
  return Math.max(1, Math.ceil(payload / (SHARD_TARGET_BYTES - overheadBytes(family, dims))));
}

/**
 * The largest item a cuboid can have at the maximum cardinalities. With one shard that is every
 * value; with more, a hash spreads the values, and the bound allows a shard twice its average
 * share (each shard averages dozens of values, so a shard past twice its share is vanishingly
 * unlikely: the fullest of 1,000 ULIDs' shards is checked in tests/unit/domain/rollup-sizing).
 */
export function worstItemBytes(family: Family, dims: readonly StoredDimension[]): number {
  const values = lastDimensionValues(dims);
  const shards = shardCount(family, dims);
  const perShard = shards === 1 ? values : 2 * Math.ceil(values / shards);
  return overheadBytes(family, dims) + perShard * bytesPerValue(family);
}

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
