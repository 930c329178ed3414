import type { Agency } from '../../domain/organization';
import { defineEntity } from '../entity';

/** Agencies (tenants). gsi1: every agency, by id (demo seeding, partner scoping). */
export const agencyEntity = defineEntity<Agency>({
  type: 'Agency',
  indexes: {
    gsi1: (a) => ({ pk: 'Agency', sk: a.id }),
  },
});
