/** The benchmark contract's keys with the goals of DESIGN.md ("Performance goals"), and the printed table. */

/** A goal: the figure must be at most, below, exactly, or at least the limit. */
export interface Goal {
  op: '<=' | '<' | '=' | '>=';
  limit: number;
}

/** Contract keys in the order of DESIGN.md; `undefined` where the design sets no goal. */
export const CONTRACT: Record<string, Goal | undefined> = {
  dynamoRoundTripsNestedQuery: { op: '<=', limit: 4 },
  dynamoRequestsNestedQuery: { op: '<=', limit: 8 },
  warmOverheadRatio: { op: '<=', limit: 3 },
  coldInitMs: { op: '<=', limit: 300 },
  bundleKb: { op: '<=', limit: 1500 },
  coldInitFloorMs: undefined,
  coldInitRatio: { op: '<=', limit: 1.3 },
  bundleFloorKb: undefined,
  bundleRatio: { op: '<=', limit: 1.5 },
  firstStartSeconds: { op: '<=', limit: 10 },
  warmStartSeconds: { op: '<=', limit: 3 },
  aggregateLatencyRatio: { op: '<=', limit: 1.5 },
  throughputRps: undefined,
  p99Ms: { op: '<', limit: 100 },
  errorRate: { op: '=', limit: 0 },
  // "Under a few hundred ms" (DESIGN.md): 300.
  concurrentSimpleQueryMs: { op: '<', limit: 300 },
  heatmapMs100k: { op: '<=', limit: 100 },
  heatmapRatio: { op: '<=', limit: 1.2 },
  largestRollupItemKb100k: { op: '<=', limit: 100 },
  largestRollupItemKb1M: { op: '<=', limit: 100 },
  apiCpuMsPerRequest_aggregateUnitQuarter: undefined,
  floorCpuMsPerRequest_aggregateUnitQuarter: undefined,
  cpuRatio_aggregateUnitQuarter: { op: '<=', limit: 1.5 },
  apiCpuMsPerRequest_employeesPage: undefined,
  floorCpuMsPerRequest_employeesPage: undefined,
  cpuRatio_employeesPage: { op: '<=', limit: 1.5 },
  apiCpuMsPerRequest_partnerFeed: undefined,
  floorCpuMsPerRequest_partnerFeed: undefined,
  cpuRatio_partnerFeed: { op: '<=', limit: 1.5 },
  apiCpuMsPerRequest_aggregateUnit: undefined,
  floorCpuMsPerRequest_aggregateUnit: undefined,
  cpuRatio_aggregateUnit: { op: '<=', limit: 1.5 },
  partnerSyncChangesPerSecond: { op: '>=', limit: 2000 },
};

/** Whether a figure meets its goal. */
export function meets(value: number, goal: Goal): boolean {
  if (goal.op === '<=') return value <= goal.limit;
  if (goal.op === '<') return value < goal.limit;
  if (goal.op === '>=') return value >= goal.limit;
  return value === goal.limit;
}

/** The results with contract keys first (in contract order), extras after. */
export function orderedResults(results: Record<string, number>): Record<string, number> {
  const ordered: Record<string, number> = {};
  for (const key of Object.keys(CONTRACT)) if (key in results) ordered[key] = results[key] as number;
  for (const [key, value] of Object.entries(results)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

/** A plain-text table: name, value, goal, pass/fail (extras have no goal). */
export function resultsTable(results: Record<string, number>): string {
  const rows = Object.entries(orderedResults(results)).map(([name, value]) => {
    const goal = CONTRACT[name];
    return [
      name,
      String(value),
      goal ? `${goal.op} ${goal.limit}` : '-',
      goal ? (meets(value, goal) ? 'pass' : 'FAIL') : name in CONTRACT ? '-' : 'extra',
    ];
  });
  const header = ['benchmark', 'value', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
