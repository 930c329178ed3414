import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { UpdateWrite, Write, WriteCondition } from './write';

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

interface Placeholders {
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The update expression of an UpdateWrite, with `#w`/`:w` placeholders added to `into`. */
export function updateExpression(write: UpdateWrite, into: Placeholders): string {
  const sets: string[] = [];
  const adds: string[] = [];
  const removes: string[] = [];
  let n = 0;
  const name = (attribute: string) => {
    const placeholder = `#w${n++}`;
    into.names[placeholder] = attribute;
    return placeholder;
  };
  const value = (v: unknown) => {
    const placeholder = `:w${n++}`;
    into.values[placeholder] = v;
    return placeholder;
  };
  for (const [attribute, v] of Object.entries(write.set ?? {})) {
    if (v !== undefined) sets.push(`${name(attribute)} = ${value(v)}`);
  }
  for (const [attribute, values] of Object.entries(write.append ?? {})) {
    into.values[':wempty'] = [];
    const list = name(attribute);
    sets.push(`${list} = list_append(if_not_exists(${list}, :wempty), ${value(values)})`);
  }
  for (const [attribute, delta] of Object.entries(write.add ?? {}))
    adds.push(`${name(attribute)} ${value(delta)}`);
  for (const path of write.remove ?? []) {
    const element = /^(.+)\[(\d+)\]$/.exec(path);
    removes.push(element ? `${name(element[1] as string)}[${element[2]}]` : name(path));
  }
  const clauses = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ].filter(Boolean);
  if (clauses.length === 0) throw new Error(`Empty update of ${write.update.pk} / ${write.update.sk}`);
  return clauses.join(' ');
}

/** The condition part of a request: expression, placeholders and the stored image on failure. */
function conditionPart(condition: WriteCondition | undefined, placeholders: Placeholders) {
  const names = { ...placeholders.names, ...condition?.names };
  const values = { ...placeholders.values, ...condition?.values };
  return {
    ...(condition
      ? { ConditionExpression: condition.expression, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
      : {}),
    // DynamoDB refuses empty placeholder maps.
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The TransactWriteItems entry of a write on the table `tableName`. */
export function renderWrite(tableName: string, write: Write): TransactItem {
  const none: Placeholders = { names: {}, values: {} };
  if ('put' in write) {
    return { Put: { TableName: tableName, Item: write.put, ...conditionPart(write.condition, none) } };
  }
  if ('update' in write) {
    const placeholders: Placeholders = { names: {}, values: {} };
    const UpdateExpression = updateExpression(write, placeholders);
    return {
      Update: {
        TableName: tableName,
        Key: write.update,
        UpdateExpression,
        ...conditionPart(write.condition, placeholders),
      },
    };
  }
  if ('delete' in write) {
    return { Delete: { TableName: tableName, Key: write.delete, ...conditionPart(write.condition, none) } };
  }
  const { ConditionExpression, ...rest } = conditionPart(write.condition, none);
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: write.check,
      ConditionExpression: ConditionExpression ?? write.condition.expression,
      ...rest,
    },
  };
}
