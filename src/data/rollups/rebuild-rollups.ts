import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { requestHash } from '../request-hash';
import type { Item, Table } from '../table';
import { recomputeRollups, rollupItems } from './recompute';
import { watermarkKey } from './rollup-keys';
import { markRollupLayout } from './rollup-layout';

const CHECKPOINT = { pk: 'System#RollupRebuild', sk: 'Checkpoint' };
const DERIVED_ENTITIES = new Set(['Rollup', 'JpTally', 'LearningTally']);
const BATCH = 200;
/** BatchWriteItem calls of a batch in flight at once (layout 2 has many small items). */
const WRITERS = 4;

export interface RebuildProgress {
  phase: 'scan' | 'write' | 'clean';
  done: number;
  total?: number | undefined;
}

export interface RebuildResult {
  baseItems: number;
  rollupItems: number;
  tallies: number;
  learningTallies: number;
  removed: number;
  resumedFrom: number;
}

/**
 * Recomputes every rollup, JP and learning tally from the base items (repair, new measures, first start,
 * a new rollup layout) and replaces the stored ones, deleting those it no longer produces (items
 * of an older layout among them); then marks the table's layout current (rollup-layout.ts). Resumable: the write phase records its progress with a
 * fingerprint of what it writes, so a rerun over unchanged data continues where it stopped;
 * every write is a full put, so repeating one is harmless. Run it with the aggregator paused.
 */
export async function rebuildRollups(
  table: Table,
  now: Date,
  onProgress: (p: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const base: Item[] = [];
  const derived: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new ScanCommand({ TableName: table.name, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of (out.Items ?? []) as Item[])
      (DERIVED_ENTITIES.has(String(item.entity)) ? derived : base).push(item);
    startKey = out.LastEvaluatedKey;
    onProgress({ phase: 'scan', done: base.length + derived.length });
  } while (startKey);

  const recomputed = recomputeRollups(base);
  const targets = rollupItems(recomputed);
  const fingerprint = requestHash(targets);
  const checkpoint = await table.get(CHECKPOINT);
  const resumedFrom = checkpoint?.fingerprint === fingerprint ? Number(checkpoint.written ?? 0) : 0;

  for (let i = resumedFrom; i < targets.length; i += BATCH) {
    await table.batchPut(targets.slice(i, i + BATCH), WRITERS);
    const written = Math.min(i + BATCH, targets.length);
    await table.put({ ...CHECKPOINT, entity: 'RebuildCheckpoint', fingerprint, written });
    onProgress({ phase: 'write', done: written, total: targets.length });
  }

  const keep = new Set(targets.map((t) => `${t.pk}\u0000${t.sk}`));
  const stale = derived.filter((d) => !keep.has(`${d.pk}\u0000${d.sk}`));
  for (let i = 0; i < stale.length; i += BATCH) {
    await table.batchDelete(
      stale.slice(i, i + BATCH).map((d) => ({ pk: String(d.pk), sk: String(d.sk) })),
      WRITERS,
    );
    onProgress({ phase: 'clean', done: Math.min(i + BATCH, stale.length), total: stale.length });
  }
  const agencies = new Set(base.map((b) => b.agencyId).filter((a): a is string => typeof a === 'string'));
  for (const agencyId of agencies)
    await table.put({ ...watermarkKey(agencyId), entity: 'RollupWatermark', asOf: now.toISOString() });
  await markRollupLayout(table);
  await table.put({ ...CHECKPOINT, entity: 'RebuildCheckpoint', fingerprint: 'done', written: 0 });
  return {
    baseItems: base.length,
    rollupItems: recomputed.rollups.size,
    tallies: recomputed.tallies.size,
    learningTallies: recomputed.learningTallies.size,
    removed: stale.length,
    resumedFrom,
  };
}
