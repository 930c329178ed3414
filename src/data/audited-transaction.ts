import type { AuditEntry } from '../domain/audit-entry';
import { scopedValue } from '../observability/scoped-value';
import { auditEntryEntity } from './entities/audit-entry';
import type { Item } from './item';
import type { Write } from './write';

/** DynamoDB's limit of operations in one TransactWriteItems call. */
export const TRANSACT_MAX_ITEMS = 100;

/** How a mutation's audit entry is built for a transaction that makes (part of) its change. */
export interface AuditedMutation {
  /**
   * The entry to store with these writes, or undefined for none. Every call of one mutation gives
   * the same id and time, so a mutation of several transactions stores one entry, rewritten.
   */
  entryFor(writes: readonly Write[]): Promise<AuditEntry | undefined>;
}

interface Slot {
  mutation: AuditedMutation;
  /** The entry as last committed with a change; undefined while none committed. */
  stored: AuditEntry | undefined;
  open: boolean;
}

const slots = scopedValue<Slot>();

/**
 * Runs one mutation root field so that every transaction it commits carries its audit entry
 * (`Table.transact` asks `auditedWrites`): a change is never stored without its entry, whatever
 * fails after it (the process, the database, the response). Returns what `run` returns and the
 * entry committed, if any: none means nothing changed (an idempotent replay, a refusal).
 */
export async function runAudited<T>(
  mutation: AuditedMutation,
  run: () => Promise<T>,
): Promise<{ value: T; stored: AuditEntry | undefined }> {
  const slot: Slot = { mutation, stored: undefined, open: true };
  try {
    const value = await slots.run(slot, run);
    return { value, stored: slot.stored };
  } finally {
    // Work the mutation started and left running (none should) no longer writes its entry.
    slot.open = false;
  }
}

/** A transaction's writes with the current mutation's entry, and what to do once it committed. */
export interface AuditedWrites {
  /** The entry's put, to add to the transaction; undefined when it goes ahead of it (`ahead`). */
  put: Write | undefined;
  /** The entry's item to store before the transaction, when the transaction has no room for it. */
  ahead: Item | undefined;
  /** After the transaction failed, when the entry went `ahead`: the write that takes it back. */
  undo: Write | undefined;
  /** After the transaction committed: the entry is the one stored. */
  committed(): void;
}

/**
 * The audit part of a transaction run inside `runAudited`, or undefined outside one (system jobs,
 * bookkeeping). A transaction already holding DynamoDB's 100 operations cannot take the entry:
 * it is stored just before instead (`ahead`), and put back as it was (or deleted) if the
 * transaction then fails, so a change still never lands without it.
 */
export async function auditedWrites(writes: readonly Write[]): Promise<AuditedWrites | undefined> {
  const slot = slots.get();
  if (!slot?.open) return undefined;
  const entry = await slot.mutation.entryFor(writes);
  if (!entry) return undefined;
  const item = auditEntryEntity.toItem(entry);
  const fits = writes.length < TRANSACT_MAX_ITEMS;
  const previous = slot.stored ? auditEntryEntity.toItem(slot.stored) : undefined;
  const key = { pk: String(item.pk), sk: String(item.sk) };
  const sameKey = previous?.pk === key.pk && previous?.sk === key.sk;
  return {
    put: fits ? { put: item } : undefined,
    ahead: fits ? undefined : item,
    undo: fits ? undefined : previous && sameKey ? { put: previous } : { delete: key },
    committed() {
      slot.stored = entry;
    },
  };
}
