/** What every stored record has: its tenant (agency), its id and optimistic-concurrency metadata. */
export interface RecordMeta {
  agencyId: string;
  id: string;
  /** Starts at 1; every update increments it (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}
