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
import { loadConfig } from '../src/config/load-config';
import { createCursorCodec } from '../src/data/cursor';
import { createDynamoClients } from '../src/data/dynamo-client';
import { createRepositories } from '../src/data/repositories/create-repositories';
import { Table } from '../src/data/table';
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
const { doc, client } = createDynamoClients({ region: config.region, endpoint });
try {
  // The recompute pages through no cursors; the codec's secret is irrelevant here.
  const repositories = createRepositories(
    new Table(doc, config.tableName),
    createCursorCodec('unused-by-the-recompute-0123456789'),
  );
  const result = await recomputeAllDeadlines(
    { ...repositories, clock: () => new Date(), newId: () => '' },
    agencyIds ? { agencyIds } : undefined,
  );
  console.log(
    `Recomputed the deadlines of ${result.checked} complaints in ${result.agencies} agencies; ${result.changed} changed.`,
  );
} finally {
  client.destroy();
  await local?.stop();
}
