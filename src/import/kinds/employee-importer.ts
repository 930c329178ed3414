import { employeeEntity, employeeWrites, NIP_GUARD } from '../../data/entities/employee';
import { createReferenceSets } from '../../data/imports/reference-sets';
import type { Table } from '../../data/table';
import type { Employee } from '../../domain/employee';
import { createDirectory, type Directory } from '../../domain/onboarding/directory';
import {
  checkEmployeeRow,
  EMPLOYEE_COLUMNS,
  type EmployeeRow,
} from '../../domain/onboarding/kinds/employees';
import type { RowResult } from '../../domain/onboarding/row-check';
import type { Unit } from '../../domain/organization';
import { newRecord } from '../../domain/record';
import type { KindImporter } from '../kind-importer';
import { sameData, type UpsertSpec, upsertByKey } from '../upsert-by-key';

/** What importers need: the table (through the data layer's builders), a clock and ids. */
export interface ImportDeps {
  table: Table;
  clock: () => Date;
  newId: () => string;
}

/** An employee row with its unit found. */
type ResolvedEmployee = EmployeeRow & { unitId: string };

/** The fields an import sets, in a fixed order (compared to tell updated from unchanged). */
function imported(e: Employee) {
  return {
    name: e.name,
    employmentType: e.employmentType,
    golongan: e.golongan,
    pppkGrade: e.pppkGrade,
    position: { title: e.position.title, type: e.position.type },
    unitId: e.unitId,
    status: e.status,
    serviceStartDate: e.serviceStartDate,
    email: e.email,
    phone: e.phone,
  };
}

/** Employees by NIP (pegawai): created with their NIP guard, or updated under their version. */
export function employeeImporter(agencyId: string, deps: ImportDeps): KindImporter<ResolvedEmployee> {
  let units: Directory<Unit> | undefined;
  const spec: UpsertSpec<ResolvedEmployee, Employee> = {
    table: deps.table,
    entity: employeeEntity,
    agencyId,
    guardKind: NIP_GUARD,
    writes: employeeWrites,
    keyOf: (row) => row.nip,
    create(row) {
      const now = deps.clock().toISOString();
      return {
        ...newRecord(agencyId, deps.newId(), now),
        nip: row.nip,
        name: row.name,
        gender: row.gender,
        birthDate: row.birthDate,
        employmentType: row.employmentType,
        golongan: row.golongan,
        pppkGrade: row.pppkGrade,
        position: row.position,
        unitId: row.unitId,
        status: row.status ?? 'ACTIVE',
        serviceStartDate: row.serviceStartDate,
        email: row.email,
        phone: row.phone,
      };
    },
    update(row, existing) {
      if (existing.employmentType !== row.employmentType)
        return {
          issues: [
            {
              field: 'employmentType',
              value: row.employmentType,
              reason: `the NIP is registered as ${existing.employmentType}; the employment type cannot change by import`,
            },
          ],
        };
      // A blank optional cell leaves the stored value alone.
      const next: Employee = {
        ...existing,
        ...imported({
          ...existing,
          name: row.name,
          golongan: row.golongan,
          pppkGrade: row.pppkGrade,
          position: row.position,
          unitId: row.unitId,
          status: row.status ?? existing.status,
          serviceStartDate: row.serviceStartDateGiven ? row.serviceStartDate : existing.serviceStartDate,
          email: row.email ?? existing.email,
          phone: row.phone ?? existing.phone,
        }),
      };
      if (sameData(imported(existing), imported(next))) return 'unchanged';
      return { ...next, version: existing.version + 1, updatedAt: deps.clock().toISOString() };
    },
  };
  return {
    columns: EMPLOYEE_COLUMNS,
    keyField: 'nip',
    async prepare() {
      units = createDirectory(await createReferenceSets(deps.table).units(agencyId), 'unit');
    },
    check(row): RowResult<ResolvedEmployee> {
      const checked = checkEmployeeRow(row);
      if (!checked.ok) return checked;
      const unit = units?.find(checked.value.unitRef);
      if (!unit?.ok)
        return {
          ok: false,
          issues: [
            { field: 'unit', value: checked.value.unitRef, reason: unit?.reason ?? 'units not loaded' },
          ],
        };
      return { ok: true, value: { ...checked.value, unitId: unit.record.id } };
    },
    naturalKey: (row) => row.nip,
    classifyBatch: (rows) => upsertByKey(spec, rows, false),
    writeBatch: (rows) => upsertByKey(spec, rows, true),
  };
}
