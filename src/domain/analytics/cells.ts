import type { StoredDimension } from './dimensions';
import type { Fact } from './facts';
import { cuboidId, cuboidsOf, type Family } from './families';

/** Separates dimension values inside a cell key; values never contain it (ids, codes, dates). */
export const VALUE_SEPARATOR = '~';
/** Stands for "no value" where a cuboid has no (further) dimension. */
export const NO_VALUE = '-';
/** Cuboids with this many dimensions or more are split over one item per first value. */
export const SPLIT_FROM = 3;

/**
 * One rollup cell: a family's cuboid, a time bucket, the value of the cuboid's first dimension
 * (`first`, only for cuboids of SPLIT_FROM dimensions; `-` otherwise) and the values of the
 * others (`rest`); the stored item is (family, cuboid, bucket, first) and holds `rest|component`
 * numbers, so one item serves many cells.
 */
export interface Cell {
  family: Family;
  cuboid: string;
  bucket: string;
  first: string;
  rest: string;
}

export interface CellDelta extends Cell {
  components: Record<string, number>;
}

/** Identity of a cell, as a map key. */
export function cellKey(cell: Cell): string {
  return [cell.family, cell.cuboid, cell.bucket, cell.first, cell.rest].join('|');
}

/** The fact's value of each dimension, checked once per fact (every cuboid reuses them). */
function usableValues(fact: Fact): Partial<Record<StoredDimension, string>> {
  for (const [d, value] of Object.entries(fact.dims)) {
    if (value === undefined || value.includes(VALUE_SEPARATOR) || value.includes('|') || value.includes('#'))
      throw new Error(`Fact of ${fact.family} has no usable ${d} value: ${String(value)}`);
  }
  return fact.dims;
}

function cellOf(
  fact: Fact,
  values: Partial<Record<StoredDimension, string>>,
  dims: readonly StoredDimension[],
): Cell {
  const of = (d: StoredDimension) => {
    const value = values[d];
    if (value === undefined) throw new Error(`Fact of ${fact.family} has no usable ${d} value: undefined`);
    return value;
  };
  // Up to two dimensions, one item per bucket holds every cell; three-dimension cuboids get one
  // item per value of their first (lowest-cardinality) dimension, so no item grows too large.
  const split = dims.length >= SPLIT_FROM;
  const rest = (split ? dims.slice(1) : dims).map(of).join(VALUE_SEPARATOR);
  return {
    family: fact.family,
    cuboid: cuboidId(dims),
    bucket: fact.bucket,
    first: split ? of(dims[0] as StoredDimension) : NO_VALUE,
    rest: rest || NO_VALUE,
  };
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
