/**
 * What one `npm run bench` measures and how long each figure may take. The full run stays under
 * 10 minutes but for its 100k-row imports (about 30 minutes on 2 shared cores: README, Performance); `--quick` measures every figure at smaller scales in under 3 minutes and writes
 * the same keys (with `"quick": 1`), so its figures are not comparable with a full run's.
 * Each figure has an allotment: measurements that repeat stop repeating when it is spent (after
 * their minimum), and the run ends with a table of the time each figure took against it.
 */

export interface BenchPlan {
  quick: boolean;
  /** Rows of each import file (100k; BENCH_IMPORT_ROWS overrides). */
  importRows: number;
  /** Rows of each file imported into a table with its stream (`*Streamed`; BENCH_STREAMED_IMPORT_ROWS overrides). */
  streamedImportRows: number;
  /** Records of the three aggregate data sets, named by their full-run size. */
  recordSets: { '1k': number; '10k': number; '100k': number };
  /** Records of the simulated large agency (largestRollupItemKb1M). */
  simulatedRecords: number;
  /** Changes in the partner's feed (partnerSyncChangesPerSecond). */
  partnerChanges: number;
  loadTestSeconds: number;
  /** Requests of each kind per CPU measurement (apiCpuMsPerRequest_<op>). */
  cpuRequests: number;
  webhookDeliveries: number;
  /** Seconds each figure may take (for the other figures, the measurement's own fixed work). */
  allotments: Record<string, number>;
}

export function benchPlan(argv: readonly string[], env: NodeJS.ProcessEnv): BenchPlan {
  const quick = argv.includes('--quick');
  const rows = env.BENCH_IMPORT_ROWS ? Number(env.BENCH_IMPORT_ROWS) : undefined;
  const streamedRows = env.BENCH_STREAMED_IMPORT_ROWS ? Number(env.BENCH_STREAMED_IMPORT_ROWS) : undefined;
  return quick
    ? {
        quick,
        importRows: rows ?? 2000,
        streamedImportRows: streamedRows ?? 500,
        recordSets: { '1k': 1000, '10k': 3000, '100k': 10_000 },
        simulatedRecords: 100_000,
        partnerChanges: 2000,
        loadTestSeconds: 5,
        cpuRequests: 40,
        webhookDeliveries: 100,
        allotments: {
          imports: 20,
          importsStreamed: 15,
          demo: 25,
          nestedQuery: 5,
          warmOverhead: 10,
          webhooks: 10,
          lambda: 25,
          firstStart: 50,
          loadTest: 10,
          cpuPerRequest: 15,
          recordSets: 25,
          aggregates: 10,
          rollupSizes: 25,
          concurrentQuery: 10,
          partnerSync: 10,
        },
      }
    : {
        quick,
        importRows: rows ?? 100_000,
        streamedImportRows: streamedRows ?? 2000,
        recordSets: { '1k': 1000, '10k': 10_000, '100k': 100_000 },
        simulatedRecords: 1_000_000,
        partnerChanges: 10_000,
        loadTestSeconds: 12,
        cpuRequests: 200,
        webhookDeliveries: 300,
        allotments: {
          // 100k employees, then 100k enrollments: 375 + 548 s measured (quiet, no stream; 740 +
          // 987 s at load 7-17): DynamoDB Local's CPU per row bounds it, hence --only-imports.
          // The other figures: 537 s in all (--skip-imports, quiet machine).
          imports: 1800,
          importsStreamed: 60,
          demo: 30,
          nestedQuery: 10,
          warmOverhead: 20,
          webhooks: 45,
          lambda: 30,
          firstStart: 90,
          loadTest: 50,
          cpuPerRequest: 40,
          recordSets: 260,
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
