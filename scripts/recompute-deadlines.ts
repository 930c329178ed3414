/**
 * `npm run recompute-deadlines [-- --agency <code>[,<code>...]]`: stores again the SP4N-LAPOR
 * deadlines of every complaint (of the agencies named) from the current working-day calendars,
 * and marks the calendars applied. Run it after a release that ships new national calendars, or
 * on a table with complaints stored before deadlines were kept. The sweep does the same for
 * calendars changed through the API. Safe to rerun and to run while the API serves: each change
 * is a versioned update, and the stream keeps the dashboard counts in step.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/composition/create-deps';
import { loadConfig } from '../src/config/load-config';
import { dynamoForCommand } from '../src/local/dynamodb-local';
import { recomputeAllDeadlines } from '../src/services/deadline-recompute';

const { values } = parseArgs({ options: { agency: { type: 'string' } } });
const agencyIds = values.agency
  ?.split(',')
  .map((a) => a.trim())
  .filter(Boolean);
const config = loadConfig(process.env);
const { endpoint, local } = await dynamoForCommand(config.dynamoEndpoint, {
  dataDir: join(config.dataDir, 'dynamodb'),
});
// A system job: it pages through no cursors and verifies no tokens (no request secrets).
const { repositories, retries, dynamo } = createDeps(
  { ...config, dynamoEndpoint: endpoint },
  { entryPoint: 'script' },
);
try {
  const result = await retries.forJob(() =>
    recomputeAllDeadlines(repositories, agencyIds ? { agencyIds } : undefined),
  );
  console.log(
    `Recomputed the deadlines of ${result.checked} complaints in ${result.agencies} agencies; ${result.changed} changed.`,
  );
} finally {
  dynamo.client.destroy();
  await local?.stop();
}
