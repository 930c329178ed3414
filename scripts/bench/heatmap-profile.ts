/**
 * `npx tsx scripts/bench/heatmap-profile.ts [records...]` (default 1000 100000): where the
 * heatmap's time goes, with no other figure running. Per record count, a table holding the
 * units, programs and rollups of that many bench records (employees and enrollments are left
 * out: an aggregate reads only rollups, units and programs); then, rounds in rotating order, the
 * median of: the rollup Query pages alone, `readCells` (pages and decoding into cells), and the
 * whole `aggregate` through the server (the heatmap of aggregate-latency.ts), as groups and as columns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { recomputeRollups, rollupItems } from '../../src/data/rollups/recompute';
import { bucketRange, rollupPartition, watermarkKey } from '../../src/data/rollups/rollup-keys';
import { readCells } from '../../src/data/rollups/rollup-reader';
import { cuboidId } from '../../src/domain/analytics/families';
import type { Measure } from '../../src/domain/analytics/measures';
import { type FamilyRead, planAggregate } from '../../src/domain/analytics/query-plan';
import { dynamoForCommand } from '../../src/local/dynamodb-local';
import { AGGREGATE_QUERY, COLUMNS_QUERY, heatmapInput } from './aggregate-latency';
import { adminClaims, type BenchApp, createBenchApp } from './bench-app';
import { collectGarbage } from './collect-garbage';
import { itemSizeBytes } from './item-size';
import { BENCH_AGENCY, benchRecords, createBenchTable } from './load-records';
import { median, round } from './statistics';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const records = sizes.length ? sizes : [1000, 100_000];
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const now = new Date();
const dataDir = mkdtempSync(join(tmpdir(), 'asn-heatmap-'));
const { endpoint, local } = await dynamoForCommand(process.env.DYNAMODB_ENDPOINT);
const { client } = createDynamoClients({ region: 'local', endpoint });
const run = `heatmap-${now.getTime().toString(36)}`;
const question = heatmapInput(now);
const planned = planAggregate(
  {
    measures: question.measures as Measure[],
    groupBy: question.groupBy as never,
    filter: {},
    from: question.filter.from,
    to: question.filter.to,
  },
  now,
);
if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
const reads: FamilyRead[] = planned.plan.reads;

interface Side {
  name: string;
  app: BenchApp;
  headers: ReturnType<BenchApp['headers']>;
  times: Record<'pages' | 'readCells' | 'aggregate' | 'columns', number[]>;
}
const sides: Side[] = [];
try {
  for (const n of records) {
    const tableName = `${run}-${n}`;
    await createBenchTable(client, tableName);
    const app = await createBenchApp({ dynamoEndpoint: endpoint, tableName, dataDir, createTable: false });
    const { items } = benchRecords(n, now);
    const kept = items.filter((i) => i.entity !== 'Employee' && i.entity !== 'Enrollment');
    const rollups = rollupItems(recomputeRollups(items));
    const started = performance.now();
    for (const batch of [kept, rollups])
      for (let i = 0; i < batch.length; i += 1000) await app.deps.table.batchPut(batch.slice(i, i + 1000));
    await app.deps.table.put({
      ...watermarkKey(BENCH_AGENCY),
      entity: 'RollupWatermark',
      asOf: now.toISOString(),
    });
    const read = await Promise.all(reads.map((r) => app.deps.table.queryAll(query(r))));
    const bytes = read.flat().reduce((sum, item) => sum + itemSizeBytes(item), 0);
    console.log(
      `${n} records: ${rollups.length} rollup items written in ${round((performance.now() - started) / 1000)} s; ` +
        `the heatmap reads ${read.flat().length} items, ${round(bytes / 1024)} KB`,
    );
    sides.push({
      name: String(n),
      app,
      headers: app.headers(await app.token(adminClaims(BENCH_AGENCY))),
      times: { pages: [], readCells: [], aggregate: [], columns: [] },
    });
  }
  // As `npm run bench` measures each figure: on a collected heap, not the loader's garbage.
  collectGarbage();
  const steps = {
    pages: (s: Side) => Promise.all(reads.map((r) => s.app.deps.table.queryAll(query(r)))),
    readCells: (s: Side) => Promise.all(reads.map((r) => readCells(s.app.deps.table, BENCH_AGENCY, r))),
    aggregate: async (s: Side) => {
      const answer = await s.app.execute(AGGREGATE_QUERY, { input: question }, s.headers);
      if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    },
    columns: async (s: Side) => {
      const answer = await s.app.execute(COLUMNS_QUERY, { input: question }, s.headers);
      if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    },
  };
  for (let r = -3; r < ROUNDS; r += 1) {
    for (const [step, run] of Object.entries(steps) as [keyof Side['times'], (s: Side) => Promise<unknown>][])
      for (let i = 0; i < sides.length; i += 1) {
        const side = sides[(Math.abs(r) + i) % sides.length] as Side;
        const started = performance.now();
        await run(side);
        if (r >= 0) side.times[step].push(performance.now() - started);
      }
  }
  for (const side of sides) {
    side.app.counter.reset();
    await steps.aggregate(side);
    console.log(
      `${side.name.padStart(7)}: pages ${round(median(side.times.pages))} ms, readCells ${round(median(side.times.readCells))} ms, ` +
        `aggregate ${round(median(side.times.aggregate))} ms as groups, ${round(median(side.times.columns))} ms as columns (${side.app.counter.requests} requests)`,
    );
  }
  const [small, large] = [sides[0], sides.at(-1)] as [Side, Side];
  for (const shape of ['aggregate', 'columns'] as const)
    console.log(`ratio ${shape} ${round(median(large.times[shape]) / median(small.times[shape]), 2)}`);
} finally {
  for (const side of sides) await side.app.close({ dropTable: !local });
  client.destroy();
  await local?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function query(read: FamilyRead) {
  return {
    partition: rollupPartition(BENCH_AGENCY, read.family, cuboidId(read.cuboid)),
    sortKey: bucketRange(read.fromBucket, read.toBucket),
  };
}
