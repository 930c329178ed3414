import type { Partner, ProgramStatus, TrainingProgram } from '../../domain/training';
import type { ProgramCategory } from '../../domain/training-formats';
import { ConflictError } from '../../errors/app-error';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { partnerEntity } from '../entities/partner';
import { PROGRAM_CODE_GUARD, trainingProgramEntity } from '../entities/training-program';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { codeConflictOf, codeGuardOps } from '../record-code-guards';
import { putNewOp } from '../relation-ops';
import { ConditionFailedError, type QuerySpec, type Table } from '../table';
import { type IdempotencyClaim, transactCreate } from '../transact-create';
import { updateVersioned, versionConflict, versionedUpdateOp } from '../versioned-update';

/** A capacity change that would leave fewer seats than are taken. */
export class CapacityBelowSeatsError extends Error {
  constructor(readonly seatsTaken: number) {
    super(`capacity below the ${seatsTaken} seats taken`);
  }
}

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
    async getPartner(loader: ItemLoader, agencyId: string, code: string): Promise<Partner | undefined> {
      const item = await loader.load(partnerEntity.key(agencyId, code));
      return item ? partnerEntity.fromItem(item) : undefined;
    },

    listPartners(agencyId: string, page: PageArgs): Promise<Connection<Partner>> {
      return queryConnection(
        table,
        cursors,
        { index: 'gsi1', partition: `${agencyId}#Partner` },
        page,
        (item) => partnerEntity.fromItem(item),
      );
    },

    /** Registers a partner; its code is unique within the agency. */
    async createPartner(partner: Partner): Promise<void> {
      try {
        await table.transactWrite([putNewOp(table, partnerEntity.toItem(partner))]);
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          throw new ConflictError(
            `Partner code ${partner.id} is already registered`,
            { field: 'input.code' },
            error,
          );
        }
        throw error;
      }
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
            partition: `${agencyId}#Partner#${filter.partnerId}#TrainingProgram`,
            scanForward: false,
          }
        : { index: 'gsi1', partition: `${agencyId}#TrainingProgram`, scanForward: false };
      if (filter.from || filter.to)
        spec.sortKey = { between: [filter.from ?? '0000', `${filter.to ?? '9999'}#\uffff`] };
      const filters: Condition[] = [];
      if (filter.status?.length) filters.push({ attribute: 'status', in: filter.status });
      if (filter.category?.length) filters.push({ attribute: 'category', in: filter.category });
      if (filters.length) spec.filters = filters;
      return queryConnection(table, cursors, spec, page, (item) => trainingProgramEntity.fromItem(item));
    },

    /** Writes a new program with its code guard (if it has a code); CONFLICT if the code is taken. */
    async createProgram(program: TrainingProgram, now: Date, claim?: IdempotencyClaim) {
      const guards = codeGuardOps(table, PROGRAM_CODE_GUARD, undefined, program);
      try {
        return await transactCreate(
          table,
          [putNewOp(table, trainingProgramEntity.toItem(program)), ...guards.ops],
          program.id,
          now,
          claim,
        );
      } catch (error) {
        throw codeConflictOf(error, 1, guards.claimIndex, program, 'Program');
      }
    },

    /**
     * A program update. A smaller capacity is conditioned on the seats taken at write time (an
     * enrollment may take a seat meanwhile without changing the version): below them it is
     * refused with CapacityBelowSeatsError, never stored.
     */
    async updateProgram(before: TrainingProgram, after: TrainingProgram): Promise<void> {
      const codes = codeGuardOps(table, PROGRAM_CODE_GUARD, before, after);
      if (after.capacity >= before.capacity && !codes.ops.length)
        return updateVersioned(table, trainingProgramEntity, before, after);
      const guard =
        after.capacity < before.capacity
          ? {
              expression: '#seats <= :capacity',
              names: { '#seats': 'seatsTaken' },
              values: { ':capacity': after.capacity },
            }
          : undefined;
      try {
        await table.transactWrite([
          versionedUpdateOp(table, trainingProgramEntity, before, after, guard),
          ...codes.ops,
        ]);
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (!error.failed.includes(0)) throw codeConflictOf(error, 1, codes.claimIndex, after, 'Program');
        const stored = error.items[0];
        if (guard && stored?.version === before.version)
          throw new CapacityBelowSeatsError(Number(stored.seatsTaken));
        throw versionConflict('TrainingProgram', before.version, stored?.version, error);
      }
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
