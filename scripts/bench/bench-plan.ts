/**
 * What one `npm run bench` measures and how long each figure may take. The full run aims at 10
 * minutes, its imports at 5k rows a file; `--only-imports` imports the goal's 100k rows a file
 * (about 15 minutes on 2 shared cores: README, Performance); `--quick` measures every figure at smaller scales and writes
 * the same keys (with `"quick": 1`), so its figures are not comparable with a full run's.
 * Each figure has an allotment: measurements that repeat stop repeating when it is spent (after
 * their minimum), and the run ends with a table of the time each figure took against it.
 */
import { collectGarbage } from './collect-garbage';

export interface BenchPlan {
  quick: boolean;
  /** Rows of each import file (5k; 100k with --only-imports; BENCH_IMPORT_ROWS overrides). */
  importRows: number;
  /** Rows of each file imported into a table with its stream (`*Streamed`; BENCH_STREAMED_IMPORT_ROWS overrides). */
  streamedImportRows: number;
  /** Records of the two aggregate data sets, named by their full-run size. */
  recordSets: { '1k': number; '100k': number };
  /** Records of the simulated large agency (largestRollupItemKb1M). */
  simulatedRecords: number;
  /** Changes in the partner's feed (partnerSyncChangesPerSecond). */
  partnerChanges: number;
  loadTestSeconds: number;
  /** Requests of each kind per CPU measurement (apiCpuMsPerRequest_<op>). */
  cpuRequests: number;
  webhookDeliveries: number;
  /** Warm starts after each first start (warmStartSeconds is their median). */
  warmStarts: number;
  /** Seconds each figure may take (for the other figures, the measurement's own fixed work). */
  allotments: Record<string, number>;
}

/** Rows of each import file in a full run: the per-row cost is flat, so 5k rows keep the run under 10 minutes. */
const FULL_RUN_IMPORT_ROWS = 5000;
/** Rows of each import file with `--only-imports`: the 100k of the import goal (about 15 minutes). */
const IMPORT_GOAL_ROWS = 100_000;

export function benchPlan(argv: readonly string[], env: NodeJS.ProcessEnv): BenchPlan {
  const quick = argv.includes('--quick');
  const onlyImports = argv.includes('--only-imports');
  const rows = env.BENCH_IMPORT_ROWS ? Number(env.BENCH_IMPORT_ROWS) : undefined;
  const streamedRows = env.BENCH_STREAMED_IMPORT_ROWS ? Number(env.BENCH_STREAMED_IMPORT_ROWS) : undefined;
  return quick
    ? {
        quick,
        importRows: rows ?? 500,
        streamedImportRows: streamedRows ?? 200,
        recordSets: { '1k': 1000, '100k': 4000 },
        simulatedRecords: 100_000,
        partnerChanges: 2000,
        loadTestSeconds: 5,
        cpuRequests: 20,
        webhookDeliveries: 50,
        warmStarts: 1,
        allotments: {
          imports: 10,
          importsStreamed: 6,
          demo: 25,
          nestedQuery: 3,
          warmOverhead: 8,
          webhooks: 6,
          lambda: 12,
          firstStart: 50,
          loadTest: 8,
          cpuPerRequest: 10,
          recordSets: 35,
          aggregates: 8,
          rollupSizes: 3,
          concurrentQuery: 5,
          partnerSync: 6,
        },
      }
    : {
        quick,
        importRows: rows ?? (onlyImports ? IMPORT_GOAL_ROWS : FULL_RUN_IMPORT_ROWS),
        streamedImportRows: streamedRows ?? 1000,
        recordSets: { '1k': 1000, '100k': 100_000 },
        simulatedRecords: 1_000_000,
        partnerChanges: 10_000,
        loadTestSeconds: 12,
        cpuRequests: 200,
        webhookDeliveries: 300,
        warmStarts: 3,
        allotments: {
          // 5k employees, then 5k enrollments (about 3.7 + 5.5 ms a row, quiet, no stream);
          // --only-imports: 100k each, 375 + 548 s measured (quiet; 740 + 987 s at load 7-17).
          // The other figures: 537 s in all (--skip-imports, quiet machine).
          imports: onlyImports ? 1800 : 50,
          importsStreamed: 15,
          demo: 30,
          nestedQuery: 10,
          warmOverhead: 20,
          webhooks: 45,
          lambda: 30,
          firstStart: 60,
          loadTest: 50,
          cpuPerRequest: 40,
          recordSets: 200,
          aggregates: 30,
          rollupSizes: 60,
          concurrentQuery: 20,
          partnerSync: 30,
        },
      };
}

/** Runs figures against their allotments and reports the time each took. */
export function createFigureClock(plan: BenchPlan) {
  const spent: { name: string; seconds: number; allotted: number }[] = [];
  return {
    /** Runs one figure's measurement; `budgetMs` is what its repetitions may use. */
    async figure<T>(name: string, measure: (budgetMs: number) => Promise<T>): Promise<T> {
      const allotted = plan.allotments[name] ?? 30;
      const started = performance.now();
      // Each figure starts on a collected heap, not on the garbage of the one before.
      collectGarbage();
      try {
        return await measure(allotted * 1000);
      } finally {
        spent.push({ name, seconds: (performance.now() - started) / 1000, allotted });
      }
    },
    /** A table of seconds spent and allotted, over-allotment figures flagged. */
    table(): string {
      const rows = spent.map(
        (s) =>
          `  ${s.name.padEnd(16)} ${s.seconds.toFixed(1).padStart(6)} s of ${String(s.allotted).padStart(3)} s${s.seconds > s.allotted ? '  OVER' : ''}`,
      );
      const total = spent.reduce((sum, s) => sum + s.seconds, 0);
      const budget = Object.values(plan.allotments).reduce((sum, s) => sum + s, 0);
      return [...rows, `  ${'all figures'.padEnd(16)} ${total.toFixed(1).padStart(6)} s of ${budget} s`].join(
        '\n',
      );
    },
  };
}
