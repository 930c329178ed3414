import type { ItemKey, Table, WriteOp } from './table';

/** A condition on the item a relation update touches (names and values it uses are merged in). */
export interface RelationCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/**
 * The transaction operation on attributes that records share with other writers: counters
 * (`add`) and bounded id lists on a parent (`append`; they let a page of parents load its
 * children with one BatchGetItem). A partial UpdateItem, so concurrent writers never overwrite
 * each other; one operation per item, as transactions require.
 */
export function relationUpdateOp(
  table: Table,
  key: ItemKey,
  change: { add?: Record<string, number>; append?: Record<string, string> },
  condition?: RelationCondition,
): WriteOp {
  const names: Record<string, string> = { ...condition?.names };
  const values: Record<string, unknown> = { ...condition?.values };
  const adds = Object.entries(change.add ?? {}).map(([attribute, delta], i) => {
    names[`#c${i}`] = attribute;
    values[`:d${i}`] = delta;
    return `#c${i} :d${i}`;
  });
  const appends = Object.entries(change.append ?? {}).map(([attribute, id], i) => {
    names[`#l${i}`] = attribute;
    values[`:l${i}`] = [id];
    values[':empty'] = [];
    return `#l${i} = list_append(if_not_exists(#l${i}, :empty), :l${i})`;
  });
  const expression = [
    adds.length ? `ADD ${adds.join(', ')}` : '',
    appends.length ? `SET ${appends.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      TableName: table.name,
      Key: key,
      UpdateExpression: expression,
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
