import type { Agency } from '../../domain/organization';
import { defineEntity } from '../entity';
import { versionConflict, versionedUpdate } from '../versioned-update';
import type { Write } from '../write';

/** The one partition of gsi1 listing every agency (tenant): not an agency's own, by design. */
export const AGENCIES_PARTITION = 'Agency';

/** Agencies (tenants). gsi1: every agency, by id (demo seeding, partner scoping). */
export const agencyEntity = defineEntity<Agency>({
  type: 'Agency',
  indexes: {
    gsi1: (a) => ({ pk: AGENCIES_PARTITION, sk: a.id }),
  },
});

/** The writes of agencies' own settings. */
export const agencyWrites = {
  /** A settings change (e.g. the evaluation thresholds); CONFLICT when the agency changed since read. */
  update(before: Agency, after: Agency): Write[] {
    return [
      versionedUpdate(agencyEntity, before, after, {
        refused: (stored, cause) => versionConflict('Agency', before.version, stored, cause),
      }),
    ];
  },
};
