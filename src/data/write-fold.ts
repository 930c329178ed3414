import { type Item, type ItemKey, keyString } from './item';
import { keyOfWrite, type UpdateWrite, type Write, type WriteCondition } from './write';

/** One `attribute_exists(x)` / `attribute_not_exists(x)` term, perhaps in parentheses. */
const EXISTENCE_TERM = /^\(*\s*attribute_(not_)?exists\(([#\w]+)\)\s*\)*$/;

/** The terms of a condition's top-level AND (none when it has a top-level OR). */
function topLevelTerms(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i += 1) {
    const c = expression[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (depth === 0 && expression.startsWith(' OR ', i)) return [];
    else if (depth === 0 && expression.startsWith(' AND ', i)) {
      terms.push(expression.slice(start, i));
      start = i + 5;
    }
  }
  terms.push(expression.slice(start));
  // A term that is one parenthesized group is looked into (a group with an OR yields nothing).
  return terms.map((t) => t.trim()).flatMap((t) => (wrapped(t) ? topLevelTerms(t.slice(1, -1)) : [t]));
}

/** Whether an expression is one group in parentheses: its first `(` closes at its end. */
function wrapped(expression: string): boolean {
  if (!expression.startsWith('(')) return false;
  let depth = 0;
  for (let i = 0; i < expression.length; i += 1) {
    if (expression[i] === '(') depth += 1;
    else if (expression[i] === ')') depth -= 1;
    if (depth === 0) return i === expression.length - 1;
  }
  return false;
}

/**
 * Checks the existence terms of a condition's top-level AND (new records, uniqueness guards,
 * appraisal month slots, a link not made yet): a seed that breaks one has a bug. The other terms
 * (seats, versions, budgets) hold by construction of the seed's story and are not evaluated.
 */
function existenceHolds(condition: WriteCondition, stored: Item | undefined): boolean {
  return topLevelTerms(condition.expression).every((term) => {
    const match = EXISTENCE_TERM.exec(term);
    if (!match) return true;
    const [, negated, placeholder] = match as RegExpExecArray;
    const attribute = condition.names?.[placeholder as string] ?? (placeholder as string);
    const present = stored !== undefined && stored[attribute] !== undefined;
    return negated ? !present : present;
  });
}

function applyUpdate(stored: Item | undefined, write: UpdateWrite): Item {
  const item: Item = { ...(stored ?? write.update) };
  for (const [attribute, value] of Object.entries(write.set ?? {})) {
    if (value !== undefined) item[attribute] = value;
  }
  for (const [attribute, values] of Object.entries(write.append ?? {})) {
    item[attribute] = [...((item[attribute] as unknown[] | undefined) ?? []), ...values];
  }
  for (const [attribute, delta] of Object.entries(write.add ?? {})) {
    item[attribute] = Number(item[attribute] ?? 0) + delta;
  }
  for (const path of write.remove ?? []) {
    const element = /^(.+)\[(\d+)\]$/.exec(path);
    if (!element) {
      delete item[path];
      continue;
    }
    const list = [...((item[element[1] as string] as unknown[] | undefined) ?? [])];
    list.splice(Number(element[2]), 1);
    item[element[1] as string] = list;
  }
  return item;
}

/**
 * Applies writes to items in memory the way DynamoDB would, without transactions: the demo
 * seeder and the bench loader run the services' write builders through it and batch-write the
 * resulting items (in parallel if they like: no item is written twice). Existence conditions are
 * checked (a duplicate guard or record is a seed bug and throws); the rest are the story's to keep.
 */
export function createWriteFold() {
  const items = new Map<string, Item>();
  return {
    /** Applies the writes of one transaction, in order. */
    apply(writes: readonly Write[]): void {
      for (const write of writes) {
        const id = keyString(keyOfWrite(write));
        const stored = items.get(id);
        if (write.condition && !existenceHolds(write.condition, stored)) {
          throw new Error(`Seed write refused by its condition on ${id.replace('\u0000', ' / ')}`);
        }
        if ('put' in write) items.set(id, { ...write.put });
        else if ('update' in write) items.set(id, applyUpdate(stored, write));
        else if ('delete' in write) items.delete(id);
      }
    },

    /** Applies a counter's update and returns the counter's new value (as `Table.increment`). */
    increment(write: UpdateWrite, attribute: string): number {
      this.apply([write]);
      return Number(items.get(keyString(write.update))?.[attribute]);
    },

    /** The item stored under a key, if any. */
    get(key: ItemKey): Item | undefined {
      return items.get(keyString(key));
    },

    /** Every item, in the order first written. */
    items(): Item[] {
      return [...items.values()];
    },
  };
}

export type WriteFold = ReturnType<typeof createWriteFold>;
