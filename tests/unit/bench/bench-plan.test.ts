import { describe, expect, it } from 'vitest';
import { benchPlan, createFigureClock } from '../../../scripts/bench/bench-plan';

const heapUsed = () => process.memoryUsage().heapUsed;

describe('the bench plan and its figure clock', () => {
  it('measures the same figures in a quick and a full run (the same keys in the results file)', () => {
    const full = benchPlan([], {});
    const quick = benchPlan(['--quick'], {});
    expect(Object.keys(quick.recordSets)).toEqual(Object.keys(full.recordSets));
    expect(Object.keys(quick.allotments).sort()).toEqual(Object.keys(full.allotments).sort());
    expect(quick.quick).toBe(true);
    expect(full.quick).toBe(false);
    expect(quick.recordSets['100k']).toBeLessThan(full.recordSets['100k']);
  });

  it('starts each figure on a collected heap, not on the garbage of the figure before', async () => {
    const clock = createFigureClock(benchPlan(['--quick'], {}));
    // About 30 MB of objects that live long enough to leave the young generation, then dropped:
    // only a full collection frees them.
    let garbage: { index: number; text: string }[] | undefined = Array.from(
      { length: 300_000 },
      (_, index) => ({
        index,
        text: `row ${index} of the figure before`,
      }),
    );
    const withGarbage = heapUsed();
    expect(garbage.length).toBe(300_000);
    garbage = undefined;
    const atStart = await clock.figure('demo', async () => heapUsed());
    expect(withGarbage - atStart).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('reports the time of each figure against its allotment, flagging the ones over it', async () => {
    const plan = benchPlan(['--quick'], {});
    const clock = createFigureClock({ ...plan, allotments: { ...plan.allotments, nestedQuery: 0 } });
    const budgets: number[] = [];
    await clock.figure('nestedQuery', async (budgetMs) => {
      budgets.push(budgetMs);
      await new Promise((done) => setTimeout(done, 5));
    });
    await clock.figure('demo', async (budgetMs) => {
      budgets.push(budgetMs);
    });
    expect(budgets).toEqual([0, (plan.allotments.demo ?? Number.NaN) * 1000]);
    const lines = clock.table().split('\n');
    expect(lines[0]).toMatch(/^ {2}nestedQuery\s+\d+\.\d s of +0 s {2}OVER$/);
    expect(lines[1]).toMatch(/^ {2}demo\s+\d+\.\d s of +25 s$/);
    expect(lines.at(-1)).toMatch(/^ {2}all figures\s+\d+\.\d s of \d+ s$/);
  });
});
