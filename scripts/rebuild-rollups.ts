/**
 * `npm run rebuild-rollups`: recomputes every dashboard rollup from the base items and replaces
 * the stored ones (repair, or after adding a measure). Stop `npm start` (or pause the Lambda's
 * event source mapping) first. Safe to rerun: it resumes an interrupted write phase.
 */

import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { createDeps } from '../src/composition/create-deps';
import { loadConfig } from '../src/config/load-config';
import { rebuildRollups } from '../src/data/rollups/rebuild-rollups';
import { dynamoForCommand } from '../src/local/dynamodb-local';

const config = loadConfig(process.env);
const { endpoint, local } = await dynamoForCommand(config.dynamoEndpoint, {
  dataDir: join(config.dataDir, 'dynamodb'),
});
// A system job: it pages through no cursors and verifies no tokens (no request secrets).
const { table, clock, dynamo } = createDeps(
  { ...config, dynamoEndpoint: endpoint },
  { entryPoint: 'script' },
);
const bar = new SingleBar(
  { format: '{phase} [{bar}] {value}/{total}', hideCursor: true },
  Presets.shades_classic,
);
let phase = '';
try {
  const result = await rebuildRollups(table, clock(), (p) => {
    if (p.phase !== phase) {
      if (phase) bar.stop();
      phase = p.phase;
      bar.start(p.total ?? p.done, 0, { phase: p.phase.padEnd(5) });
    }
    bar.setTotal(Math.max(p.total ?? p.done, 1));
    bar.update(p.done, { phase: p.phase.padEnd(5) });
  });
  bar.stop();
  console.log(
    `Rebuilt ${result.rollupItems} rollup items, ${result.tallies} JP and ${result.learningTallies} learning tallies from ${result.baseItems} items` +
      `${result.resumedFrom ? ` (resumed after ${result.resumedFrom})` : ''}; removed ${result.removed} stale ones.`,
  );
} finally {
  dynamo.client.destroy();
  await local?.stop();
}
