import DataLoader from 'dataloader';
import { type Item, type ItemKey, keyString, type Table } from './table';

export type ItemLoader = DataLoader<ItemKey, Item | undefined, string>;

/**
 * One per request: every read of a single item (any entity) goes through it, so the reads
 * of one resolver wave become one BatchGetItem of up to 100 keys, and repeats are cached.
 */
export function createItemLoader(table: Table): ItemLoader {
  return new DataLoader<ItemKey, Item | undefined, string>(
    async (keys) => {
      const found = await table.batchGet(dedupe(keys));
      return keys.map((key) => found.get(keyString(key)));
    },
    { cacheKeyFn: keyString, maxBatchSize: 100 },
  );
}

function dedupe(keys: readonly ItemKey[]): ItemKey[] {
  const seen = new Map<string, ItemKey>();
  for (const key of keys) seen.set(keyString(key), key);
  return [...seen.values()];
}
