import { monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { itemSizeBytes } from '../../../scripts/bench/item-size';
import { ROLLUP_LAYOUT } from '../../../src/data/rollups/rollup-keys';
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

describe('rollup layout (rollup-keys.ts ROLLUP_LAYOUT)', () => {
  // Changing a family's components, a dimension's cardinality or the sizing bound can move a
  // dimension between an item's key and its held values. Stored items keep the same key shape,
  // so a deployed reader would misread a table written before the change (rollup-keys.ts): such
  // a change is a new ROLLUP_LAYOUT, with a rebuild and a reader that checks the table's mark.
  // (A new shard count is not: a cell's numbers are added up over every item the reader gets.)
  it('keeps every cuboid split between key and held dimensions as layout 4 stored it', () => {
    const splits = everyCuboid.map(({ family, dims }) => {
      const { key, held } = itemLayout(family, dims);
      return `${label({ family, dims })}: key ${key.join('+') || '-'} | held ${held.join('+') || '-'}`;
    });
    expect(ROLLUP_LAYOUT).toBe(4);
    expect(splits).toMatchInlineSnapshot(`
      [
        "ENROLLMENT *: key - | held -",
        "ENROLLMENT UNIT: key - | held UNIT",
        "ENROLLMENT PROGRAM: key - | held PROGRAM",
        "ENROLLMENT UNIT+PROGRAM: key UNIT | held PROGRAM",
        "ENROLLMENT ENROLLMENT_STATUS: key - | held ENROLLMENT_STATUS",
        "ENROLLMENT ENROLLMENT_STATUS+UNIT: key UNIT | held ENROLLMENT_STATUS",
        "ENROLLMENT ENROLLMENT_STATUS+PROGRAM: key PROGRAM | held ENROLLMENT_STATUS",
        "ENROLLMENT GOLONGAN: key - | held GOLONGAN",
        "ENROLLMENT UNIT+GOLONGAN: key UNIT | held GOLONGAN",
        "ENROLLMENT GOLONGAN+PROGRAM: key PROGRAM | held GOLONGAN",
        "ENROLLMENT ENROLLMENT_STATUS+GOLONGAN: key GOLONGAN | held ENROLLMENT_STATUS",
        "ENROLLMENT EMPLOYMENT_TYPE: key - | held EMPLOYMENT_TYPE",
        "ENROLLMENT EMPLOYMENT_TYPE+UNIT: key UNIT | held EMPLOYMENT_TYPE",
        "ENROLLMENT EMPLOYMENT_TYPE+PROGRAM: key PROGRAM | held EMPLOYMENT_TYPE",
        "ENROLLMENT ENROLLMENT_STATUS+EMPLOYMENT_TYPE: key - | held ENROLLMENT_STATUS+EMPLOYMENT_TYPE",
        "ENROLLMENT EMPLOYMENT_TYPE+GOLONGAN: key GOLONGAN | held EMPLOYMENT_TYPE",
        "ENROLLMENT GENDER: key - | held GENDER",
        "ENROLLMENT GENDER+UNIT: key UNIT | held GENDER",
        "ENROLLMENT GENDER+PROGRAM: key PROGRAM | held GENDER",
        "ENROLLMENT ENROLLMENT_STATUS+GENDER: key - | held ENROLLMENT_STATUS+GENDER",
        "ENROLLMENT GENDER+GOLONGAN: key GOLONGAN | held GENDER",
        "ENROLLMENT EMPLOYMENT_TYPE+GENDER: key - | held EMPLOYMENT_TYPE+GENDER",
        "ENROLLMENT ENROLLMENT_STATUS+UNIT+PROGRAM: key UNIT+PROGRAM | held ENROLLMENT_STATUS",
        "ENROLLMENT UNIT+GOLONGAN+PROGRAM: key UNIT+PROGRAM | held GOLONGAN",
        "ENROLLMENT ENROLLMENT_STATUS+UNIT+GOLONGAN: key UNIT+GOLONGAN | held ENROLLMENT_STATUS",
        "ENROLLMENT EMPLOYMENT_TYPE+UNIT+PROGRAM: key UNIT+PROGRAM | held EMPLOYMENT_TYPE",
        "ENROLLMENT ENROLLMENT_STATUS+EMPLOYMENT_TYPE+UNIT: key UNIT | held ENROLLMENT_STATUS+EMPLOYMENT_TYPE",
        "ENROLLMENT EMPLOYMENT_TYPE+UNIT+GOLONGAN: key UNIT+GOLONGAN | held EMPLOYMENT_TYPE",
        "ENROLLMENT GENDER+UNIT+PROGRAM: key UNIT+PROGRAM | held GENDER",
        "ENROLLMENT ENROLLMENT_STATUS+GENDER+UNIT: key UNIT | held ENROLLMENT_STATUS+GENDER",
        "ENROLLMENT GENDER+UNIT+GOLONGAN: key UNIT+GOLONGAN | held GENDER",
        "ENROLLMENT EMPLOYMENT_TYPE+GENDER+UNIT: key UNIT | held EMPLOYMENT_TYPE+GENDER",
        "ENROLLMENT PROGRAM_CATEGORY: key - | held PROGRAM_CATEGORY",
        "ENROLLMENT PROGRAM_CATEGORY+UNIT: key UNIT | held PROGRAM_CATEGORY",
        "ENROLLMENT ENROLLMENT_STATUS+PROGRAM_CATEGORY: key PROGRAM_CATEGORY | held ENROLLMENT_STATUS",
        "ENROLLMENT ENROLLMENT_STATUS+PROGRAM_CATEGORY+UNIT: key PROGRAM_CATEGORY+UNIT | held ENROLLMENT_STATUS",
        "WORKFORCE *: key - | held -",
        "WORKFORCE UNIT: key - | held UNIT",
        "WORKFORCE GOLONGAN: key - | held GOLONGAN",
        "WORKFORCE UNIT+GOLONGAN: key UNIT | held GOLONGAN",
        "WORKFORCE EMPLOYMENT_TYPE: key - | held EMPLOYMENT_TYPE",
        "WORKFORCE EMPLOYMENT_TYPE+UNIT: key UNIT | held EMPLOYMENT_TYPE",
        "WORKFORCE EMPLOYMENT_TYPE+GOLONGAN: key - | held EMPLOYMENT_TYPE+GOLONGAN",
        "WORKFORCE EMPLOYMENT_TYPE+UNIT+GOLONGAN: key UNIT | held EMPLOYMENT_TYPE+GOLONGAN",
        "WORKFORCE GENDER: key - | held GENDER",
        "WORKFORCE GENDER+UNIT: key UNIT | held GENDER",
        "WORKFORCE GENDER+GOLONGAN: key - | held GENDER+GOLONGAN",
        "WORKFORCE GENDER+UNIT+GOLONGAN: key UNIT | held GENDER+GOLONGAN",
        "WORKFORCE EMPLOYMENT_TYPE+GENDER: key - | held EMPLOYMENT_TYPE+GENDER",
        "WORKFORCE EMPLOYMENT_TYPE+GENDER+UNIT: key UNIT | held EMPLOYMENT_TYPE+GENDER",
        "WORKFORCE EMPLOYMENT_TYPE+GENDER+GOLONGAN: key - | held EMPLOYMENT_TYPE+GENDER+GOLONGAN",
        "WORKFORCE EMPLOYMENT_TYPE+GENDER+UNIT+GOLONGAN: key UNIT | held EMPLOYMENT_TYPE+GENDER+GOLONGAN",
        "JP *: key - | held -",
        "JP UNIT: key - | held UNIT",
        "JP GOLONGAN: key - | held GOLONGAN",
        "JP UNIT+GOLONGAN: key UNIT | held GOLONGAN",
        "JP EMPLOYMENT_TYPE: key - | held EMPLOYMENT_TYPE",
        "JP EMPLOYMENT_TYPE+UNIT: key UNIT | held EMPLOYMENT_TYPE",
        "JP EMPLOYMENT_TYPE+GOLONGAN: key - | held EMPLOYMENT_TYPE+GOLONGAN",
        "JP EMPLOYMENT_TYPE+UNIT+GOLONGAN: key UNIT | held EMPLOYMENT_TYPE+GOLONGAN",
        "JP GENDER: key - | held GENDER",
        "JP GENDER+UNIT: key UNIT | held GENDER",
        "JP GENDER+GOLONGAN: key - | held GENDER+GOLONGAN",
        "JP GENDER+UNIT+GOLONGAN: key UNIT | held GENDER+GOLONGAN",
        "JP EMPLOYMENT_TYPE+GENDER: key - | held EMPLOYMENT_TYPE+GENDER",
        "JP EMPLOYMENT_TYPE+GENDER+UNIT: key UNIT | held EMPLOYMENT_TYPE+GENDER",
        "JP EMPLOYMENT_TYPE+GENDER+GOLONGAN: key - | held EMPLOYMENT_TYPE+GENDER+GOLONGAN",
        "JP EMPLOYMENT_TYPE+GENDER+UNIT+GOLONGAN: key UNIT | held EMPLOYMENT_TYPE+GENDER+GOLONGAN",
        "LEARNERS *: key - | held -",
        "LEARNERS UNIT: key - | held UNIT",
        "MENTORSHIP *: key - | held -",
        "MENTORSHIP UNIT: key - | held UNIT",
        "MENTORSHIP GOLONGAN: key - | held GOLONGAN",
        "MENTORSHIP UNIT+GOLONGAN: key UNIT | held GOLONGAN",
        "MENTORSHIP GENDER: key - | held GENDER",
        "MENTORSHIP GENDER+UNIT: key UNIT | held GENDER",
        "MENTORSHIP GENDER+GOLONGAN: key - | held GENDER+GOLONGAN",
        "MENTORSHIP GENDER+UNIT+GOLONGAN: key UNIT | held GENDER+GOLONGAN",
        "MENTORING *: key - | held -",
        "MENTORING UNIT: key - | held UNIT",
        "FEEDBACK *: key - | held -",
        "FEEDBACK UNIT: key - | held UNIT",
        "FEEDBACK FEEDBACK_CHANNEL: key - | held FEEDBACK_CHANNEL",
        "FEEDBACK FEEDBACK_CHANNEL+UNIT: key UNIT | held FEEDBACK_CHANNEL",
        "INDICATOR *: key - | held -",
        "INDICATOR UNIT: key - | held UNIT",
        "APPRAISAL *: key - | held -",
        "APPRAISAL UNIT: key - | held UNIT",
        "APPRAISAL GOLONGAN: key - | held GOLONGAN",
        "APPRAISAL UNIT+GOLONGAN: key UNIT | held GOLONGAN",
        "APPRAISAL EMPLOYMENT_TYPE: key - | held EMPLOYMENT_TYPE",
        "APPRAISAL EMPLOYMENT_TYPE+UNIT: key UNIT | held EMPLOYMENT_TYPE",
        "APPRAISAL EMPLOYMENT_TYPE+GOLONGAN: key - | held EMPLOYMENT_TYPE+GOLONGAN",
        "APPRAISAL GENDER: key - | held GENDER",
        "APPRAISAL GENDER+UNIT: key UNIT | held GENDER",
        "APPRAISAL GENDER+GOLONGAN: key - | held GENDER+GOLONGAN",
        "APPRAISAL EMPLOYMENT_TYPE+GENDER: key - | held EMPLOYMENT_TYPE+GENDER",
        "APPRAISAL PREDIKAT: key - | held PREDIKAT",
        "APPRAISAL PREDIKAT+UNIT: key UNIT | held PREDIKAT",
        "APPRAISAL PREDIKAT+GOLONGAN: key - | held PREDIKAT+GOLONGAN",
        "APPRAISAL EMPLOYMENT_TYPE+PREDIKAT: key - | held EMPLOYMENT_TYPE+PREDIKAT",
        "APPRAISAL GENDER+PREDIKAT: key - | held GENDER+PREDIKAT",
        "APPRAISAL EMPLOYMENT_TYPE+UNIT+GOLONGAN: key UNIT | held EMPLOYMENT_TYPE+GOLONGAN",
        "APPRAISAL GENDER+UNIT+GOLONGAN: key UNIT | held GENDER+GOLONGAN",
        "APPRAISAL EMPLOYMENT_TYPE+GENDER+UNIT: key UNIT | held EMPLOYMENT_TYPE+GENDER",
        "APPRAISAL PREDIKAT+UNIT+GOLONGAN: key UNIT | held PREDIKAT+GOLONGAN",
        "APPRAISAL EMPLOYMENT_TYPE+PREDIKAT+UNIT: key UNIT | held EMPLOYMENT_TYPE+PREDIKAT",
        "APPRAISAL GENDER+PREDIKAT+UNIT: key UNIT | held GENDER+PREDIKAT",
        "BUDGET *: key - | held -",
        "BUDGET UNIT: key - | held UNIT",
      ]
    `);
  });
});
