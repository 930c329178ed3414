import type { ImportJob } from '../../domain/onboarding/import-job';
import {
  IMPORT_FILE_POINTER,
  importJobEntity,
  importJobWrites,
  JobChangedError,
  PointerMoved,
} from '../entities/import-job';
import { uniqueValueItem, uniqueValueKey } from '../entities/unique-value';
import type { Table } from '../table';

export { JobChangedError };

/**
 * Import jobs in the table. Every change is a whole-item put conditioned on the version read (and,
 * while running, on the lease holder), so two workers can never both hold, checkpoint or finish
 * one job: the loser gets JobChangedError and stops.
 */
export function createImportJobStore(table: Table) {
  return {
    /** Stores a new job (its id must be new). */
    create(job: ImportJob): Promise<void> {
      return table.transact(importJobWrites.create(job));
    },

    /** One job, strongly consistent. */
    async get(agencyId: string, id: string): Promise<ImportJob | undefined> {
      const item = await table.get(importJobEntity.key(agencyId, id));
      return item ? importJobEntity.fromItem(item) : undefined;
    },

    /** Replaces `before` by `after` (version + 1) if nobody changed it meanwhile. */
    async replace(before: ImportJob, after: ImportJob): Promise<ImportJob> {
      const next = { ...after, version: before.version + 1 };
      await table.transact(importJobWrites.replace(before, next));
      return next;
    },

    /** The unfinished CLI job of a file (by kind and content hash), if one was recorded. */
    async jobIdOfFile(agencyId: string, fileKey: string): Promise<string | undefined> {
      const item = await table.get(uniqueValueKey(agencyId, IMPORT_FILE_POINTER, fileKey));
      return item ? String(item.ownerId) : undefined;
    },

    /** Points a file at its job (the newest run of the file wins). */
    async pointFileAt(agencyId: string, fileKey: string, jobId: string): Promise<void> {
      await table.put(uniqueValueItem(agencyId, IMPORT_FILE_POINTER, fileKey, jobId));
    },

    /** Drops the pointer once its job is finished (only if it still points at that job). */
    async releaseFile(agencyId: string, fileKey: string, jobId: string): Promise<void> {
      try {
        await table.transact(importJobWrites.releaseFile(agencyId, fileKey, jobId));
      } catch (error) {
        // A newer run of the same file took the pointer: it is that run's to release.
        if (!(error instanceof PointerMoved)) throw error;
      }
    },
  };
}

export type ImportJobStore = ReturnType<typeof createImportJobStore>;
