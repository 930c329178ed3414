import type { ImportJob } from '../../domain/onboarding/import-job';
import { defineEntity } from '../entity';

/** Import jobs (`<a>#ImportJob#<id>`). gsi1: an agency's jobs by creation time. */
export const importJobEntity = defineEntity<ImportJob>({
  type: 'ImportJob',
  indexes: {
    gsi1: (j) => ({ pk: `${j.agencyId}#ImportJob`, sk: `${j.createdAt}#${j.id}` }),
  },
});

/** Kind of the pointer from a CLI file (kind + sha256) to its newest unfinished job. */
export const IMPORT_FILE_POINTER = 'ImportFile';
