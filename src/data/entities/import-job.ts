import type { ImportJob } from '../../domain/onboarding/import-job';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';
import { putNew, type Write } from '../write';
import { uniqueValueKey } from './unique-value';

/** Index partition of an agency's import jobs, shared by the declaration and the repository. */
export const importJobPartitions = { agency: (agencyId: string) => `${agencyId}#ImportJob` };

/** Import jobs (`<a>#ImportJob#<id>`). gsi1: an agency's jobs by creation time. */
export const importJobEntity = defineEntity<ImportJob>({
  type: 'ImportJob',
  indexes: {
    gsi1: (j) => ({ pk: importJobPartitions.agency(j.agencyId), sk: ordered(j.createdAt, j.id) }),
  },
});

/** Kind of the pointer from a CLI file (kind + sha256) to its newest unfinished job. */
export const IMPORT_FILE_POINTER = 'ImportFile';

/** Another worker changed the job since it was read (took the lease, checkpointed, finished). */
export class JobChangedError extends Error {
  constructor(
    readonly jobId: string,
    options?: { cause?: unknown },
  ) {
    super(`import job ${jobId} was changed by another worker`, options);
    this.name = 'JobChangedError';
  }
}

/** A newer run of the same file took its pointer: that run releases it. */
export class PointerMoved extends Error {}

/**
 * The writes of import jobs. Every change is a whole-item put conditioned on the version read (and,
 * while running, on the lease holder), so two workers can never both hold, checkpoint or finish one
 * job: the loser gets JobChangedError and stops.
 */
export const importJobWrites = {
  create(job: ImportJob): Write[] {
    return [putNew(importJobEntity.toItem(job))];
  },

  /** `after` (its version already the next) in place of `before`, if nobody changed it meanwhile. */
  replace(before: ImportJob, after: ImportJob): Write[] {
    return [
      {
        put: importJobEntity.toItem(after),
        condition: {
          expression: '#version = :version',
          names: { '#version': 'version' },
          values: { ':version': before.version },
        },
        refused: (_, cause) => new JobChangedError(before.id, { cause }),
      },
    ];
  },

  /** Drops a file's pointer once its job is finished, only if it still points at that job. */
  releaseFile(agencyId: string, fileKey: string, jobId: string): Write[] {
    return [
      {
        delete: uniqueValueKey(agencyId, IMPORT_FILE_POINTER, fileKey),
        condition: { expression: '#owner = :job', names: { '#owner': 'ownerId' }, values: { ':job': jobId } },
        refused: (_, cause) => new PointerMoved('pointer moved', { cause }),
      },
    ];
  },
};
