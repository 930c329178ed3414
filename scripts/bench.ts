/**
 * `npm run bench`: every benchmark of DESIGN.md's contract in one run, on one DynamoDB Local
 * started here in memory (or DYNAMODB_ENDPOINT, whose tables are dropped afterwards). Prints a
 * table (figure, value, goal, pass/fail) and writes `bench/results.json`, a flat object of
 * numbers: the contract's keys, then extras.
 *
 * Contract figures (DESIGN.md, "Benchmark contract" and "Performance goals"):
 * - dynamoRoundTripsNestedQuery / dynamoRequestsNestedQuery: sequential waves and total DynamoDB
 *   requests of one query "20 employees, each with enrollments -> program, mentorships ->
 *   mentor" on the demo data, counted on the server's DynamoDB client (bench/nested-query.ts).
 * - warmOverheadRatio: median time of a query through the whole server (token verification
 *   included) / median of a bare `graphql.execute` of it; the query is answered from memory on
 *   both sides (bench/warm-overhead.ts says which and why).
 * - coldInitMs / bundleKb: the built GraphQL Lambda bundle's size, and the median time from its
 *   `import()` in a fresh `node` until it answered a first query (bench/lambda-cold-start.ts).
 * - aggregateLatencyRatio: median latency of a dashboard's everyday aggregate (completion rate, JP
 *   and enrollments by UNIT x QUARTER over 24 months, 88 groups) on 100k records / on 1k records,
 *   each set in its own table (bench/load-records.ts, bench/aggregate-latency.ts).
 * - throughputRps / p99Ms / errorRate: autocannon, 10 connections for 12 s, against the local
 *   HTTP API on the demo data with a mixed dashboard + partner workload (bench/load-test.ts);
 *   errors are non-2xx, GraphQL `errors` in a 200 and connection errors or timeouts, over all.
 *
 * - concurrentSimpleQueryMs: median latency of a `me` query while the heaviest request the limits
 *   allow (100 employees x 100 enrollments with programs, on the 100k set) runs beside it again
 *   and again in the same process (bench/concurrent-simple-query.ts); extras simpleQueryAloneMs,
 *   heaviestAllowedMs and heaviestAllowedKb.
 *
 * Extras: nestedQueryMedianMs (that query's latency); warmServerMedianMs / warmBareMedianMs
 * (the two sides of warmOverheadRatio); loadTestRequests (requests the load test completed);
 * load100kSeconds (BatchWriteItem of the 100k base records, one call in flight) and
 * rollups100kSeconds (computing their rollups with the aggregator's recomputation and writing
 * them); aggregateMedianMs / aggregate1kMedianMs (the two sides of aggregateLatencyRatio) and
 * aggregateRequests (DynamoDB requests of the 100k answer); heatmapMs100k (contract) and heatmapRequests:
 * the 3-dimension UNIT x PROGRAM_CATEGORY x MONTH aggregate over 24 months (2,640 groups) on 100k
 * records, answered as columns (`AggregateResult.columns`, as a heatmap asks), with
 * heatmapGroupsMs100k the same answer as 2,640 group objects, and heatmap1kMedianMs and heatmapRatio
 * (contract: 100k / 1k). 1k records cannot fill the heatmap's groups (about 600 get data; the rest
 * are zero-filled months) while from about 10k on every group holds data: the rollups read grow
 * with the groups that hold data until every group does, then stay put, so the heatmap's 100k /
 * 1k ratio is mostly the growth of the cells read. (A 10k set, loaded until 2026-12-04, measured
 * that plateau; it took 25–40 s of each run, and the run has to stay under 10 minutes.)
 * - largestRollupItemKb100k / largestRollupItemKb1M: the largest rollup item the 100k loader wrote,
 *   and by simulation of a large agency's 1M records: all its employees and one month's
 *   enrollments, since a MONTH family's item holds one month (bench/rollup-sizes.ts).
 * - apiCpuMsPerRequest_<op> / floorCpuMsPerRequest_<op> (extras cpuRatio_<op>,
 *   dynamoCallsPerRequest_<op>): per kind of the load test's requests (bench/cpu-per-request.ts);
 *   loadCpuApiPercent / loadCpuDynamoPercent / loadCpuGeneratorPercent: where the CPU went during
 *   the load test (% of one core).
 * - importEmployeesRowsPerSecond / importEnrollmentsRowsPerSecond / importPeakRssMb: files of
 *   new employees, then of their enrollments (importRows: 5k rows in a full run, the goal's 100k
 *   with `--only-imports`, BENCH_IMPORT_ROWS overrides), into a table without a stream, as the
 *   aggregate data sets load (bench/import-speed.ts); the *Streamed extras: the same at 1k rows
 *   (BENCH_STREAMED_IMPORT_ROWS) into a table with its stream, as beside `npm start`.
 *   `--only-imports` measures just these and merges them into the results file; `--skip-imports`
 *   measures everything else and keeps them from the results file.
 * - partnerSyncChangesPerSecond (extras partnerSyncRequests, partnerSyncDynamoRequests...): a
 *   partner pulling its 10k-change feed from scratch, pages of 100 (bench/partner-sync.ts).
 *
 * `--quick` (bench/bench-plan.ts): every figure at smaller scales, the same keys and `"quick": 1`;
 * each figure has a time allotment (printed at the end against the time it took) and benchSeconds
 * is the whole run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../src/config/load-config';
import { createDynamoClients } from '../src/data/dynamo-client';
import { seedDemoData } from '../src/demo/seed-demo-data';
import { dynamoForCommand } from '../src/local/dynamodb-local';
import { dashboardInput, heatmapInput, measureAggregateLatency } from './bench/aggregate-latency';
import { type BenchApp, createBenchApp } from './bench/bench-app';
import { type BenchPlan, benchPlan, createFigureClock } from './bench/bench-plan';
import { measureConcurrentSimpleQuery } from './bench/concurrent-simple-query';
import { measureCpuPerRequest } from './bench/cpu-per-request';
import { measureFirstStart } from './bench/first-start';
import { measureImports } from './bench/import-speed';
import { measureLambda } from './bench/lambda-cold-start';
import { createBenchTable, type LoadProgress, type LoadResult, loadRecords } from './bench/load-records';
import { runLoadTest } from './bench/load-test';
import { measureNestedQuery } from './bench/nested-query';
import { loadPartnerFeed, measurePartnerSync } from './bench/partner-sync';
import { orderedResults, resultsTable } from './bench/results-table';
import { simulateLargestRollupItem } from './bench/rollup-sizes';
import { round } from './bench/statistics';
import { measureWarmOverhead } from './bench/warm-overhead';
import { measureWebhookDelivery } from './bench/webhook-delivery';

const RESULTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'results.json');
/** Scales and time allotments of this run (`--quick`: smaller scales, same keys; bench/bench-plan.ts). */
const plan = benchPlan(process.argv, process.env);
const clock = createFigureClock(plan);
const LOAD_TEST_SECONDS = plan.loadTestSeconds;
const IMPORT_ROWS = plan.importRows;
/** `--only-imports`: just the import figures (merged into the existing results file). */
const ONLY_IMPORTS = process.argv.includes('--only-imports');
/**
 * `--skip-imports`: every other figure, keeping the import figures of the results file (from a
 * `--only-imports` run: 100k-row imports take DynamoDB Local about 15 minutes on 2 quiet cores).
 */
const SKIP_IMPORTS = process.argv.includes('--skip-imports');
/** The figures of the last results file, if any. */
const previousResults = (): Record<string, number> =>
  existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, number>) : {};
/** Keys of the import figures (kept by `--skip-imports`). */
const isImportKey = (key: string) => key.startsWith('import');

const started = performance.now();
let lap = started;
const say = (message: string) => {
  const now = performance.now();
  console.log(`[bench] ${message} (+${((now - lap) / 1000).toFixed(1)} s)`);
  lap = now;
};

const config = loadConfig(process.env);
const now = new Date();
const run = `bench-${now.getTime().toString(36)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'asn-bench-'));
const tables = {
  demo: `${run}-demo`,
  imports: `${run}-imports`,
  importsStreamed: `${run}-imports-streamed`,
  lambda: `${run}-lambda`,
  records: [] as string[],
};

const { endpoint, local: dynamo } = await dynamoForCommand(config.dynamoEndpoint);
say(dynamo ? `DynamoDB Local (in memory) on ${endpoint}` : `using DynamoDB at ${endpoint}`);

const apps: BenchApp[] = [];
const results: Record<string, number> = {};
try {
  if (!SKIP_IMPORTS) await measureImportFigures();
  else
    Object.assign(
      results,
      Object.fromEntries(Object.entries(previousResults()).filter(([k]) => isImportKey(k))),
    );
  if (ONLY_IMPORTS) {
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(orderedResults({ ...previousResults(), ...results }), null, 2)}\n`,
    );
    console.log(`Wrote the import figures into ${RESULTS_FILE}`);
  } else {
    // The demo's figures read and write through the API; none follows the stream.
    const demo = await createBenchApp({
      dynamoEndpoint: endpoint,
      tableName: tables.demo,
      dataDir,
      stream: false,
    });
    apps.push(demo);
    // The figures ask as medan's administrator and as the partner usu (whose programs take
    // medan's and binjai's staff): a quick run seeds only those two agencies.
    const seeded = await clock.figure('demo', () =>
      seedDemoData(demo.deps.table, now, 'all', {
        rollups: true,
        ...(plan.quick ? { agencies: ['medan', 'binjai'] } : {}),
      }),
    );
    say(`seeded ${seeded.items} demo items and ${seeded.rollups} rollup items`);

    Object.assign(results, await clock.figure('nestedQuery', () => measureNestedQuery(demo)));
    say(
      `nested query: ${results.dynamoRoundTripsNestedQuery} waves, ${results.dynamoRequestsNestedQuery} requests`,
    );

    Object.assign(results, await clock.figure('warmOverhead', () => measureWarmOverhead(demo)));
    say(`warm overhead: ${results.warmOverheadRatio}x`);

    Object.assign(
      results,
      await clock.figure('webhooks', () => measureWebhookDelivery(demo, now, plan.webhookDeliveries)),
    );
    say(
      `webhooks: ${results.webhookDeliveriesPerSecond}/s, delay median ${results.webhookDelayMedianMs} ms, p99 ${results.webhookDelayP99Ms} ms`,
    );

    Object.assign(
      results,
      await clock.figure('lambda', (budgetMs) =>
        measureLambda({ dynamoEndpoint: endpoint, tableName: tables.lambda, budgetMs }),
      ),
    );
    say(
      `Lambda bundle: ${results.bundleKb} KB (floor ${results.bundleFloorKb} KB, ${results.bundleRatio}x), ` +
        `cold start ${results.coldInitMs} ms (floor ${results.coldInitFloorMs} ms, ${results.coldInitRatio}x)`,
    );
    Object.assign(
      results,
      await clock.figure('firstStart', (budgetMs) => measureFirstStart(budgetMs, plan.warmStarts)),
    );
    say(
      `npm start: first ${results.firstStartSeconds} s (answering after ${results.firstAnswerSeconds} s), warm ${results.warmStartSeconds} s`,
    );

    const bar = new SingleBar(
      { format: '  {phase} [{bar}] {value}/{total} s', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(LOAD_TEST_SECONDS, 0, { phase: 'load test' });
    const load = await clock.figure('loadTest', () =>
      runLoadTest({
        dynamoEndpoint: endpoint,
        tableName: tables.demo,
        dataDir,
        now,
        durationSeconds: LOAD_TEST_SECONDS,
        onTick: (seconds) => bar.update(Math.min(seconds, LOAD_TEST_SECONDS)),
        // CPU per request of each kind, on the same API process, before the load.
        beforeLoad: async (api, requests) => {
          const cpu = await clock.figure('cpuPerRequest', () =>
            measureCpuPerRequest(demo, api, requests, { endpoint, count: plan.cpuRequests }),
          );
          Object.assign(results, cpu);
        },
      }),
    );
    bar.stop();
    Object.assign(results, load);
    say(`load test: ${load.throughputRps} req/s, p99 ${load.p99Ms} ms, error rate ${load.errorRate}`);

    // Before the large record sets fill DynamoDB Local's (in-memory) heap.
    Object.assign(
      results,
      await clock.figure('partnerSync', (budgetMs) => measurePartnerSyncFigure(budgetMs)),
    );
    say(
      `partner sync: ${results.partnerSyncChangesPerSecond} changes/s, ${results.partnerSyncRequests} requests`,
    );

    const { sets, large } = await clock.figure('recordSets', () => loadAggregateDataSets(endpoint));
    results.largestRollupItemKb100k = round(large.largestRollupItemKb);
    results.load100kSeconds = round(large.recordSeconds);
    results.rollups100kSeconds = round(large.rollupSeconds);
    const aggregate = await clock.figure('aggregates', (budgetMs) =>
      measureAggregateLatency(sets, dashboardInput(now), { budgetMs: budgetMs / 2 }),
    );
    results.aggregateLatencyRatio = round(aggregate['100k'].medianMs / aggregate['1k'].medianMs, 2);
    results.aggregateMedianMs = round(aggregate['100k'].medianMs);
    results.aggregate1kMedianMs = round(aggregate['1k'].medianMs);
    results.aggregateRequests = aggregate['100k'].requests;
    const heatmap = await clock.figure('aggregates', (budgetMs) =>
      measureAggregateLatency(sets, heatmapInput(now), { budgetMs: budgetMs / 2, shape: 'columns' }),
    );
    const heatmapGroups = await clock.figure('aggregates', (budgetMs) =>
      measureAggregateLatency({ '100k': sets['100k'] }, heatmapInput(now), {
        budgetMs: budgetMs / 4,
        rounds: 10,
      }),
    );
    results.heatmapGroupsMs100k = round(heatmapGroups['100k'].medianMs);
    results.heatmapMs100k = round(heatmap['100k'].medianMs);
    results.heatmap1kMedianMs = round(heatmap['1k'].medianMs);
    results.heatmapRatio = round(heatmap['100k'].medianMs / heatmap['1k'].medianMs, 2);
    results.heatmapRequests = heatmap['100k'].requests;
    for (const [question, samples] of [
      ['unit x quarter', aggregate],
      ['unit x category x month (columns)', heatmap],
      ['unit x category x month (groups)', heatmapGroups],
    ] as const)
      for (const [name, a] of Object.entries(samples))
        say(
          `${question} on ${name.padStart(4)}: ${round(a.medianMs)} ms, ${a.requests} requests in ${a.waves} waves, ` +
            `${a.groups} groups (${a.filledGroups} with enrollments, ${a.enrollments} enrollments in all)`,
        );

    Object.assign(
      results,
      await clock.figure('concurrentQuery', () => measureConcurrentSimpleQuery(sets['100k'])),
    );
    say(
      `me beside the heaviest allowed request (${results.heaviestAllowedKb} KB in ${results.heaviestAllowedMs} ms): ` +
        `${results.concurrentSimpleQueryMs} ms (alone ${results.simpleQueryAloneMs} ms)`,
    );

    const simulated = await clock.figure('rollupSizes', async () =>
      simulateLargestRollupItem(plan.simulatedRecords, now, true),
    );
    results.largestRollupItemKb1M = round(simulated.kb);
    say(
      `largest rollup item: ${results.largestRollupItemKb100k} KB at 100k, ${results.largestRollupItemKb1M} KB simulated at ${plan.simulatedRecords} records (${simulated.key})`,
    );

    if (plan.quick) results.quick = 1;
    results.benchSeconds = round((performance.now() - started) / 1000);
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(orderedResults(results), null, 2)}\n`);
    console.log(`\n${resultsTable(results)}\n`);
    console.log(`Time per figure (allotted):\n${clock.table()}\n`);
    console.log(
      `Wrote ${RESULTS_FILE} in ${((performance.now() - started) / 1000).toFixed(0)} s (Node ${process.version}).`,
    );
  }
} finally {
  const external = !dynamo;
  await Promise.all(apps.map((app) => app.close({ dropTable: external })));
  if (external) {
    const { client } = createDynamoClients({ region: 'local', endpoint });
    for (const tableName of [tables.lambda, ...tables.records])
      await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
    client.destroy();
  }
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The import figures: 100k-row files into a stream-less table, a smaller import into a streamed one. */
async function measureImportFigures() {
  // The 100k-row figures import into a table without a stream, as the aggregate data sets load
  // (DynamoDB Local's emulated stream costs it most of its CPU per write); a smaller import into
  // a table with its stream, as `npm start` has, gives the *Streamed figures.
  const { client: admin } = createDynamoClients({ region: 'local', endpoint });
  await createBenchTable(admin, tables.imports);
  admin.destroy();
  const importApp = await createBenchApp({
    dynamoEndpoint: endpoint,
    tableName: tables.imports,
    dataDir,
    createTable: false,
  });
  apps.push(importApp);
  Object.assign(
    results,
    await clock.figure('imports', () => measureImports(importApp, dataDir, IMPORT_ROWS, now, endpoint)),
  );
  say(
    `import of ${IMPORT_ROWS} rows (no stream): employees ${results.importEmployeesRowsPerSecond} rows/s, enrollments ${results.importEnrollmentsRowsPerSecond} rows/s, peak RSS ${results.importPeakRssMb} MB`,
  );
  const streamedApp = await createBenchApp({
    dynamoEndpoint: endpoint,
    tableName: tables.importsStreamed,
    dataDir,
  });
  apps.push(streamedApp);
  const streamed = await clock.figure('importsStreamed', () =>
    measureImports(streamedApp, dataDir, plan.streamedImportRows, now, endpoint),
  );
  Object.assign(results, streamedFigures(streamed));
  say(
    `import of ${plan.streamedImportRows} rows (stream on): employees ${results.importEmployeesRowsPerSecondStreamed} rows/s, enrollments ${results.importEnrollmentsRowsPerSecondStreamed} rows/s`,
  );
}

/** The figures of the import into a table with its stream, under their own names. */
function streamedFigures(figures: Awaited<ReturnType<typeof measureImports>>): Record<string, number> {
  return {
    importEmployeesRowsPerSecondStreamed: figures.importEmployeesRowsPerSecond,
    importEnrollmentsRowsPerSecondStreamed: figures.importEnrollmentsRowsPerSecond,
    ...(figures.importEmployeesDynamoCpuMsPerRow === undefined
      ? {}
      : {
          importEmployeesDynamoCpuMsPerRowStreamed: figures.importEmployeesDynamoCpuMsPerRow,
          importEnrollmentsDynamoCpuMsPerRowStreamed: figures.importEnrollmentsDynamoCpuMsPerRow as number,
        }),
    importStreamedRows: figures.importRows,
  };
}

/** The partner's feed in a table of its own, then pulled from scratch. */
async function measurePartnerSyncFigure(budgetMs: number) {
  const tableName = `${run}-partner`;
  tables.records.push(tableName);
  const app = await createBenchApp({ dynamoEndpoint: endpoint, tableName, dataDir, stream: false });
  apps.push(app);
  const changes = await loadPartnerFeed(app, plan.partnerChanges, now);
  return measurePartnerSync(app, changes, { budgetMs: budgetMs / 2 });
}

/** Tables of 1k and 100k bench records with their rollups, an app on each; the 100k load's timings. */
async function loadAggregateDataSets(
  endpoint: string,
): Promise<{ sets: Record<keyof BenchPlan['recordSets'], BenchApp>; large: LoadResult }> {
  const sizes = plan.recordSets;
  const sets = {} as Record<keyof typeof sizes, BenchApp>;
  let large: LoadResult | undefined;
  const { client } = createDynamoClients({ region: 'local', endpoint });
  for (const [name, records] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    const tableName = `${run}-records-${name}`;
    tables.records.push(tableName);
    await createBenchTable(client, tableName);
    const app = await createBenchApp({ dynamoEndpoint: endpoint, tableName, dataDir, createTable: false });
    apps.push(app);
    sets[name] = app;
    const bar = new SingleBar(
      { format: `  ${name.padStart(4)} {phase} [{bar}] {value}/{total}`, hideCursor: true },
      Presets.shades_classic,
    );
    let phase = '';
    const loaded = await loadRecords(app.deps.table, records, now, (p: LoadProgress) => {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, 0, { phase: p.phase.padEnd(7) });
      }
      bar.update(p.done);
    });
    bar.stop();
    if (name === '100k') large = loaded;
    say(
      `loaded ${name} records (${loaded.counts.employees} employees, ${loaded.counts.programs} programs, ` +
        `${loaded.counts.enrollments} enrollments) in ${round(loaded.recordSeconds)} s; ` +
        `${loaded.rollupItems} rollup items in ${round(loaded.rollupSeconds)} s`,
    );
  }
  client.destroy();
  if (!large) throw new Error('The 100k data set was not loaded');
  return { sets, large };
}
