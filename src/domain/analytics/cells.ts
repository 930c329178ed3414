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

function cellOf(fact: Fact, dims: readonly StoredDimension[]): Cell {
  const values = dims.map((d) => {
    const value = fact.dims[d];
    if (
      value === undefined ||
      value.includes(VALUE_SEPARATOR) ||
      value.includes('|') ||
      value.includes('#')
    ) {
      throw new Error(`Fact of ${fact.family} has no usable ${d} value: ${String(value)}`);
    }
    return value;
  });
  // Up to two dimensions, one item per bucket holds every cell; three-dimension cuboids get one
  // item per value of their first (lowest-cardinality) dimension, so no item grows too large.
  const split = values.length >= SPLIT_FROM;
  return {
    family: fact.family,
    cuboid: cuboidId(dims),
    bucket: fact.bucket,
    first: split ? (values[0] as string) : NO_VALUE,
    rest: (split ? values.slice(1) : values).join(VALUE_SEPARATOR) || NO_VALUE,
  };
}

/** Adds `sign` x each fact to every cuboid cell of its family. */
export function accumulate(into: Map<string, CellDelta>, facts: readonly Fact[], sign: 1 | -1): void {
  for (const fact of facts) {
    for (const dims of cuboidsOf(fact.family)) {
      const cell = cellOf(fact, dims);
      const key = cellKey(cell);
      const existing = into.get(key) ?? { ...cell, components: {} };
      for (const [name, value] of Object.entries(fact.components)) {
        existing.components[name] = (existing.components[name] ?? 0) + sign * value;
      }
      into.set(key, existing);
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
