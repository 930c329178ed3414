import type { Partner, ProgramStatus, TrainingProgram } from '../../domain/training';
import type { ProgramCategory } from '../../domain/training-formats';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { partnerEntity, partnerPartitions, partnerWrites } from '../entities/partner';
import { programPartitions, programWrites, trainingProgramEntity } from '../entities/training-program';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { valueRange } from '../sort-keys';
import type { QuerySpec, Table } from '../table';

export interface ProgramListFilter {
  status?: ProgramStatus[] | undefined;
  category?: ProgramCategory[] | undefined;
  partnerId?: string | undefined;
  /** Programs starting on or after this date. */
  from?: string | undefined;
  /** Programs starting on or before this date. */
  to?: string | undefined;
}

/** Partner institutions and training programs. */
export function createTrainingRepository(table: Table, cursors: CursorCodec) {
  return {
    /** The next cohorts of a series, by number (bounded: at most 20 cohorts). */
    async nextCohorts(agencyId: string, seriesId: string): Promise<TrainingProgram[]> {
      const items = await table.queryAll({
        index: 'gsi3',
        partition: programPartitions.series(agencyId, seriesId),
      });
      return items.map((item) => trainingProgramEntity.fromItem(item));
    },

    /** Writes the next cohort of a series with its number's guard; CONFLICT when the number was just taken. */
    createNextCohort(
      program: TrainingProgram & { seriesId: string; seriesNumber: number },
      now: Date,
      claim?: IdempotencyClaim,
    ): Promise<void> {
      return table.transact(withClaim(programWrites.createNextCohort(program), claim, program.id, now));
    },

    async getPartner(loader: ItemLoader, agencyId: string, code: string): Promise<Partner | undefined> {
      const item = await loader.load(partnerEntity.key(agencyId, code));
      return item ? partnerEntity.fromItem(item) : undefined;
    },

    listPartners(agencyId: string, page: PageArgs): Promise<Connection<Partner>> {
      return queryConnection(
        table,
        cursors,
        { index: 'gsi1', partition: partnerPartitions.agency(agencyId) },
        page,
        (item) => partnerEntity.fromItem(item),
      );
    },

    /** Registers a partner; its code is unique within the agency. */
    createPartner(partner: Partner): Promise<void> {
      return table.transact(partnerWrites.create(partner));
    },

    async getProgram(loader: ItemLoader, agencyId: string, id: string): Promise<TrainingProgram | undefined> {
      const item = await loader.load(trainingProgramEntity.key(agencyId, id));
      return item ? trainingProgramEntity.fromItem(item) : undefined;
    },

    /** A program read strongly consistent (the base of a transaction). */
    async getProgramLatest(agencyId: string, id: string): Promise<TrainingProgram | undefined> {
      const item = await table.get(trainingProgramEntity.key(agencyId, id));
      return item ? trainingProgramEntity.fromItem(item) : undefined;
    },

    /** Programs of an agency (or of one partner) by start date, newest first. */
    listPrograms(
      agencyId: string,
      filter: ProgramListFilter,
      page: PageArgs,
    ): Promise<Connection<TrainingProgram>> {
      const spec: QuerySpec = filter.partnerId
        ? {
            index: 'gsi2',
            partition: programPartitions.partner(agencyId, filter.partnerId),
            scanForward: false,
          }
        : { index: 'gsi1', partition: programPartitions.agency(agencyId), scanForward: false };
      const starts = valueRange(filter.from, filter.to);
      if (starts) spec.sortKey = starts;
      const filters: Condition[] = [];
      if (filter.status?.length) filters.push({ attribute: 'status', in: filter.status });
      if (filter.category?.length) filters.push({ attribute: 'category', in: filter.category });
      if (filters.length) spec.filters = filters;
      return queryConnection(table, cursors, spec, page, (item) => trainingProgramEntity.fromItem(item));
    },

    /** Every OPEN program of an agency starting on or after `from` (gsi1, soonest first). */
    async openProgramsFrom(agencyId: string, from: string): Promise<TrainingProgram[]> {
      const items = await table.queryAll({
        index: 'gsi1',
        partition: programPartitions.agency(agencyId),
        sortKey: valueRange(from, undefined),
        filters: [{ attribute: 'status', equals: 'OPEN' }],
      });
      return items.map((item) => trainingProgramEntity.fromItem(item));
    },

    createProgram(program: TrainingProgram, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(programWrites.create(program), claim, program.id, now));
    },

    /** A program update; a capacity below the seats taken at write time is refused (BAD_USER_INPUT). */
    updateProgram(before: TrainingProgram, after: TrainingProgram): Promise<void> {
      return table.transact(programWrites.update(before, after));
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
