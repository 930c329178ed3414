import {
  PROGRAM_CODE_GUARD,
  programWrites,
  trainingProgramEntity,
} from '../../data/entities/training-program';
import { createReferenceSets } from '../../data/imports/reference-sets';
import { createDirectory, type Directory } from '../../domain/onboarding/directory';
import { checkProgramRow, PROGRAM_COLUMNS, type ProgramRow } from '../../domain/onboarding/kinds/programs';
import type { CellIssue, RowResult } from '../../domain/onboarding/row-check';
import type { Unit } from '../../domain/organization';
import { newRecord } from '../../domain/record';
import { canMoveProgram, type Partner, type TrainingProgram } from '../../domain/training';
import type { ImportDeps } from '../import-deps';
import type { KindImporter } from '../kind-importer';
import { sameData, type UpsertSpec, upsertByKey } from '../upsert-by-key';

type ResolvedProgram = ProgramRow & { partnerId?: string | undefined; organizerUnitId?: string | undefined };

const shape = (p: Omit<ResolvedProgram, 'code' | 'partnerRef' | 'organizerRef'> | TrainingProgram) => ({
  title: p.title,
  description: p.description,
  category: p.category,
  format: p.format,
  jp: p.jp,
  startDate: p.startDate,
  endDate: p.endDate,
  capacity: p.capacity,
  costPerParticipant: p.costPerParticipant,
  partnerId: p.partnerId,
  organizerUnitId: p.organizerUnitId,
  competencies: p.competencies,
  status: p.status,
  cohort: p.cohort,
  location: p.location,
});

const refused = (field: string, value: string, reason: string): { issues: CellIssue[] } => ({
  issues: [{ field, value, reason }],
});

/**
 * Training programs by code. An update keeps the category (as the API's update does), keeps the
 * seat counters (their own writers move them), never drops capacity below the seats taken (also a
 * condition of the write), follows the program's status order, and keeps the partner of a program
 * that has participants (their partner feed would otherwise split).
 */
export function programImporter(agencyId: string, deps: ImportDeps): KindImporter<ResolvedProgram> {
  const references = createReferenceSets(deps.table);
  let partners: Directory<Partner & { code: string }> | undefined;
  let units: Directory<Unit> | undefined;
  const today = () => deps.clock().toISOString().slice(0, 10);
  const spec: UpsertSpec<ResolvedProgram, TrainingProgram> = {
    table: deps.table,
    entity: trainingProgramEntity,
    agencyId,
    guardKind: PROGRAM_CODE_GUARD,
    keyOf: (row) => row.code,
    create(row) {
      return {
        ...newRecord(agencyId, deps.newId(), deps.clock().toISOString()),
        code: row.code,
        ...shape(row),
        seatsTaken: 0,
        waitlistCount: 0,
        completedCount: 0,
      };
    },
    update(row, existing) {
      const next: TrainingProgram = { ...existing, ...shape(row) };
      if (sameData(shape(existing), shape(next))) return 'unchanged';
      // As in updateTrainingProgram: the rollups keep each enrollment under its program's category.
      if (next.category !== existing.category)
        return refused('category', row.category, 'the category of an existing program cannot change');
      if (next.capacity < existing.seatsTaken)
        return refused(
          'capacity',
          String(row.capacity),
          `must be at least the ${existing.seatsTaken} seats already taken`,
        );
      if (!canMoveProgram(existing.status, next.status))
        return refused('status', row.status, `a ${existing.status} program cannot become ${next.status}`);
      if (next.partnerId !== existing.partnerId && existing.seatsTaken + existing.waitlistCount > 0)
        return refused(
          'partner',
          row.partnerRef ?? '',
          'the partner of a program with participants cannot change',
        );
      return { ...next, version: existing.version + 1, updatedAt: deps.clock().toISOString() };
    },
    // A capacity cut is conditioned on the seats taken at write time, as the API's update is.
    writes: programWrites,
  };
  return {
    columns: PROGRAM_COLUMNS,
    keyField: 'code',
    async prepare() {
      partners = createDirectory(
        (await references.partners(agencyId)).map((p) => ({ ...p, code: p.id })),
        'partner',
      );
      units = createDirectory(await references.units(agencyId), 'unit');
    },
    check(row): RowResult<ResolvedProgram> {
      const checked = checkProgramRow(row, today());
      if (!checked.ok) return checked;
      const value: ResolvedProgram = { ...checked.value };
      const issues: CellIssue[] = [];
      if (value.partnerRef) {
        const partner = partners?.find(value.partnerRef);
        if (partner?.ok) value.partnerId = partner.record.id;
        else issues.push({ field: 'partner', value: value.partnerRef, reason: partner?.reason ?? '' });
      }
      if (value.organizerRef) {
        const unit = units?.find(value.organizerRef);
        if (unit?.ok) value.organizerUnitId = unit.record.id;
        else issues.push({ field: 'organizerUnit', value: value.organizerRef, reason: unit?.reason ?? '' });
      }
      return issues.length ? { ok: false, issues } : { ok: true, value };
    },
    naturalKey: (row) => row.code,
    classifyBatch: (rows) => upsertByKey(spec, rows, false),
    writeBatch: (rows) => upsertByKey(spec, rows, true),
  };
}
