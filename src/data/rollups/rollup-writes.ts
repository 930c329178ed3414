import type { CellDelta } from '../../domain/analytics/cells';
import type { LearningTally } from '../../domain/analytics/learning-tally';
import type { Item, ItemKey } from '../item';
import {
  type CheckWrite,
  type PutWrite,
  putNew,
  type Refusal,
  type UpdateWrite,
  type Write,
  type WriteCondition,
} from '../write';
import {
  cellAttribute,
  jpTallyKey,
  LEDGER_TTL_SECONDS,
  learningTallyKey,
  ledgerKey,
  rollupKey,
  watermarkKey,
} from './rollup-keys';

/** A chunk of a stream event was applied before (a redelivery or a replay): it adds nothing again. */
export class AlreadyApplied extends Error {}

/** Another change of the same JP or learning tally (or of its employee) won the race: read it again. */
export class TallyMoved extends Error {}

/** The watermark already shows a newer change. */
export class WatermarkAhead extends Error {}

/**
 * One UpdateItem per rollup item, ADDing every component of every cell it holds. Cells are
 * grouped by item because a transaction may touch an item once.
 */
export function rollupAddWrites(agencyId: string, deltas: readonly CellDelta[]): UpdateWrite[] {
  const byItem = new Map<string, CellDelta[]>();
  for (const delta of deltas) {
    const key = rollupKey(agencyId, delta);
    const id = `${key.pk}\u0000${key.sk}`;
    const cells = byItem.get(id);
    if (cells) cells.push(delta);
    else byItem.set(id, [delta]);
  }
  return [...byItem.values()].map((cells) => {
    const [head] = cells as [CellDelta, ...CellDelta[]];
    const add: Record<string, number> = {};
    for (const cell of cells) {
      for (const [component, value] of Object.entries(cell.components))
        add[cellAttribute(cell.tail, component)] = value;
    }
    return {
      update: rollupKey(agencyId, head),
      set: { entity: 'Rollup', family: head.family, cuboid: head.cuboid, bucket: head.bucket },
      add,
    };
  });
}

/** The ledger entry of one chunk of one change: written once, so a replayed chunk is AlreadyApplied. */
export function ledgerWrite(agencyId: string, eventId: string, chunk: string, now: Date): PutWrite {
  return putNew(
    {
      ...ledgerKey(agencyId, eventId, chunk),
      entity: 'RollupLedger',
      expiresAt: Math.floor(now.getTime() / 1000) + LEDGER_TTL_SECONDS,
    },
    (_, cause) => new AlreadyApplied(`${eventId}/${chunk} was applied before`, { cause }),
  );
}

/** An employee's JP tally for a year, put under its version (the one read; absent for a new tally). */
export function tallyWrite(
  agencyId: string,
  employeeId: string,
  year: string,
  contributions: Record<string, unknown>,
  readVersion: number | undefined,
): Write {
  const item = {
    ...jpTallyKey(agencyId, employeeId, year),
    entity: 'JpTally',
    agencyId,
    employeeId,
    year,
    contributions,
    version: (readVersion ?? 0) + 1,
  };
  return putUnderVersion(
    item,
    readVersion,
    (_, cause) => new TallyMoved(`JP tally ${employeeId}/${year} moved`, { cause }),
  );
}

/** The stored item has this version. */
const versionIs = (version: number): WriteCondition => ({
  expression: '#v = :v',
  names: { '#v': 'version' },
  values: { ':v': version },
});

/** Puts a tally item over the version read (a new one only where none exists): refused when it moved meanwhile. */
function putUnderVersion(item: Item, readVersion: number | undefined, refused: Refusal): PutWrite {
  if (readVersion === undefined) return putNew(item, refused);
  return { put: item, condition: versionIs(readVersion), refused };
}

/** The stored item of an employee's learning tally for a year (no `unitId` while they are not active). */
export function learningTallyItem(
  agencyId: string,
  employeeId: string,
  year: string,
  tally: LearningTally,
  version: number,
): Item {
  return {
    ...learningTallyKey(agencyId, employeeId, year),
    entity: 'LearningTally',
    agencyId,
    employeeId,
    year,
    ...(tally.unitId ? { unitId: tally.unitId } : {}),
    quarters: tally.quarters,
    version,
  };
}

/** An employee's learning tally for a year, put under its version (the one read; absent for a new tally). */
export function learningTallyWrite(
  agencyId: string,
  employeeId: string,
  year: string,
  tally: LearningTally,
  readVersion: number | undefined,
): Write {
  return putUnderVersion(
    learningTallyItem(agencyId, employeeId, year, tally, (readVersion ?? 0) + 1),
    readVersion,
    (_, cause) => new TallyMoved(`learning tally ${employeeId}/${year} moved`, { cause }),
  );
}

/**
 * Holds a tally's write to the employee item as read (its version, or its absence): the unit a
 * tally is written with is the employee's at commit time; a later change of the employee refreshes it.
 */
export function employeeUnchanged(key: ItemKey, read: Item | undefined): CheckWrite {
  const refused = (_: unknown, cause: unknown) => new TallyMoved(`employee ${key.pk} changed`, { cause });
  if (!read) return { check: key, condition: { expression: 'attribute_not_exists(pk)' }, refused };
  if (typeof read.version !== 'number')
    return {
      check: key,
      condition: {
        expression: 'attribute_exists(pk) AND attribute_not_exists(#v)',
        names: { '#v': 'version' },
      },
      refused,
    };
  return { check: key, condition: versionIs(read.version), refused };
}

/** Moves an agency's freshness mark forward to `at`, never back. */
export function watermarkWrite(agencyId: string, at: Date): UpdateWrite {
  return {
    update: watermarkKey(agencyId),
    set: { asOf: at.toISOString(), entity: 'RollupWatermark' },
    condition: {
      expression: 'attribute_not_exists(#asOf) OR #asOf < :at',
      names: { '#asOf': 'asOf' },
      values: { ':at': at.toISOString() },
    },
    refused: (_, cause) => new WatermarkAhead('newer already', { cause }),
  };
}
