import { describe, expect, it } from 'vitest';
import { TRANSACT_MAX_BYTES, TRANSACT_MAX_ITEMS, transactGroups } from '../../../src/data/transact-groups';

const item = (n: number, bytes = 0) => ({ pk: `p#${n}`, sk: 's', text: 'x'.repeat(bytes) });

describe('transactGroups (the seed loader cuts items into TransactWriteItems calls)', () => {
  it('keeps every item once, in order, at most 100 to a call', () => {
    const items = Array.from({ length: 250 }, (_, n) => item(n));
    const groups = transactGroups(items);
    expect(groups.map((g) => g.length)).toEqual([TRANSACT_MAX_ITEMS, TRANSACT_MAX_ITEMS, 50]);
    expect(groups.flat()).toEqual(items);
  });

  it('starts a new call before the items would pass 3.5 MB, whatever their count', () => {
    const items = Array.from({ length: 10 }, (_, n) => item(n, 390_000));
    const groups = transactGroups(items);
    expect(groups.map((g) => g.length)).toEqual([8, 2]);
    for (const group of groups)
      expect(group.reduce((sum, i) => sum + JSON.stringify(i).length, 0)).toBeLessThanOrEqual(
        TRANSACT_MAX_BYTES,
      );
  });

  it('counts bytes, not characters (multi-byte text), and gives an oversized item a call of its own', () => {
    const wide = { pk: 'p#wide', sk: 's', text: 'é'.repeat(2_000_000) };
    expect(transactGroups([item(1), wide, item(2)]).map((g) => g.map((i) => i.pk))).toEqual([
      ['p#1'],
      ['p#wide'],
      ['p#2'],
    ]);
  });

  it('takes a smaller count per call when asked', () => {
    const items = Array.from({ length: 60 }, (_, n) => item(n));
    expect(transactGroups(items, 25).map((g) => g.length)).toEqual([25, 25, 10]);
  });

  it('makes no call for no items', () => {
    expect(transactGroups([])).toEqual([]);
  });
});
