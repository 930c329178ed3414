import type { CellDelta } from '../../domain/analytics/cells';
import { type PutWrite, putNew, type UpdateWrite, type Write } from '../write';
import {
  cellAttribute,
  jpTallyKey,
  LEDGER_TTL_SECONDS,
  ledgerKey,
  rollupKey,
  watermarkKey,
} from './rollup-keys';

/** A chunk of a stream event was applied before (a redelivery or a replay): it adds nothing again. */
export class AlreadyApplied extends Error {}

/** Another change of the same JP tally won the race: read it again. */
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
  const moved = (_: unknown, cause: unknown) =>
    new TallyMoved(`JP tally ${employeeId}/${year} moved`, { cause });
  if (readVersion === undefined) return putNew(item, moved);
  return {
    put: item,
    condition: { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': readVersion } },
    refused: moved,
  };
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
