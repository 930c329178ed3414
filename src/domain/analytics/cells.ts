import { shardCount, shardOf } from './cells-sizing';
import type { StoredDimension } from './dimensions';
import type { Fact } from './facts';
import { cuboidId, cuboidsOf, type Family } from './families';

/** Separates dimension values inside a cell key; values never contain it (ids, codes, dates). */
export const VALUE_SEPARATOR = '~';
/** Stands for "no value" where a cuboid has no (further) dimension. */
export const NO_VALUE = '-';

/**
 * One rollup cell: a family's cuboid, a time bucket, the values of every dimension of the cuboid
 * but the last (`head`, joined by `~`; `-` for cuboids of one dimension or none), the hash shard
 * of the last value (`shard`, cells-sizing.ts) and the last dimension's value (`last`; `-` for
 * the grand total). The stored item is (family, cuboid, bucket, head, shard) and holds
 * `last|component` numbers: one item serves the values of one dimension, never a product of them.
 */
export interface Cell {
  family: Family;
  cuboid: string;
  bucket: string;
  head: string;
  shard: string;
  last: string;
}

export interface CellDelta extends Cell {
  components: Record<string, number>;
}

/** Identity of a cell, as a map key. */
export function cellKey(cell: Cell): string {
  return [cell.family, cell.cuboid, cell.bucket, cell.head, cell.shard, cell.last].join('|');
}

/** The fact's value of each dimension, checked once per fact (every cuboid reuses them). */
function usableValues(fact: Fact): Partial<Record<StoredDimension, string>> {
  for (const [d, value] of Object.entries(fact.dims)) {
    if (value === undefined || value.includes(VALUE_SEPARATOR) || value.includes('|') || value.includes('#'))
      throw new Error(`Fact of ${fact.family} has no usable ${d} value: ${String(value)}`);
  }
  return fact.dims;
}

/** Shard counts of each cuboid (by its frozen dimension list), computed once. */
const SHARDS = new WeakMap<readonly StoredDimension[], number>();
function shardsOf(family: Family, dims: readonly StoredDimension[]): number {
  let shards = SHARDS.get(dims);
  if (shards === undefined) {
    shards = shardCount(family, dims);
    if (Object.isFrozen(dims)) SHARDS.set(dims, shards);
  }
  return shards;
}

/** The cell of a fact in one cuboid. */
export function cellOf(
  fact: Pick<Fact, 'family' | 'bucket'>,
  values: Partial<Record<StoredDimension, string>>,
  dims: readonly StoredDimension[],
): Cell {
  const of = (d: StoredDimension) => {
    const value = values[d];
    if (value === undefined) throw new Error(`Fact of ${fact.family} has no usable ${d} value: undefined`);
    return value;
  };
  const lastDim = dims.at(-1);
  const last = lastDim === undefined ? NO_VALUE : of(lastDim);
  const head = dims.length > 1 ? dims.slice(0, -1).map(of).join(VALUE_SEPARATOR) : NO_VALUE;
  return {
    family: fact.family,
    cuboid: cuboidId(dims),
    bucket: fact.bucket,
    head,
    shard: String(shardOf(last, shardsOf(fact.family, dims))),
    last,
  };
}

/** A cell's dimension values, back from its stored parts (the reader's side of `cellOf`). */
export function cellValues(
  dims: readonly StoredDimension[],
  head: string,
  last: string,
): Partial<Record<StoredDimension, string>> {
  const values: Partial<Record<StoredDimension, string>> = {};
  if (dims.length === 0) return values;
  const heads = dims.length > 1 ? head.split(VALUE_SEPARATOR) : [];
  for (let i = 0; i < dims.length - 1; i += 1) values[dims[i] as StoredDimension] = heads[i] ?? NO_VALUE;
  values[dims[dims.length - 1] as StoredDimension] = last;
  return values;
}

/** Adds `sign` x each fact to every cuboid cell of its family. */
export function accumulate(into: Map<string, CellDelta>, facts: readonly Fact[], sign: 1 | -1): void {
  for (const fact of facts) {
    const values = usableValues(fact);
    const components = Object.entries(fact.components);
    for (const dims of cuboidsOf(fact.family)) {
      const cell = cellOf(fact, values, dims);
      const key = cellKey(cell);
      let existing = into.get(key);
      if (!existing) {
        existing = { ...cell, components: {} };
        into.set(key, existing);
      }
      for (const [name, value] of components)
        existing.components[name] = (existing.components[name] ?? 0) + sign * value;
    }
  }
}

/** What moving from the old facts to the new ones changes in every cell (zero changes dropped). */
export function cellDeltas(before: readonly Fact[], after: readonly Fact[]): CellDelta[] {
  const cells = new Map<string, CellDelta>();
  accumulate(cells, before, -1);
  accumulate(cells, after, 1);
  const out: CellDelta[] = [];
  for (const cell of cells.values()) {
    const components = Object.fromEntries(
      Object.entries(cell.components).filter(([, v]) => Math.abs(v) > 1e-9),
    );
    if (Object.keys(components).length > 0) out.push({ ...cell, components });
  }
  return out.sort((a, b) => cellKey(a).localeCompare(cellKey(b)));
}
