import type { Agency } from '../../domain/organization';
import { defineEntity } from '../entity';

/** The one partition of gsi1 listing every agency (tenant): not an agency's own, by design. */
export const AGENCIES_PARTITION = 'Agency';

/** Agencies (tenants). gsi1: every agency, by id (demo seeding, partner scoping). */
export const agencyEntity = defineEntity<Agency>({
  type: 'Agency',
  indexes: {
    gsi1: (a) => ({ pk: AGENCIES_PARTITION, sk: a.id }),
  },
});
