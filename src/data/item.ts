/** An item as stored: attribute name -> value (the document client's plain JavaScript form). */
export type Item = Record<string, unknown>;

/** The primary key of an item of the single table. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** The map key of an item in batch results and in-memory folds. */
export function keyString(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
