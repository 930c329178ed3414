/**
 * Where the GraphQL Lambda's cold start goes: builds the bundle, starts it once as the cold-start
 * bench does (lambda-cold-start.ts) under `node --cpu-prof`, and prints the profile's self time
 * by source (package or src/ folder, through the source map) and its hottest functions.
 *
 * Run: `npx tsx scripts/bench/profile-cold-start.ts [--floor]` (starts DynamoDB Local unless
 * DYNAMODB_ENDPOINT is set). The `.cpuprofile` stays in the printed directory for DevTools.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { createCognitoStandIn } from '../../src/local/cognito-stand-in';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { buildLambdas } from '../build-lambdas';
import { buildFloorBundle } from './cold-start-floor';
import { lambdaEnv } from './lambda-cold-start';
import { restProxyEvent } from './lambda-events';
import { invokeBundle } from './lambda-invoke';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const given = process.env.DYNAMODB_ENDPOINT;
const dynamo = given ? undefined : await startDynamoDbLocal();
try {
  const endpoint = given ?? (dynamo?.endpoint as string);
  const tableName = `profile-${randomBytes(4).toString('hex')}`;
  const [bundle, cognito] = await Promise.all([
    process.argv.includes('--floor')
      ? buildFloorBundle().then((b) => b.outFile)
      : buildLambdas({ names: ['graphql'] }).then(([b]) => b?.outFile as string),
    createCognitoStandIn(),
    ensureTable(createDynamoClients({ region: 'local', endpoint }).client, tableName),
  ]);
  const token = await cognito.sign({ sub: 'bench', 'cognito:groups': ['ADMIN'], agency_id: 'medan' });
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-profile-'));
  const runs = Number(/--runs=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 3);
  const selfUs = new Map<string, number>();
  const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  const coldStarts: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await invokeBundle({
      bundle,
      env: lambdaEnv({ dynamoEndpoint: endpoint, tableName, cognito }),
      nodeFlags: ['--enable-source-maps', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'],
      events: [
        restProxyEvent(
          'POST',
          '/graphql',
          { query: '{ me { role } employees(first: 1) { totalCount } }' },
          { authorization: `Bearer ${token}` },
        ),
      ],
    });
    coldStarts.push(result.coldStartMs);
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()[run] as string;
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
    const nodeUs = new Map<number, number>();
    for (const [i, id] of profile.samples.entries())
      nodeUs.set(id, (nodeUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    for (const node of profile.nodes) {
      const us = nodeUs.get(node.id) ?? 0;
      if (!us) continue;
      const { url, lineNumber, columnNumber, functionName } = node.callFrame;
      let source = url ? url.replace(/^.*\//, '') : `(${functionName || 'program'})`;
      let name = functionName || '(anonymous)';
      if (url.endsWith('index.mjs')) {
        const entry = map.findEntry(lineNumber, columnNumber) as {
          originalSource?: string;
          originalLine?: number;
          name?: string;
        };
        const original = entry.originalSource ?? '';
        name = `${entry.name ?? functionName} ${original.replace(/^.*node_modules\//, '').replace(/^.*?\/(src|resolvers|scripts)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
        source =
          /node_modules\/((@[^/]+\/)?[^/]+)/.exec(original)?.[1] ??
          /(src\/[^/]+|resolvers|scripts\/[^/]+)/.exec(original)?.[1] ??
          'bundle';
      }
      const key = `${source}\u0000${name}`;
      selfUs.set(key, (selfUs.get(key) ?? 0) + us / runs);
    }
  }
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [key, us] of selfUs) {
    const [source, name] = key.split('\u0000') as [string, string];
    if (source === '((idle))') continue;
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    byFunction.set(`${name} [${source}]`, us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  const busy = [...bySource.values()].reduce((a, b) => a + b, 0);
  console.log(
    `cold starts ${coldStarts.map((ms) => ms.toFixed(0)).join(', ')} ms; busy ${(busy / 1000).toFixed(0)} ms a run (idle left out); profiles in ${dir}`,
  );
  console.log('self time by source (mean of the runs):');
  console.log(top(bySource, 25).join('\n'));
  console.log('hottest functions:');
  console.log(top(byFunction, 40).join('\n'));
} finally {
  await dynamo?.stop();
}
