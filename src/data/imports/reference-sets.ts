import type { Agency, Unit } from '../../domain/organization';
import type { Partner, TrainingProgram } from '../../domain/training';
import { agencyEntity } from '../entities/agency';
import { partnerEntity, partnerPartitions } from '../entities/partner';
import { programPartitions, trainingProgramEntity } from '../entities/training-program';
import { unitEntity, unitPartitions } from '../entities/unit';
import type { Table } from '../table';

/**
 * The bounded sets an import checks rows against, read once per run: an agency's units (tens to a
 * few hundred), partners (a handful) and programs (a few thousand over years; only the fields a
 * directory needs are kept).
 */
export function createReferenceSets(table: Table) {
  return {
    async agency(agencyId: string): Promise<Agency | undefined> {
      const item = await table.get(agencyEntity.key(agencyId, agencyId));
      return item ? agencyEntity.fromItem(item) : undefined;
    },
    async units(agencyId: string): Promise<Unit[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: unitPartitions.agency(agencyId) });
      return items.map((item) => unitEntity.fromItem(item));
    },
    async partners(agencyId: string): Promise<Partner[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: partnerPartitions.agency(agencyId) });
      return items.map((item) => partnerEntity.fromItem(item));
    },
    async programs(agencyId: string): Promise<TrainingProgram[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: programPartitions.agency(agencyId) });
      return items.map((item) => trainingProgramEntity.fromItem(item));
    },
  };
}

export type ReferenceSets = ReturnType<typeof createReferenceSets>;
