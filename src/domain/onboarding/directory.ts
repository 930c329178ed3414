import { cellText } from './cell-values';

/** Records a cell may name by code or by exact name (units, programs, partners). */
export interface Named {
  id: string;
  code?: string | undefined;
  name: string;
}

export type Lookup<T> = { ok: true; record: T } | { ok: false; reason: string };

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Finds a record by its code (case-insensitive) or else by its exact name (case and repeated
 * spaces ignored). A name shared by two records finds neither: the row must use the code.
 */
export function createDirectory<T extends Named>(records: Iterable<T>, what: string) {
  const byCode = new Map<string, T>();
  const byName = new Map<string, T[]>();
  const add = (record: T) => {
    if (record.code) byCode.set(record.code.toUpperCase(), record);
    const key = nameKey(record.name);
    const list = byName.get(key) ?? [];
    list.push(record);
    byName.set(key, list);
  };
  for (const record of records) add(record);
  return {
    add,
    /** The record a cell names. */
    find(cell: unknown): Lookup<T> {
      const text = cellText(cell as string);
      const coded = byCode.get(text.toUpperCase());
      if (coded) return { ok: true, record: coded };
      const named = byName.get(nameKey(text)) ?? [];
      if (named.length === 1 && named[0]) return { ok: true, record: named[0] };
      if (named.length > 1)
        return {
          ok: false,
          reason: `matches ${named.length} ${what}s by name (${named
            .map((r) => r.code ?? r.id)
            .join(', ')}); write the ${what} code instead`,
        };
      return { ok: false, reason: `is neither the code nor the name of a ${what} of this agency` };
    },
    /** Every record, once. */
    all(): T[] {
      return [...new Set([...byName.values()].flat())];
    },
  };
}

export type Directory<T extends Named> = ReturnType<typeof createDirectory<T>>;
