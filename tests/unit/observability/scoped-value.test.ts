import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scopedValue } from '../../../src/observability/scoped-value';

describe('scopedValue', () => {
  it('is undefined outside a run and set inside it, through awaits', async () => {
    const budget = scopedValue<string>();
    expect(budget.get()).toBeUndefined();
    const seen = await budget.run('request-1', async () => {
      await sleep(1);
      return budget.get();
    });
    expect(seen).toBe('request-1');
    expect(budget.get()).toBeUndefined();
  });

  it('keeps two values apart: setting one leaves the other as it was around it', async () => {
    const telemetry = scopedValue<string>();
    const slot = scopedValue<number>();
    const inner = await telemetry.run('t', () =>
      slot.run(7, async () => {
        await sleep(1);
        return [telemetry.get(), slot.get()];
      }),
    );
    expect(inner).toEqual(['t', 7]);
    expect(await slot.run(1, async () => telemetry.get())).toBeUndefined();
  });

  it('lets a nested run shadow a value and restores it after', async () => {
    const value = scopedValue<string>();
    const order = await value.run('outer', async () => {
      const nested = await value.run('inner', async () => value.get());
      return [nested, value.get()];
    });
    expect(order).toEqual(['inner', 'outer']);
  });

  it('never mixes concurrent runs', async () => {
    const value = scopedValue<number>();
    const answers = await Promise.all(
      [3, 1, 2].map((n) =>
        value.run(n, async () => {
          await sleep(n);
          return value.get();
        }),
      ),
    );
    expect(answers).toEqual([3, 1, 2]);
  });
});
