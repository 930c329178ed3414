/** What every stored record has: its tenant (agency), its id and optimistic-concurrency metadata. */
export interface RecordMeta {
  agencyId: string;
  id: string;
  /** Starts at 1; every update increments it (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The metadata of a record created now: version 1, created and updated at `at` (ISO 8601). */
export function newRecord(agencyId: string, id: string, at: string): RecordMeta {
  return { agencyId, id, version: 1, createdAt: at, updatedAt: at };
}
