import { employeeEntity, employeeWrites, NIP_GUARD } from '../../data/entities/employee';
import { createReferenceSets } from '../../data/imports/reference-sets';
import { jakartaDateOf } from '../../domain/calendar-date';
import type { Employee } from '../../domain/employee';
import {
  changedEmployeeCareerIssues,
  gradeExceptionOf,
  newEmployeeCareerIssues,
} from '../../domain/employee-career';
import { golonganLabel } from '../../domain/golongan';
import { admitNip } from '../../domain/nip-admission';
import { createDirectory, type Directory } from '../../domain/onboarding/directory';
import {
  checkEmployeeRow,
  EMPLOYEE_COLUMNS,
  type EmployeeRow,
} from '../../domain/onboarding/kinds/employees';
import type { CellIssue, RowResult } from '../../domain/onboarding/row-check';
import type { Unit } from '../../domain/organization';
import { newRecord } from '../../domain/record';
import type { FieldIssue } from '../../domain/validation-issues';
import type { ImportDeps } from '../import-deps';
import type { KindImporter } from '../kind-importer';
import { sameData, type UpsertSpec, upsertByKey } from '../upsert-by-key';

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
    education: e.education,
    // Compared without `recordedAt`: the same exception imported again is no change.
    gradeException: e.gradeException && {
      reason: e.gradeException.reason,
      note: e.gradeException.note,
      golongan: e.gradeException.golongan,
    },
    unitId: e.unitId,
    status: e.status,
    serviceStartDate: e.serviceStartDate,
    email: e.email,
    phone: e.phone,
  };
}

/** Cell issues from the domain's field issues (DOMAIN rules 1 and 2), with the row's values. */
function cellIssues(issues: FieldIssue[], row: ResolvedEmployee): { issues: CellIssue[] } {
  const cells: Record<string, string | undefined> = {
    nip: row.nip,
    serviceStartDate: row.serviceStartDateGiven ? row.serviceStartDate : '',
    golongan: row.golongan ? golonganLabel(row.golongan) : row.pppkGrade,
    education: row.education,
    position: row.position.title,
  };
  return { issues: issues.map((issue) => ({ ...issue, value: cells[issue.field] ?? '' })) };
}

/**
 * Employees by NIP (pegawai): created with their NIP guard, or updated under their version. The
 * rules of createEmployee and updateEmployee hold here too: the NIP against today and the hire
 * date, an education for a new employee, golongan within the regular path (or the grade exception
 * columns), Ahli posts for graduates, education not below the name's titles.
 */
export function employeeImporter(agencyId: string, deps: ImportDeps): KindImporter<ResolvedEmployee> {
  let units: Directory<Unit> | undefined;
  const today = () => jakartaDateOf(deps.clock().getTime());
  const spec: UpsertSpec<ResolvedEmployee, Employee> = {
    table: deps.table,
    entity: employeeEntity,
    agencyId,
    guardKind: NIP_GUARD,
    writes: employeeWrites,
    keyOf: (row) => row.nip,
    create(row) {
      const now = deps.clock().toISOString();
      const admission = admitNip(
        { ...row, serviceStartDate: row.serviceStartDateGiven ? row.serviceStartDate : undefined },
        today(),
      );
      if (!admission.ok) return cellIssues([admission], row);
      if (!row.education)
        return cellIssues(
          [{ field: 'education', reason: 'is required for a new employee (pendidikan terakhir)' }],
          row,
        );
      const career = newEmployeeCareerIssues(
        { ...row, education: row.education },
        admission.serviceStartDate,
        today(),
      );
      if (career.length) return cellIssues(career, row);
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
        education: row.education,
        gradeException: gradeExceptionOf(row.gradeException, row.golongan, now),
        unitId: row.unitId,
        status: row.status ?? 'ACTIVE',
        serviceStartDate: admission.serviceStartDate,
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
      const serviceStartDate = row.serviceStartDateGiven ? row.serviceStartDate : existing.serviceStartDate;
      const admission = admitNip({ ...row, serviceStartDate }, today());
      if (!admission.ok) return cellIssues([admission], row);
      const golongan = row.golongan ?? existing.golongan;
      const given = gradeExceptionOf(row.gradeException, row.golongan, deps.clock().toISOString());
      const kept = existing.gradeException;
      // A recorded exception stays with its golongan (re-importing it keeps its date); a new golongan needs its own, or none.
      const gradeException =
        given &&
        kept &&
        given.reason === kept.reason &&
        given.note === kept.note &&
        given.golongan === kept.golongan
          ? kept
          : (given ?? (golongan === existing.golongan ? kept : undefined));
      // A blank optional cell leaves the stored value alone.
      const next: Employee = {
        ...existing,
        ...imported({
          ...existing,
          name: row.name,
          golongan: row.golongan,
          pppkGrade: row.pppkGrade,
          position: row.position,
          education: row.education ?? existing.education,
          gradeException,
          unitId: row.unitId,
          status: row.status ?? existing.status,
          serviceStartDate: row.serviceStartDateGiven ? row.serviceStartDate : existing.serviceStartDate,
          email: row.email ?? existing.email,
          phone: row.phone ?? existing.phone,
        }),
        gradeException,
      };
      if (sameData(imported(existing), imported(next))) return 'unchanged';
      const career = changedEmployeeCareerIssues(existing, next, row.gradeException, today());
      if (career.length) return cellIssues(career, row);
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
