import { UNIT_CODE_GUARD, unitEntity, unitWrites } from '../../data/entities/unit';
import { createReferenceSets } from '../../data/imports/reference-sets';
import { createDirectory, type Directory } from '../../domain/onboarding/directory';
import { checkUnitRow, UNIT_COLUMNS, type UnitRow } from '../../domain/onboarding/kinds/units';
import type { CellIssue } from '../../domain/onboarding/row-check';
import type { Agency, Unit } from '../../domain/organization';
import { newRecord } from '../../domain/record';
import type { ImportDeps } from '../import-deps';
import type { KindImporter, Numbered, RowOutcome } from '../kind-importer';
import { sameData, type UpsertSpec, upsertByKey } from '../upsert-by-key';

/** Most units one file may hold: a units file is read whole to order parents before children. */
export const MAX_UNITS_PER_FILE = 5000;

type PlacedUnit = UnitRow & { id: string; parentId?: string | undefined; ancestorIds: string[] };

const shape = (u: Pick<Unit, 'name' | 'kind' | 'region' | 'parentId' | 'ancestorIds'>) => ({
  name: u.name,
  kind: u.kind,
  region: { code: u.region.code, name: u.region.name, level: u.region.level },
  parentId: u.parentId,
  ancestorIds: u.ancestorIds,
});

/**
 * Units by code (unit kerja). Parents may come anywhere in the file, so rows are checked as they
 * come, parents resolved once the file is read (in the file, else among the agency's units; a
 * cycle is refused), and everything written at the end with each unit's ancestors computed.
 */
export function unitImporter(agencyId: string, deps: ImportDeps): KindImporter<UnitRow> {
  const references = createReferenceSets(deps.table);
  let agency: Agency | undefined;
  let stored: Directory<Unit & { code?: string }> | undefined;
  const fileRows = new Map<string, Numbered<UnitRow>>();
  const held: Numbered<UnitRow>[] = [];

  /** Where each unit of the file sits: its id (kept or new) and parent; issues for unresolvable parents. */
  function placeAll(rows: Numbered<UnitRow>[]): {
    placed: Map<string, PlacedUnit>;
    issues: Map<number, CellIssue[]>;
  } {
    const inFile = createDirectory(
      [...fileRows.values()].map((r) => ({ id: r.value.code, code: r.value.code, name: r.value.name })),
      'unit',
    );
    const issues = new Map<number, CellIssue[]>();
    const parentCode = new Map<string, string | undefined>();
    for (const { row, value } of rows) {
      if (!value.parentRef) continue;
      const local = inFile.find(value.parentRef);
      const known = local.ok ? undefined : stored?.find(value.parentRef);
      if (local.ok) parentCode.set(value.code, local.record.code);
      else if (known?.ok) parentCode.set(value.code, known.record.code ?? `#${known.record.id}`);
      else
        issues.set(row, [{ field: 'parent', value: value.parentRef, reason: known?.reason ?? local.reason }]);
    }
    const placed = new Map<string, PlacedUnit>();
    const place = (code: string, path: string[]): PlacedUnit | 'CYCLE' => {
      const done = placed.get(code);
      if (done) return done;
      if (path.includes(code)) return 'CYCLE';
      const row = fileRows.get(code);
      if (!row) throw new Error(`unit ${code} is not in the file`);
      const existing = stored?.find(code);
      const id = existing?.ok && existing.record.code === code ? existing.record.id : deps.newId();
      const parent = parentCode.get(code);
      let parentId: string | undefined;
      let ancestorIds: string[] = [];
      if (parent?.startsWith('#')) {
        const p = stored?.all().find((u) => u.id === parent.slice(1));
        parentId = p?.id;
        ancestorIds = p ? [...p.ancestorIds, p.id] : [];
      } else if (parent && fileRows.has(parent)) {
        const p = place(parent, [...path, code]);
        if (p === 'CYCLE') return 'CYCLE';
        parentId = p.id;
        ancestorIds = [...p.ancestorIds, p.id];
      } else if (parent) {
        const p = stored?.find(parent);
        if (p?.ok) {
          parentId = p.record.id;
          ancestorIds = [...p.record.ancestorIds, p.record.id];
        }
      }
      const unit: PlacedUnit = { ...row.value, id, parentId, ancestorIds };
      placed.set(code, unit);
      return unit;
    };
    for (const { row, value } of rows) {
      if (issues.has(row)) continue;
      if (place(value.code, []) === 'CYCLE')
        issues.set(row, [
          { field: 'parent', value: value.parentRef ?? '', reason: 'makes a cycle of parent units' },
        ]);
    }
    return { placed, issues };
  }

  const specFor = (placed: Map<string, PlacedUnit>): UpsertSpec<UnitRow, Unit> => ({
    table: deps.table,
    entity: unitEntity,
    agencyId,
    guardKind: UNIT_CODE_GUARD,
    writes: unitWrites,
    keyOf: (row) => row.code,
    create(row) {
      const p = placed.get(row.code) ?? { ...row, id: deps.newId(), ancestorIds: [] };
      const now = deps.clock().toISOString();
      return {
        ...newRecord(agencyId, p.id, now),
        code: row.code,
        ...shape({ ...p, region: row.region ?? (agency as Agency).region }),
      };
    },
    update(row, existing) {
      const p = placed.get(row.code) ?? { ...row, id: existing.id, ancestorIds: [] };
      const next = { ...existing, ...shape({ ...p, region: row.region ?? existing.region }) };
      if (sameData(shape(existing), shape(next))) return 'unchanged';
      return { ...next, version: existing.version + 1, updatedAt: deps.clock().toISOString() };
    },
  });

  return {
    columns: UNIT_COLUMNS,
    keyField: 'code',
    writesAtFlush: true,
    async prepare() {
      agency = await references.agency(agencyId);
      if (!agency) throw new Error(`No agency ${agencyId}`);
      stored = createDirectory(await references.units(agencyId), 'unit');
    },
    check(row) {
      const checked = checkUnitRow(row);
      if (checked.ok && !fileRows.has(checked.value.code)) {
        if (fileRows.size >= MAX_UNITS_PER_FILE)
          return {
            ok: false,
            issues: [
              {
                field: 'code',
                value: checked.value.code,
                reason: `a units file holds at most ${MAX_UNITS_PER_FILE} units`,
              },
            ],
          };
      }
      return checked;
    },
    naturalKey: (row) => row.code,
    async checkBatch(rows) {
      for (const r of rows) fileRows.set(r.value.code, r);
      return new Map();
    },
    finishChecks() {
      return placeAll([...fileRows.values()]).issues;
    },
    // Dry runs: parents not read yet count as top units here; finishChecks reports the real problems.
    classifyBatch: (rows) => upsertByKey(specFor(placeAll(rows).placed), rows, false),
    async writeBatch(rows) {
      held.push(...rows);
      return [];
    },
    async flush() {
      const { placed, issues } = placeAll(held);
      const ok = held.filter((r) => !issues.has(r.row));
      const outcomes = await upsertByKey(specFor(placed), ok, true);
      const result = new Map<number, RowOutcome>();
      ok.forEach((r, i) => {
        result.set(r.row, outcomes[i] as RowOutcome);
      });
      for (const [row, list] of issues) result.set(row, { issues: list });
      return result;
    },
  };
}
