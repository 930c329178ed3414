import { monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { itemSizeBytes } from '../../../scripts/bench/item-size';
import { rollupAddWrites } from '../../../src/data/rollups/rollup-writes';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { type CellDelta, cellOf, cellValues } from '../../../src/domain/analytics/cells';
import {
  itemLayout,
  MAX_VALUE_BYTES,
  MAX_VALUES_PER_BUCKET,
  ROLLUP_ITEM_GOAL_BYTES,
  shardOf,
  worstItemBytes,
} from '../../../src/domain/analytics/cells-sizing';
import type { StoredDimension } from '../../../src/domain/analytics/dimensions';
import { cuboidId, cuboidsOf, FAMILIES, type Family } from '../../../src/domain/analytics/families';

const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];
const everyCuboid = FAMILY_NAMES.flatMap((family) => cuboidsOf(family).map((dims) => ({ family, dims })));
const label = ({ family, dims }: { family: Family; dims: readonly StoredDimension[] }) =>
  `${family} ${cuboidId(dims)}`;

/** `count` distinct values of the longest length the bound allows for. */
const longValues = (count: number) =>
  Array.from({ length: count }, (_, i) => `v${String(i).padStart(MAX_VALUE_BYTES - 1, '0')}`);

describe('rollup item sizes (cells-sizing.ts)', () => {
  it.each(everyCuboid.map((c) => [label(c), c] as const))(
    '%s: the worst item at the maximum cardinalities stays below 100 KB',
    (_, { family, dims }) => {
      expect(worstItemBytes(family, dims)).toBeLessThan(ROLLUP_ITEM_GOAL_BYTES);
    },
  );

  it('keys the widest dimensions and shards only what still does not fit', () => {
    expect(itemLayout('ENROLLMENT', [])).toMatchObject({ key: [], held: [], shards: 1 });
    expect(itemLayout('WORKFORCE', ['EMPLOYMENT_TYPE', 'GENDER', 'UNIT', 'GOLONGAN'])).toMatchObject({
      key: ['UNIT'],
      held: ['EMPLOYMENT_TYPE', 'GENDER', 'GOLONGAN'],
      shards: 1,
    });
    // Programs by unit: an item per unit and month, its programs over a few shards.
    const programs = itemLayout('ENROLLMENT', ['UNIT', 'PROGRAM']);
    expect(programs).toMatchObject({ key: ['UNIT'], held: ['PROGRAM'] });
    expect(programs.shards).toBeGreaterThan(1);
    // The heatmap's cuboid: an item per unit and month holding its (at most 11) categories.
    expect(itemLayout('ENROLLMENT', ['PROGRAM_CATEGORY', 'UNIT'])).toMatchObject({
      key: ['UNIT'],
      held: ['PROGRAM_CATEGORY'],
      shards: 1,
    });
    // A month of 1,000 units' enrollments would not fit in one item: they are spread too.
    expect(itemLayout('ENROLLMENT', ['UNIT']).shards).toBeGreaterThan(1);
  });

  it('measures the real worst item at or under its bound (longest values, longest numbers)', () => {
    for (const { family, dims } of everyCuboid) {
      const layout = itemLayout(family, dims);
      // Every combination of held values (at their maximum counts) under one head, all long.
      let combos: Record<string, string>[] = [{}];
      for (const d of layout.held)
        combos = combos.flatMap((c) => longValues(MAX_VALUES_PER_BUCKET[d]).map((v) => ({ ...c, [d]: v })));
      const head = Object.fromEntries(layout.key.map((d) => [d, 'h'.repeat(MAX_VALUE_BYTES)]));
      const components = Object.fromEntries(
        (FAMILIES[family].components as readonly string[]).map((c) => [c, 1 / 3 + 1234]),
      );
      const deltas: CellDelta[] = combos.map((held) => ({
        ...cellOf({ family, bucket: '2026-11' }, { ...head, ...held }, dims),
        components,
      }));
      // An item's size is the sum of its attributes' (spreading thousands of names is slow in V8).
      const sizes = rollupAddWrites('a'.repeat(MAX_VALUE_BYTES), deltas).map(
        (w) => itemSizeBytes({ ...w.update }) + itemSizeBytes(w.set ?? {}) + itemSizeBytes(w.add ?? {}),
      );
      const largest = Math.max(...sizes);
      expect(largest, label({ family, dims })).toBeLessThanOrEqual(worstItemBytes(family, dims));
      expect(largest, label({ family, dims })).toBeLessThan(ROLLUP_ITEM_GOAL_BYTES);
    }
  });

  it('spreads ULIDs and the demo unit ids over shards within twice the average share', () => {
    const next = monotonicFactory();
    const ulids = Array.from({ length: MAX_VALUES_PER_BUCKET.UNIT }, () => next());
    const demoUnits = buildDemoOrganization(new Date('2026-11-01T00:00:00Z')).units.map((u) => u.id);
    const copies = Array.from({ length: 10 }, (_, copy) => demoUnits.map((id) => `${id}-${copy}`)).flat();
    for (const values of [ulids, copies]) {
      for (const dims of [['UNIT'], ['UNIT', 'PROGRAM']] as StoredDimension[][]) {
        const shards = itemLayout('ENROLLMENT', dims).shards;
        const load = new Array<number>(shards).fill(0);
        for (const value of values) load[shardOf(value, shards)] = (load[shardOf(value, shards)] ?? 0) + 1;
        expect(Math.max(...load)).toBeLessThanOrEqual(2 * Math.ceil(values.length / shards));
      }
    }
    expect(Math.max(...demoUnits.map((id) => id.length + 2))).toBeLessThanOrEqual(MAX_VALUE_BYTES);
  });

  it('reads every cuboid cell back to the values it was made of', () => {
    const values: Record<StoredDimension, string> = {
      ENROLLMENT_STATUS: 'COMPLETED',
      EMPLOYMENT_TYPE: 'PNS',
      GENDER: 'FEMALE',
      FEEDBACK_CHANNEL: 'ONLINE',
      PREDIKAT: 'BAIK',
      PROGRAM_CATEGORY: 'PUBLIC_SERVICE',
      UNIT: 'medan-dinas-kesehatan',
      GOLONGAN: 'III_A',
      PROGRAM: '01JCZ5T2W8XQ4Y8K2V6M3N9P0R',
    };
    for (const { family, dims } of everyCuboid) {
      const cell = cellOf({ family, bucket: '2026-11' }, values, dims);
      expect(cellValues(itemLayout(family, dims), cell.head, cell.tail)).toEqual(
        Object.fromEntries(dims.map((d) => [d, values[d]])),
      );
    }
  });
});
