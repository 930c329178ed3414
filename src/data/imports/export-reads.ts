import type { Employee } from '../../domain/employee';
import type { Appraisal } from '../../domain/evaluation';
import type { Mentorship } from '../../domain/mentorship';
import type { Measurement, PerformanceIndicator } from '../../domain/performance-indicator';
import type { Enrollment, EnrollmentStatus, TrainingProgram } from '../../domain/training';
import { employeeEntity, employeePartitions } from '../entities/employee';
import { enrollmentEntity, enrollmentPartitions } from '../entities/enrollment';
import { evaluationEntity, evaluationPartitions } from '../entities/evaluation';
import { measurementEntity } from '../entities/measurement';
import { mentorshipEntity } from '../entities/mentorship';
import { indicatorPartitions, performanceIndicatorEntity } from '../entities/performance-indicator';
import { programPartitions, trainingProgramEntity } from '../entities/training-program';
import { valueRange } from '../sort-keys';
import type { Item, QuerySpec, Table } from '../table';

/** Every item of a query, a page at a time (an export never holds a whole partition). */
async function* pages(table: Table, spec: QuerySpec): AsyncGenerator<Item[]> {
  let startKey: Item | undefined;
  do {
    const page = await table.queryPage(spec, 500, startKey);
    if (page.items.length) yield page.items;
    startKey = page.lastKey;
  } while (startKey);
}

/** What exports read: an agency's records page by page. */
export function createExportReads(table: Table) {
  return {
    /** Programs of an agency starting on or before a date (all when none), oldest first. */
    async *programs(agencyId: string, startingBy?: string): AsyncGenerator<TrainingProgram[]> {
      const spec: QuerySpec = { index: 'gsi1', partition: programPartitions.agency(agencyId) };
      if (startingBy) spec.sortKey = valueRange(undefined, startingBy);
      for await (const items of pages(table, spec)) yield items.map((i) => trainingProgramEntity.fromItem(i));
    },
    /** Enrollments of a program in some statuses, in arrival order. */
    async *enrollments(
      agencyId: string,
      programId: string,
      statuses: EnrollmentStatus[],
    ): AsyncGenerator<Enrollment[]> {
      const spec: QuerySpec = {
        index: 'gsi1',
        partition: enrollmentPartitions.program(agencyId, programId),
        filters: [{ attribute: 'status', in: statuses }],
      };
      for await (const items of pages(table, spec)) yield items.map((i) => enrollmentEntity.fromItem(i));
    },
    /** Employees of an agency by name. */
    async *employees(agencyId: string): AsyncGenerator<Employee[]> {
      for await (const items of pages(table, {
        index: 'gsi1',
        partition: employeePartitions.agency(agencyId),
      }))
        yield items.map((i) => employeeEntity.fromItem(i));
    },
    /** Employees by id (BatchGetItem). */
    async employeesById(agencyId: string, ids: string[]): Promise<Map<string, Employee>> {
      const found = await table.batchGet([...new Set(ids)].map((id) => employeeEntity.key(agencyId, id)));
      return new Map(
        [...found.values()].map((item) => {
          const e = employeeEntity.fromItem(item);
          return [e.id, e];
        }),
      );
    },
    /** Mentorships by id (BatchGetItem), in the order asked. */
    async mentorshipsById(agencyId: string, ids: string[]): Promise<Mentorship[]> {
      const found = await table.batchGet([...new Set(ids)].map((id) => mentorshipEntity.key(agencyId, id)));
      const byId = new Map(
        [...found.values()].map((item) => {
          const m = mentorshipEntity.fromItem(item);
          return [m.id, m];
        }),
      );
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    /** Performance indicators of an agency by code. */
    async *indicators(agencyId: string): AsyncGenerator<PerformanceIndicator[]> {
      for await (const items of pages(table, {
        index: 'gsi1',
        partition: indicatorPartitions.agency(agencyId),
      }))
        yield items.map((i) => performanceIndicatorEntity.fromItem(i));
    },
    /** Measurements of an indicator, oldest period first. */
    async *measurements(agencyId: string, indicatorId: string): AsyncGenerator<Measurement[]> {
      const { partition, sortPrefix } = measurementEntity.collection(agencyId, indicatorId);
      for await (const items of pages(table, { partition, sortKey: { beginsWith: sortPrefix } }))
        yield items.map((i) => measurementEntity.fromItem(i));
    },
    /** Appraisals of an agency for one period (e.g. the year `2025`). */
    async *appraisals(agencyId: string, period: string): AsyncGenerator<Appraisal[]> {
      const spec: QuerySpec = {
        index: 'gsi1',
        partition: evaluationPartitions.agency(agencyId),
        filters: [
          { attribute: 'kind', equals: 'APPRAISAL' },
          { attribute: 'period', equals: period },
        ],
      };
      for await (const items of pages(table, spec))
        yield items.map((i) => evaluationEntity.fromItem(i) as Appraisal);
    },
  };
}

export type ExportReads = ReturnType<typeof createExportReads>;
