import type { ItemKey, Table, WriteOp } from './table';

/**
 * Transaction operations on attributes that records share with other writers: id lists on a
 * parent (bounded; they let a page of parents load its children with one BatchGetItem) and
 * counters. Each is a partial UpdateItem, so concurrent writers never overwrite each other.
 */
export function appendIdOp(table: Table, key: ItemKey, attribute: string, id: string): WriteOp {
  return {
    Update: {
      TableName: table.name,
      Key: key,
      UpdateExpression: 'SET #list = list_append(if_not_exists(#list, :empty), :ids)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#list': attribute },
      ExpressionAttributeValues: { ':empty': [], ':ids': [id] },
    },
  };
}

/** Adds `deltas` to counters, under an optional condition (names and values it uses are merged in). */
export function addCountersOp(
  table: Table,
  key: ItemKey,
  deltas: Record<string, number>,
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): WriteOp {
  const names: Record<string, string> = { ...condition?.names };
  const values: Record<string, unknown> = { ...condition?.values };
  const adds = Object.entries(deltas).map(([attribute, delta], i) => {
    names[`#c${i}`] = attribute;
    values[`:d${i}`] = delta;
    return `#c${i} :d${i}`;
  });
  return {
    Update: {
      TableName: table.name,
      Key: key,
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ConditionExpression: condition
        ? `attribute_exists(pk) AND (${condition.expression})`
        : 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** Puts an item that must not exist yet (new records, uniqueness guards). */
export function putNewOp(table: Table, item: Record<string, unknown>): WriteOp {
  return { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Deletes an item (e.g. a uniqueness guard released when a record ends). */
export function deleteOp(table: Table, key: ItemKey): WriteOp {
  return { Delete: { TableName: table.name, Key: key } };
}
