import { type CellDelta, cellDeltas } from '../../domain/analytics/cells';
import { type Contribution, contributionOf, type JpContribution } from '../../domain/analytics/facts';
import { complianceFact, type Tally, withContribution } from '../../domain/analytics/jp-tally';
import { requestHash } from '../request-hash';
import { ConditionFailedError, type Table, type WriteOp } from '../table';
import { jpTallyKey, watermarkKey } from './rollup-keys';
import { ledgerOp, rollupAddOps } from './rollup-writes';
import type { StreamChange } from './stream-change';

/**
 * Operations per transaction, plus the chunk's ledger entry (DynamoDB allows 100). Small
 * chunks of distinct items run side by side; each is exactly-once on its own.
 */
const OPS_PER_CHUNK = 24;
const TALLY_RETRIES = 10;

export type ChangeOutcome = 'applied' | 'duplicate' | 'skipped';

/**
 * The stream aggregator, a plain function over changes: Lambda wires it to DynamoDB Streams,
 * `npm start` and the tests to a poller. Each change moves its record's facts from the old
 * image's cells to the new image's (exactly-once: every chunk of writes carries a ledger
 * entry in the same transaction, so redelivered or replayed changes change nothing).
 */
export function createRollupAggregator(table: Table, clock: () => Date = () => new Date()) {
  async function transactChunk(
    agencyId: string,
    eventId: string,
    chunk: string,
    ops: WriteOp[],
  ): Promise<boolean> {
    try {
      await table.transactWrite([ledgerOp(table, agencyId, eventId, chunk, clock()), ...ops]);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError && error.failed.includes(0)) return false;
      throw error;
    }
  }

  /** Moves one record's contribution to an employee's yearly learning tally, and the JP compliance cell with it. */
  async function applyTally(
    agencyId: string,
    eventId: string,
    recordId: string,
    employeeId: string,
    year: string,
    entry: JpContribution | undefined,
  ) {
    const key = jpTallyKey(agencyId, employeeId, year);
    for (let attempt = 0; attempt < TALLY_RETRIES; attempt += 1) {
      const stored = await table.get(key);
      const tally = (stored?.contributions ?? {}) as Tally;
      const next = withContribution(
        tally,
        recordId,
        entry && { minutes: entry.minutes, date: entry.date, profile: entry.profile },
      );
      if (requestHash(next) === requestHash(tally)) return false;
      const version = Number(stored?.version ?? 0);
      const ops: WriteOp[] = [
        {
          Put: {
            TableName: table.name,
            Item: {
              ...key,
              entity: 'JpTally',
              agencyId,
              employeeId,
              year,
              contributions: next,
              version: version + 1,
            },
            ConditionExpression: stored ? '#v = :v' : 'attribute_not_exists(pk)',
            ...(stored
              ? {
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': version },
                }
              : {}),
          },
        },
        ...rollupAddOps(table, agencyId, cellDeltas(complianceFact(tally, year), complianceFact(next, year))),
      ];
      try {
        return await transactChunk(agencyId, eventId, `jp:${employeeId}:${year}`, ops);
      } catch (error) {
        // Another change of the same tally won the race: read it again.
        if (!(error instanceof ConditionFailedError) || !error.failed.includes(1)) throw error;
      }
    }
    throw new Error(`JP tally ${employeeId}/${year} kept changing`);
  }

  async function applyJp(
    agencyId: string,
    eventId: string,
    recordId: string,
    before: Contribution,
    after: Contribution,
  ) {
    const targets = new Map<string, { employeeId: string; year: string }>();
    for (const c of [...before.jp, ...after.jp]) targets.set(`${c.employeeId}:${c.year}`, c);
    let applied = false;
    for (const { employeeId, year } of targets.values()) {
      const entry = after.jp.find((c) => c.employeeId === employeeId && c.year === year);
      applied = (await applyTally(agencyId, eventId, recordId, employeeId, year, entry)) || applied;
    }
    return applied;
  }

  /** Applies one change; `duplicate` when every part of it had been applied before. */
  async function applyChange(change: StreamChange): Promise<ChangeOutcome> {
    const image = change.newImage ?? change.oldImage;
    const agencyId = image?.agencyId;
    if (typeof agencyId !== 'string') return 'skipped';
    const before = contributionOf(change.oldImage);
    const after = contributionOf(change.newImage);
    const deltas: CellDelta[] = cellDeltas(before.facts, after.facts);
    if (deltas.length === 0 && before.jp.length === 0 && after.jp.length === 0) return 'skipped';
    const ops = rollupAddOps(table, agencyId, deltas);
    const chunks: Promise<boolean>[] = [];
    for (let i = 0; i < ops.length; i += OPS_PER_CHUNK) {
      chunks.push(
        transactChunk(agencyId, change.eventId, String(i / OPS_PER_CHUNK), ops.slice(i, i + OPS_PER_CHUNK)),
      );
    }
    chunks.push(applyJp(agencyId, change.eventId, String(image?.id), before, after));
    const applied = await Promise.all(chunks);
    return applied.some(Boolean) ? 'applied' : 'duplicate';
  }

  /** Moves each agency's freshness mark forward to the newest change applied. */
  async function advanceWatermarks(changes: readonly StreamChange[]) {
    const newest = new Map<string, Date>();
    for (const change of changes) {
      const agencyId = (change.newImage ?? change.oldImage)?.agencyId;
      if (typeof agencyId !== 'string' || !change.changedAt) continue;
      const seen = newest.get(agencyId);
      if (!seen || change.changedAt > seen) newest.set(agencyId, change.changedAt);
    }
    for (const [agencyId, at] of newest) {
      try {
        await table.transactWrite([
          {
            Update: {
              TableName: table.name,
              Key: watermarkKey(agencyId),
              UpdateExpression: 'SET asOf = :at, entity = :entity',
              ConditionExpression: 'attribute_not_exists(asOf) OR asOf < :at',
              ExpressionAttributeValues: { ':at': at.toISOString(), ':entity': 'RollupWatermark' },
            },
          },
        ]);
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    }
  }

  return { applyChange, advanceWatermarks };
}

export type RollupAggregator = ReturnType<typeof createRollupAggregator>;
