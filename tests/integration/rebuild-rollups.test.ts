import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RebuildProgress, rebuildRollups } from '../../src/data/rollups/rebuild-rollups';
import { recomputeRollups } from '../../src/data/rollups/recompute';
import { rollupLayoutIsCurrent } from '../../src/data/rollups/rollup-layout';
import type { Table } from '../../src/data/table';
import { demoItems } from '../../src/demo/seed-demo-data';
import { expectedRollups, expectSame, scan, storedRollups } from '../helpers/rollup-fixtures';
import { type ScratchTable, scratchTable } from '../helpers/scratch-table';

const NOW = new Date('2026-11-01T03:00:00.000Z');
/** Binjai's part of the demo data: every kind of fact, several hundred rollup items. */
const base = demoItems(NOW).filter((item) => item.agencyId === 'binjai');

const scratch: ScratchTable[] = [];
async function tableWithBase(): Promise<Table> {
  const made = await scratchTable('rebuild');
  scratch.push(made);
  await made.table.batchPut(base);
  return made.table;
}
afterAll(async () => {
  for (const made of scratch) await made.drop();
});

describe('npm run rebuild-rollups (rebuildRollups)', () => {
  let table: Table;
  beforeAll(async () => {
    table = await tableWithBase();
  });

  it('writes every rollup from the base items, replacing wrong values and removing stale ones', async () => {
    await table.batchPut([
      { pk: 'binjai#Rollup#stale', sk: 'bucket', entity: 'Rollup', 'ENROLLMENT_COUNT|x': 7 },
      { pk: 'binjai#JpTally#stale', sk: 'tally', entity: 'JpTally', jp: 99 },
      { pk: 'binjai#LearningTally#stale', sk: '2026', entity: 'LearningTally', quarters: { r: '2026-01' } },
      // An item of rollup layout 1 (`<bucket>#<first value>`), as a table from before layout 2 has.
      {
        pk: 'binjai#Rollup#ENROLLMENT#UNIT',
        sk: '2026-03#-',
        entity: 'Rollup',
        'binjai-setda|enrollments': 4,
      },
    ]);
    expect(await rollupLayoutIsCurrent(table)).toBe(false);
    const result = await rebuildRollups(table, NOW);
    expect(result).toMatchObject({ baseItems: base.length, removed: 4, resumedFrom: 0 });
    expect(await rollupLayoutIsCurrent(table)).toBe(true);
    expect(result.rollupItems).toBeGreaterThan(200);
    const items = await scan(table);
    expectSame(storedRollups(items), expectedRollups(items));
    expect(items.filter((i) => String(i.pk).endsWith('#stale'))).toEqual([]);
    // The learning tallies behind INACTIVE_EMPLOYEES, as the recomputation (and the stream) keeps them.
    const learning = items.filter((i) => i.entity === 'LearningTally');
    expect(learning.length).toBe(result.learningTallies);
    expect(result.learningTallies).toBeGreaterThan(50);
    const expected = recomputeRollups(base).learningTallies;
    for (const tally of learning) {
      const want = expected.get(`${String(tally.pk)}\u0000${String(tally.sk)}`);
      expect({ unitId: tally.unitId, quarters: tally.quarters }).toEqual({
        unitId: want?.tally.unitId,
        quarters: want?.tally.quarters,
      });
    }
    // A whole agency's rebuild on a busy shared machine, as below.
  }, 180_000);

  it('resumes an interrupted write phase where it stopped, and ends with the same rollups', async () => {
    const fresh = await tableWithBase();
    const interrupted = rebuildRollups(fresh, NOW, (p: RebuildProgress) => {
      if (p.phase === 'write' && p.done >= 400) throw new Error('interrupted');
    });
    await expect(interrupted).rejects.toThrow('interrupted');

    const phases: RebuildProgress[] = [];
    const resumed = await rebuildRollups(fresh, NOW, (p) => phases.push(p));
    expect(resumed.resumedFrom).toBe(400);
    expect(phases.find((p) => p.phase === 'write')?.done).toBe(600);
    const items = await scan(fresh);
    expectSame(storedRollups(items), expectedRollups(items));
    // Two rebuilds of a whole agency on a busy shared machine: room beyond the default minute.
  }, 180_000);
});
