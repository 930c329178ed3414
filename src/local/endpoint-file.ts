import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClients } from '../data/dynamo-client';

/** Where a running `npm start` says which DynamoDB it uses, so CLIs on the same DATA_DIR share it. */
export const endpointFilePath = (dataDir: string) => join(dataDir, 'dynamodb-endpoint.json');

interface EndpointFile {
  endpoint: string;
  tableName: string;
  pid: number;
}

/** Publishes the endpoint; the returned function removes the file (call it on exit). */
export function publishEndpoint(dataDir: string, info: Omit<EndpointFile, 'pid'>): () => void {
  const path = endpointFilePath(dataDir);
  writeFileSync(path, JSON.stringify({ ...info, pid: process.pid } satisfies EndpointFile), { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

/**
 * The endpoint a running `npm start` published under `dataDir`, if its process is alive and the
 * endpoint answers (a file left by a server that was killed is ignored). Only loopback endpoints are trusted from the file.
 */
export async function liveEndpoint(dataDir: string, timeoutMs = 1500): Promise<string | undefined> {
  let info: EndpointFile;
  try {
    info = JSON.parse(readFileSync(endpointFilePath(dataDir), 'utf8')) as EndpointFile;
  } catch {
    return undefined;
  }
  if (
    typeof info.endpoint !== 'string' ||
    !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(info.endpoint)
  )
    return undefined;
  // The server that published it must still run (a DynamoDB Local a killed server left behind is ignored).
  try {
    process.kill(info.pid, 0);
  } catch {
    return undefined;
  }
  const { client } = createDynamoClients({ region: 'local', endpoint: info.endpoint });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return info.endpoint;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
