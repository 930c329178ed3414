import type { Item } from './item';

/** Items one TransactWriteItems call may hold. */
export const TRANSACT_MAX_ITEMS = 100;
/** Under the call's 4 MB limit, with room for the request's own keys and names. */
export const TRANSACT_MAX_BYTES = 3_500_000;

/**
 * Items cut into groups for TransactWriteItems, in order: at most `maxItems` (100, the call's
 * limit) and about 3.5 MB each (sized as their JSON, which is close to and not below DynamoDB's
 * own item sizes for the strings, numbers and lists we store). An item too large for any call is
 * DynamoDB's to refuse.
 */
export function transactGroups(items: readonly Item[], maxItems = TRANSACT_MAX_ITEMS): Item[][] {
  const groups: Item[][] = [];
  let group: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (group.length > 0 && (group.length === maxItems || bytes + size > TRANSACT_MAX_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
