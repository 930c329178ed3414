import type { Appraisal, Evaluation, EvaluationKind, ProgramEvaluation } from '../../domain/evaluation';
import type { Measurement } from '../../domain/performance-indicator';
import type { Predikat } from '../../domain/skp-predikat';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { evaluationEntity, evaluationPartitions, evaluationWrites } from '../entities/evaluation';
import { measurementEntity } from '../entities/measurement';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { valueRange } from '../sort-keys';
import type { Item, QuerySpec, Table } from '../table';

/** Queries `latestAppraisalsOf` sends at once. */
export const LATEST_APPRAISAL_READS_AT_ONCE = 10;

/** Evaluation list filter; every given condition must hold. */
export interface EvaluationListFilter {
  kind?: EvaluationKind | undefined;
  employeeId?: string | undefined;
  programId?: string | undefined;
  /** The employee's unit when appraised. */
  unitId?: string | undefined;
  /** Normalized period key (`2026`, `2026-Q2`, `2026-07`). */
  period?: string | undefined;
  predikat?: Predikat | undefined;
}

/** Appraisals and program evaluations: by id, by agency, employee, program or unit. */
export function createEvaluationRepository(table: Table, cursors: CursorCodec) {
  const toEvaluation = (item: Item) => evaluationEntity.fromItem(item);

  /** The index that narrows a filter most; the other conditions become filters. */
  function specOf(agencyId: string, filter: EvaluationListFilter): QuerySpec {
    const filters: Condition[] = [];
    let spec: QuerySpec;
    if (filter.employeeId) {
      spec = { index: 'gsi2', partition: evaluationPartitions.employee(agencyId, filter.employeeId) };
      if (filter.programId) filters.push({ attribute: 'programId', equals: filter.programId });
      if (filter.unitId) filters.push({ attribute: 'unitId', equals: filter.unitId });
    } else if (filter.programId) {
      spec = { index: 'gsi3', partition: evaluationPartitions.program(agencyId, filter.programId) };
      if (filter.unitId) filters.push({ attribute: 'unitId', equals: filter.unitId });
    } else if (filter.unitId) {
      spec = { index: 'gsi4', partition: evaluationPartitions.unit(agencyId, filter.unitId) };
    } else {
      spec = { index: 'gsi1', partition: evaluationPartitions.agency(agencyId) };
    }
    if (filter.kind) filters.push({ attribute: 'kind', equals: filter.kind });
    if (filter.period) filters.push({ attribute: 'period', equals: filter.period });
    if (filter.predikat) filters.push({ attribute: 'predikat', equals: filter.predikat });
    return { ...spec, scanForward: false, ...(filters.length ? { filters } : {}) };
  }

  return {
    /** One evaluation, through the request's batching loader. */
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<Evaluation | undefined> {
      const item = await loader.load(evaluationEntity.key(agencyId, id));
      return item ? toEvaluation(item) : undefined;
    },

    /** One evaluation read strongly consistent (after a write). */
    async getLatest(agencyId: string, id: string): Promise<Evaluation | undefined> {
      const item = await table.get(evaluationEntity.key(agencyId, id));
      return item ? toEvaluation(item) : undefined;
    },

    /** A page of evaluations, newest first (appraisals of an employee or unit: newest period first). */
    list(agencyId: string, filter: EvaluationListFilter, page: PageArgs): Promise<Connection<Evaluation>> {
      return queryConnection(table, cursors, specOf(agencyId, filter), page, toEvaluation);
    },

    /** Every appraisal of an employee, newest period first (a few a year). */
    async allAppraisalsOf(agencyId: string, employeeId: string): Promise<Appraisal[]> {
      const items = await table.queryAll({
        index: 'gsi2',
        partition: evaluationPartitions.employee(agencyId, employeeId),
        scanForward: false,
      });
      return items.map((item) => toEvaluation(item) as Appraisal);
    },

    /**
     * The latest appraisal of each of several employees (an import's batch): one Query of one item
     * per employee (gsi2, newest period first), LATEST_APPRAISAL_READS_AT_ONCE at a time.
     */
    async latestAppraisalsOf(
      agencyId: string,
      employeeIds: readonly string[],
    ): Promise<Map<string, Appraisal>> {
      const found = new Map<string, Appraisal>();
      for (let i = 0; i < employeeIds.length; i += LATEST_APPRAISAL_READS_AT_ONCE) {
        const slice = employeeIds.slice(i, i + LATEST_APPRAISAL_READS_AT_ONCE);
        const pages = await Promise.all(
          slice.map((employeeId) =>
            table.queryPage(
              {
                index: 'gsi2',
                partition: evaluationPartitions.employee(agencyId, employeeId),
                scanForward: false,
              },
              1,
            ),
          ),
        );
        pages.forEach((page, j) => {
          const [item] = page.items;
          if (item) found.set(slice[j] as string, toEvaluation(item) as Appraisal);
        });
      }
      return found;
    },

    /** Appraisals made in a unit whose period starts in [from, to] (gsi4, period order). */
    async appraisalsOfUnit(agencyId: string, unitId: string, from: string, to: string): Promise<Appraisal[]> {
      const items = await table.queryAll({
        index: 'gsi4',
        partition: evaluationPartitions.unit(agencyId, unitId),
        sortKey: valueRange(from, to),
      });
      return items.map((item) => toEvaluation(item) as Appraisal);
    },

    /**
     * Stores an appraisal with its months claimed on the employee's year guard, in one
     * transaction: an appraisal of the same or an overlapping period is a CONFLICT.
     */
    recordAppraisal(appraisal: Appraisal, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(evaluationWrites.recordAppraisal(appraisal), claim, appraisal.id, now));
    },

    /** Stores a program evaluation (idempotent with a claim). */
    recordProgramEvaluation(
      evaluation: ProgramEvaluation,
      now: Date,
      claim?: IdempotencyClaim,
    ): Promise<void> {
      return table.transact(
        withClaim(evaluationWrites.recordProgramEvaluation(evaluation), claim, evaluation.id, now),
      );
    },

    /** The measurement of an indicator for one period (item of the performance area, read only). */
    async measurement(
      loader: ItemLoader,
      agencyId: string,
      indicatorId: string,
      period: string,
    ): Promise<Measurement | undefined> {
      const item = await loader.load(measurementEntity.key(agencyId, indicatorId, period));
      return item ? measurementEntity.fromItem(item) : undefined;
    },
  };
}

export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;
