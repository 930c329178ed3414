import type { Partner } from '../../domain/training';
import { ConflictError } from '../../errors/app-error';
import { defineEntity, nameSortKey } from '../entity';
import { ordered } from '../sort-keys';
import { putNew, type Write } from '../write';

/** Index partitions of partners and of their programs. */
export const partnerPartitions = {
  agency: (agencyId: string) => `${agencyId}#Partner`,
  programs: (agencyId: string, partnerId: string) => `${agencyId}#Partner#${partnerId}#TrainingProgram`,
};

/** Partner institutions of an agency (id = stable code, e.g. `usu`). gsi1: partners of an agency by name. */
export const partnerEntity = defineEntity<Partner>({
  type: 'Partner',
  indexes: {
    gsi1: (p) => ({ pk: partnerPartitions.agency(p.agencyId), sk: ordered(nameSortKey(p.name), p.id) }),
  },
});

/** The writes of partners. */
export const partnerWrites = {
  /** Registers a partner; its code is its id, so a taken code is a CONFLICT. */
  create(partner: Partner): Write[] {
    return [
      putNew(
        partnerEntity.toItem(partner),
        (_, cause) =>
          new ConflictError(
            `Partner code ${partner.id} is already registered`,
            { field: 'input.code' },
            cause,
          ),
      ),
    ];
  },
};
