/** A filter or condition on one attribute, turned into a DynamoDB expression by `buildConditions`. */
export type Condition =
  | { attribute: string; equals: string | number | boolean }
  | { attribute: string; in: (string | number)[] }
  | { attribute: string; beginsWith: string }
  | { attribute: string; exists: boolean }
  | { attribute: string; gte: string | number }
  | { attribute: string; lte: string | number };

export interface BuiltExpression {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** ANDs the conditions together with placeholder names prefixed by `prefix` (so they never clash). */
export function buildConditions(conditions: Condition[], prefix: string): BuiltExpression {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = conditions.map((condition, i) => {
    const name = `#${prefix}${i}`;
    const value = `:${prefix}${i}`;
    names[name] = condition.attribute;
    if ('equals' in condition) {
      values[value] = condition.equals;
      return `${name} = ${value}`;
    }
    if ('in' in condition) {
      if (condition.in.length === 0) throw new Error(`Empty IN list for ${condition.attribute}`);
      const placeholders = condition.in.map((v, j) => {
        values[`${value}_${j}`] = v;
        return `${value}_${j}`;
      });
      return `${name} IN (${placeholders.join(', ')})`;
    }
    if ('beginsWith' in condition) {
      values[value] = condition.beginsWith;
      return `begins_with(${name}, ${value})`;
    }
    if ('gte' in condition) {
      values[value] = condition.gte;
      return `${name} >= ${value}`;
    }
    if ('lte' in condition) {
      values[value] = condition.lte;
      return `${name} <= ${value}`;
    }
    return condition.exists ? `attribute_exists(${name})` : `attribute_not_exists(${name})`;
  });
  return { expression: parts.join(' AND '), names, values };
}
