import type { Partner } from '../../domain/training';
import { defineEntity, nameSortKey } from '../entity';

/** Partner institutions of an agency (id = stable code, e.g. `usu`). gsi1: partners of an agency by name. */
export const partnerEntity = defineEntity<Partner>({
  type: 'Partner',
  indexes: {
    gsi1: (p) => ({ pk: `${p.agencyId}#Partner`, sk: `${nameSortKey(p.name)}#${p.id}` }),
  },
});
