import { join } from 'node:path';
import { createDeps, type Deps } from '../composition/create-deps';
import type { Config } from '../config/load-config';
import type { Table } from '../data/table';
import { javaProblem, type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local';
import { liveEndpoint } from './endpoint-file';
import { quietSdkNodeVersionNotice } from './sdk-node-version-notice';

/** An environment problem a CLI reports with exit code 3. */
export class EnvironmentError extends Error {}

/**
 * The table a command-line tool works on: `DYNAMODB_ENDPOINT` when set, else the DynamoDB Local
 * of an `npm start` running on the same DATA_DIR (so an admin never stops the server to import),
 * else an embedded DynamoDB Local started here on that DATA_DIR's data.
 */
export async function openCommandTable(
  config: Config,
): Promise<{ deps: Deps; table: Table; endpoint: string; source: string; close(): Promise<void> }> {
  quietSdkNodeVersionNotice();
  let endpoint = config.dynamoEndpoint;
  let source = 'DYNAMODB_ENDPOINT';
  let local: RunningDynamoDb | undefined;
  if (!endpoint) {
    endpoint = await liveEndpoint(config.dataDir);
    source = `the running npm start (${config.dataDir})`;
  }
  if (!endpoint) {
    const problem = javaProblem();
    if (problem) throw new EnvironmentError(problem);
    local = await startDynamoDbLocal({ dataDir: join(config.dataDir, 'dynamodb') });
    endpoint = local.endpoint;
    source = `an embedded DynamoDB Local on ${join(config.dataDir, 'dynamodb')}`;
  }
  // A command acts for no caller: no request secrets (see src/composition/keyless.ts).
  const deps = createDeps({ ...config, dynamoEndpoint: endpoint }, { entryPoint: 'script' });
  return {
    deps,
    table: deps.table,
    endpoint,
    source,
    async close() {
      deps.dynamo.client.destroy();
      await local?.stop();
    },
  };
}
