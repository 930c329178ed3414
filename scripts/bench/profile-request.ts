/**
 * `NODE_ENV=production npx tsx scripts/bench/profile-request.ts [count] [kind]`: where the API's
 * CPU goes per request, for each kind of the load test's mix (apiCpuMsPerRequest_<op>; the
 * partner feed through the same server, as the local edge serves it), or only `kind` (its key,
 * such as partnerFeed). The demo data on an in-memory DynamoDB Local; per kind, `count`
 * requests (200) through the whole server in this process (token, parse, validate, execute,
 * format; not the HTTP edge) under the V8 profiler, after 30 unmeasured ones. Prints the self
 * time per request by source (a package, or a folder of ours) and the hottest functions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { dynamoForCommand } from '../../src/local/dynamodb-local';
import { createBenchApp } from './bench-app';
import { workload } from './load-test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The source a profile frame belongs to: a package, a folder of ours, or the engine. */
function sourceOf(url: string): string {
  if (!url) return '(engine: GC, native, idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const ours =
    /\/work\/[^/]+\/((?:src|resolvers|scripts)\/[^/]+)/.exec(url) ?? /\/((?:src|resolvers)\/[^/]+)/.exec(url);
  if (ours) return ours[1] as string;
  return url.startsWith('node:') ? 'node (built-in)' : url.replace(/^.*\//, '');
}

const count = Number(process.argv[2] ?? 200);
/** One kind of the load mix only (its key, such as partnerFeed); every kind without it. */
const only = process.argv[3];
const now = new Date();
const dataDir = mkdtempSync(join(tmpdir(), 'asn-profile-'));
const { endpoint, local } = await dynamoForCommand(process.env.DYNAMODB_ENDPOINT);
const app = await createBenchApp({
  dynamoEndpoint: endpoint,
  tableName: `profile-${now.getTime()}`,
  dataDir,
  stream: false,
});
const session = new Session();
session.connect();
try {
  await seedDemoData(app.deps.table, now, 'all', { rollups: true, agencies: ['medan', 'binjai'] });
  const kinds = (await workload(dataDir, now)).filter((r) => !only || r.key === only);
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const kind of kinds) {
    const headers = app.headers(kind.token);
    const send = () => app.execute(kind.query, kind.variables, headers);
    for (let i = 0; i < 30; i += 1) await send();
    await session.post('Profiler.start');
    const started = process.cpuUsage();
    for (let i = 0; i < count; i += 1) await send();
    const cpu = process.cpuUsage(started);
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byNode = new Map<number, number>();
    for (const [i, id] of profile.samples.entries())
      byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    const bySource = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const us = byNode.get(node.id) ?? 0;
      if (!us || node.callFrame.functionName === '(idle)') continue;
      const source = sourceOf(node.callFrame.url);
      bySource.set(source, (bySource.get(source) ?? 0) + us);
      const name = `${node.callFrame.functionName || '(anonymous)'} ${source}${node.callFrame.url ? `:${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    }
    const perRequest = (us: number) => (us / 1000 / count).toFixed(2);
    console.log(
      `\n${kind.key}: ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms CPU per request (process), self time by source, ms per request:`,
    );
    for (const [source, us] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`  ${perRequest(us).padStart(6)}  ${source}`);
    console.log('  hottest functions:');
    for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 16))
      console.log(`  ${perRequest(us).padStart(6)}  ${name}`);
  }
} finally {
  session.disconnect();
  await app.close();
  await local?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
