import type { Education } from '../../domain/education';
import type { Employee, EmployeeStatus, PositionType } from '../../domain/employee';
import type { Golongan } from '../../domain/golongan';
import type { EmploymentType } from '../../domain/nip';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { employeeEntity, employeePartitions, employeeWrites, nipGuardKey } from '../entities/employee';
import { nameSortKey } from '../entity';
import { type IdempotencyClaim, withClaim } from '../idempotency';
import type { ItemLoader } from '../item-loader';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import type { QuerySpec, Table } from '../table';

export interface EmployeeListFilter {
  unitId?: string | undefined;
  /** Only employees of these units (a unit head's reach). */
  unitIds?: string[] | undefined;
  nameStartsWith?: string | undefined;
  employmentType?: EmploymentType | undefined;
  golongan?: Golongan[] | undefined;
  status?: EmployeeStatus[] | undefined;
  positionType?: PositionType | undefined;
  education?: Education[] | undefined;
  /** Only employees whose education is (true) or is not yet (false) recorded. */
  educationRecorded?: boolean | undefined;
}

/** Employees in the single table: by id, by NIP (unique per agency), by agency or unit, by name. */
export function createEmployeeRepository(table: Table, codec: CursorCodec) {
  return {
    /** One employee, through the request's batching loader. */
    async get(loader: ItemLoader, agencyId: string, id: string): Promise<Employee | undefined> {
      const item = await loader.load(employeeEntity.key(agencyId, id));
      return item ? employeeEntity.fromItem(item) : undefined;
    },

    /** One employee read strongly consistent, as the base of an update. */
    async getLatest(agencyId: string, id: string): Promise<Employee | undefined> {
      const item = await table.get(employeeEntity.key(agencyId, id));
      return item ? employeeEntity.fromItem(item) : undefined;
    },

    /** The id of the employee holding a NIP in an agency. */
    async findIdByNip(loader: ItemLoader, agencyId: string, nip: string): Promise<string | undefined> {
      const guard = await loader.load(nipGuardKey(agencyId, nip));
      return guard ? String(guard.ownerId) : undefined;
    },

    /** Every ACTIVE employee placed in a unit now (a unit's staff, tens to a few hundred). */
    async activeOfUnit(agencyId: string, unitId: string): Promise<Employee[]> {
      const items = await table.queryAll({
        index: 'gsi2',
        partition: employeePartitions.unit(agencyId, unitId),
        filters: [{ attribute: 'status', equals: 'ACTIVE' }],
      });
      return items.map((item) => employeeEntity.fromItem(item));
    },

    /** Every ACTIVE employee of an agency (gsi1, by name; the caller bounds how many it accepts). */
    async activeOfAgency(agencyId: string): Promise<Employee[]> {
      const items = await table.queryAll({
        index: 'gsi1',
        partition: employeePartitions.agency(agencyId),
        filters: [{ attribute: 'status', equals: 'ACTIVE' }],
      });
      return items.map((item) => employeeEntity.fromItem(item));
    },

    /** A page of employees of an agency (or one unit), by name. */
    list(agencyId: string, filter: EmployeeListFilter, page: PageArgs): Promise<Connection<Employee>> {
      const prefix = filter.nameStartsWith ? nameSortKey(filter.nameStartsWith) : '';
      const spec: QuerySpec = filter.unitId
        ? { index: 'gsi2', partition: employeePartitions.unit(agencyId, filter.unitId) }
        : { index: 'gsi1', partition: employeePartitions.agency(agencyId) };
      if (prefix) spec.sortKey = { beginsWith: prefix };
      const filters: Condition[] = [];
      if (filter.employmentType) filters.push({ attribute: 'employmentType', equals: filter.employmentType });
      if (filter.golongan?.length) filters.push({ attribute: 'golongan', in: filter.golongan });
      if (filter.status?.length) filters.push({ attribute: 'status', in: filter.status });
      if (filter.positionType) filters.push({ attribute: 'positionType', equals: filter.positionType });
      if (filter.education?.length) filters.push({ attribute: 'education', in: filter.education });
      if (filter.educationRecorded !== undefined)
        filters.push({ attribute: 'education', exists: filter.educationRecorded });
      if (filter.unitIds)
        filters.push(
          filter.unitIds.length
            ? { attribute: 'unitId', in: filter.unitIds }
            : { attribute: 'pk', exists: false },
        );
      if (filters.length) spec.filters = filters;
      return queryConnection(table, codec, spec, page, (item) => employeeEntity.fromItem(item));
    },

    /** Writes a new employee and its NIP guard together (and the claim of its idempotency key). */
    create(employee: Employee, now: Date, claim?: IdempotencyClaim): Promise<void> {
      return table.transact(withClaim(employeeWrites.create(employee), claim, employee.id, now));
    },

    /** Applies an update if the stored version is still `before.version`; CONFLICT otherwise. */
    update(before: Employee, after: Employee): Promise<void> {
      return table.transact(employeeWrites.update(before, after));
    },
  };
}

export type EmployeeRepository = ReturnType<typeof createEmployeeRepository>;
