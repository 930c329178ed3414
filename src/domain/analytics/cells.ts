import { type ItemLayout, itemLayout, shardOf } from './cells-sizing';
import { NO_VALUE, type StoredDimension } from './dimensions';
import type { Fact } from './facts';
import { cuboidId, cuboidsOf, type Family } from './families';

/** Separates dimension values inside a cell key; values never contain it (ids, codes, dates). */
export const VALUE_SEPARATOR = '~';

/**
 * One rollup cell: a family's cuboid, a time bucket, the values of the cuboid's key dimensions
 * (`head`, joined by `~`; `-` when none), the hash shard of its held values (`shard`) and the
 * values of its held dimensions (`tail`, joined by `~`; `-` when none). Which dimensions are
 * keyed and which held is the cuboid's item layout (cells-sizing.ts). The stored item is
 * (family, cuboid, bucket, head, shard) and holds `tail|component` numbers.
 */
export interface Cell {
  family: Family;
  cuboid: string;
  bucket: string;
  head: string;
  shard: string;
  tail: string;
}

export interface CellDelta extends Cell {
  components: Record<string, number>;
}

/** Identity of a cell, as a map key. */
export function cellKey(cell: Cell): string {
  return [cell.family, cell.cuboid, cell.bucket, cell.head, cell.shard, cell.tail].join('|');
}

/** The fact's value of each dimension, checked once per fact (every cuboid reuses them). */
function usableValues(fact: Fact): Partial<Record<StoredDimension, string>> {
  for (const [d, value] of Object.entries(fact.dims)) {
    if (value === undefined || value.includes(VALUE_SEPARATOR) || value.includes('|') || value.includes('#'))
      throw new Error(`Fact of ${fact.family} has no usable ${d} value: ${String(value)}`);
  }
  return fact.dims;
}

/** Item layouts of the family cuboids (by their frozen dimension lists), chosen once. */
const LAYOUTS = new WeakMap<readonly StoredDimension[], ItemLayout>();

/** The item layout of a cuboid of a family. */
export function layoutOf(family: Family, dims: readonly StoredDimension[]): ItemLayout {
  let layout = LAYOUTS.get(dims);
  if (layout === undefined) {
    layout = itemLayout(family, dims);
    if (Object.isFrozen(dims)) LAYOUTS.set(dims, layout);
  }
  return layout;
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
  const layout = layoutOf(fact.family, dims);
  const tail = layout.held.length ? layout.held.map(of).join(VALUE_SEPARATOR) : NO_VALUE;
  return {
    family: fact.family,
    cuboid: cuboidId(dims),
    bucket: fact.bucket,
    head: layout.key.length ? layout.key.map(of).join(VALUE_SEPARATOR) : NO_VALUE,
    shard: String(shardOf(tail, layout.shards)),
    tail,
  };
}

/** A cell's dimension values, back from its stored parts (the reader's side of `cellOf`). */
export function cellValues(
  layout: Pick<ItemLayout, 'key' | 'held'>,
  head: string,
  tail: string,
): Partial<Record<StoredDimension, string>> {
  const values: Partial<Record<StoredDimension, string>> = {};
  const heads = layout.key.length > 1 ? head.split(VALUE_SEPARATOR) : [head];
  const tails = layout.held.length > 1 ? tail.split(VALUE_SEPARATOR) : [tail];
  layout.key.forEach((d, i) => {
    values[d] = heads[i] ?? NO_VALUE;
  });
  layout.held.forEach((d, i) => {
    values[d] = tails[i] ?? NO_VALUE;
  });
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
