import { type CellDelta, cellDeltas } from '../../domain/analytics/cells';
import { type Contribution, contributionOf, type JpContribution } from '../../domain/analytics/facts';
import { complianceFact, type Tally, withContribution } from '../../domain/analytics/jp-tally';
import {
  activeUnitOf,
  type LearningTally,
  learnerFacts,
  learningOf,
  tallyYearsOf,
  withLearning,
} from '../../domain/analytics/learning-tally';
import { employeeEntity } from '../entities/employee';
import { requestHash } from '../request-hash';
import type { Table } from '../table';
import { waitForAll } from '../wait-for-all';
import type { Write } from '../write';
import { createProgramCategories } from './program-categories';
import { jpTallyKey, learningTallyKey, learningTallyPartition } from './rollup-keys';
import {
  AlreadyApplied,
  employeeUnchanged,
  learningTallyWrite,
  ledgerWrite,
  rollupAddWrites,
  TallyMoved,
  tallyWrite,
  WatermarkAhead,
  watermarkWrite,
} from './rollup-writes';
import type { StreamChange } from './stream-change';

/**
 * Operations per transaction, plus the chunk's ledger entry (DynamoDB allows 100). Small
 * chunks of distinct items run side by side; each is exactly-once on its own.
 */
const OPS_PER_CHUNK = 24;

export type ChangeOutcome = 'applied' | 'duplicate' | 'skipped';

/**
 * The stream aggregator, a plain function over changes: Lambda wires it to DynamoDB Streams,
 * `npm start` and the tests to a poller. Each change moves its record's facts from the old
 * image's cells to the new image's (exactly-once: every chunk of writes carries a ledger
 * entry in the same transaction, so redelivered or replayed changes change nothing).
 */
export function createRollupAggregator(table: Table, clock: () => Date = () => new Date()) {
  const programs = createProgramCategories(table);

  async function transactChunk(
    agencyId: string,
    eventId: string,
    chunk: string,
    writes: Write[],
  ): Promise<boolean> {
    try {
      await table.transact([ledgerWrite(agencyId, eventId, chunk, clock()), ...writes]);
      return true;
    } catch (error) {
      if (error instanceof AlreadyApplied) return false;
      throw error;
    }
  }

  /**
   * Moves one record's contribution to an employee's yearly learning tally, and the JP compliance
   * cell with it; a tally another change moved meanwhile is read again (within the job's budget).
   */
  function applyTally(
    agencyId: string,
    eventId: string,
    recordId: string,
    employeeId: string,
    year: string,
    entry: JpContribution | undefined,
  ): Promise<boolean> {
    const key = jpTallyKey(agencyId, employeeId, year);
    return table.retries.retry(
      async () => {
        const stored = await table.get(key);
        const tally = (stored?.contributions ?? {}) as Tally;
        const next = withContribution(
          tally,
          recordId,
          entry && { minutes: entry.minutes, date: entry.date, profile: entry.profile },
        );
        if (requestHash(next) === requestHash(tally)) return false;
        const writes: Write[] = [
          tallyWrite(agencyId, employeeId, year, next, stored ? Number(stored.version ?? 0) : undefined),
          ...rollupAddWrites(agencyId, cellDeltas(complianceFact(tally, year), complianceFact(next, year))),
        ];
        return transactChunk(agencyId, eventId, `jp:${employeeId}:${year}`, writes);
      },
      { retryable: (error) => error instanceof TallyMoved },
    );
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

  /**
   * Brings an employee's learning tally for a year up to date: one record's learning set (when
   * `record` is given) and the employee's unit read now, with the learner cells it moves; the
   * transaction holds only while the employee is as read. A change of nothing still marks the
   * event applied, so a replay of it after later changes cannot bring an old quarter back.
   */
  function applyLearningTally(
    agencyId: string,
    eventId: string,
    employeeId: string,
    year: string,
    record?: { id: string; quarter: string | undefined },
  ): Promise<boolean> {
    const key = learningTallyKey(agencyId, employeeId, year);
    const employeeKey = employeeEntity.key(agencyId, employeeId);
    const chunk = `learn:${employeeId}:${year}`;
    return table.retries.retry(
      async () => {
        const [stored, employee] = await Promise.all([table.get(key), table.get(employeeKey)]);
        const quarters = (stored?.quarters ?? {}) as Record<string, string>;
        const tally: LearningTally = stored?.unitId
          ? { unitId: String(stored.unitId), quarters }
          : { quarters };
        const unitId = activeUnitOf(employee);
        let next: LearningTally = unitId ? { unitId, quarters } : { quarters };
        if (record) next = withLearning(next, record.id, record.quarter);
        if (requestHash(next) === requestHash(tally))
          return record ? transactChunk(agencyId, eventId, chunk, []) : false;
        const writes: Write[] = [
          learningTallyWrite(
            agencyId,
            employeeId,
            year,
            next,
            stored ? Number(stored.version ?? 0) : undefined,
          ),
          employeeUnchanged(employeeKey, employee),
          ...rollupAddWrites(agencyId, cellDeltas(learnerFacts(tally, year), learnerFacts(next, year))),
        ];
        return transactChunk(agencyId, eventId, chunk, writes);
      },
      { retryable: (error) => error instanceof TallyMoved },
    );
  }

  /** Moves a record's learning between the tallies of the years it touches (before and after). */
  async function applyLearning(
    agencyId: string,
    eventId: string,
    recordId: string,
    before: Contribution,
    after: Contribution,
  ) {
    const targets = new Map<string, { employeeId: string; year: string; quarter: string | undefined }>();
    for (const l of learningOf(before))
      for (const year of tallyYearsOf(l.quarter))
        targets.set(`${l.employeeId}:${year}`, { employeeId: l.employeeId, year, quarter: undefined });
    for (const l of learningOf(after))
      for (const year of tallyYearsOf(l.quarter))
        targets.set(`${l.employeeId}:${year}`, { employeeId: l.employeeId, year, quarter: l.quarter });
    // Distinct tallies, each its own transaction: side by side.
    const applied = await waitForAll(
      [...targets.values()].map(({ employeeId, year, quarter }) =>
        applyLearningTally(agencyId, eventId, employeeId, year, { id: recordId, quarter }),
      ),
    );
    return applied.some(Boolean);
  }

  /** An employee who joined, left or moved unit: every learning tally of theirs takes the unit now. */
  async function applyEmployeeUnit(agencyId: string, eventId: string, change: StreamChange) {
    const employeeId = (change.newImage ?? change.oldImage)?.id;
    if (typeof employeeId !== 'string') return false;
    if (activeUnitOf(change.oldImage) === activeUnitOf(change.newImage)) return false;
    const tallies = await table.queryAll({
      partition: learningTallyPartition(agencyId, employeeId),
      consistent: true,
    });
    const applied = await waitForAll(
      tallies.map((tally) => applyLearningTally(agencyId, eventId, employeeId, String(tally.sk))),
    );
    return applied.some(Boolean);
  }

  /** Applies one change; `duplicate` when every part of it had been applied before. */
  async function applyOne(change: StreamChange): Promise<ChangeOutcome> {
    const image = change.newImage ?? change.oldImage;
    const agencyId = image?.agencyId;
    if (typeof agencyId !== 'string') return 'skipped';
    await programs.load([change.oldImage, change.newImage]);
    const before = contributionOf(change.oldImage, programs.of);
    const after = contributionOf(change.newImage, programs.of);
    const deltas: CellDelta[] = cellDeltas(before.facts, after.facts);
    if (deltas.length === 0 && before.jp.length === 0 && after.jp.length === 0) return 'skipped';
    const ops = rollupAddWrites(agencyId, deltas);
    const chunks: Promise<boolean>[] = [];
    for (let i = 0; i < ops.length; i += OPS_PER_CHUNK) {
      chunks.push(
        transactChunk(agencyId, change.eventId, String(i / OPS_PER_CHUNK), ops.slice(i, i + OPS_PER_CHUNK)),
      );
    }
    chunks.push(applyJp(agencyId, change.eventId, String(image?.id), before, after));
    chunks.push(applyLearning(agencyId, change.eventId, String(image?.id), before, after));
    if (image?.entity === 'Employee') chunks.push(applyEmployeeUnit(agencyId, change.eventId, change));
    const applied = await waitForAll(chunks);
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
        await table.transact([watermarkWrite(agencyId, at)]);
      } catch (error) {
        if (!(error instanceof WatermarkAhead)) throw error;
      }
    }
  }

  return {
    /**
     * Reads the programs of a change set's enrollments in one BatchGetItem before its changes are
     * applied one by one (each would otherwise read its own program the first time it is met).
     */
    loadPrograms: (changes: readonly StreamChange[]) =>
      table.retries.forJob(() => programs.load(changes.flatMap((c) => [c.oldImage, c.newImage]))),
    /** Applies one change under a system job's retry budget (or the poll's it runs in). */
    applyChange: (change: StreamChange) => table.retries.forJob(() => applyOne(change)),
    advanceWatermarks: (changes: readonly StreamChange[]) =>
      table.retries.forJob(() => advanceWatermarks(changes)),
  };
}

export type RollupAggregator = ReturnType<typeof createRollupAggregator>;
