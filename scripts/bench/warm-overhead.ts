/**
 * Warm overhead of the server: the median time of one operation through the whole server
 * (JSON body parse as the HTTP server does it, Apollo's request pipeline, the context factory
 * verifying a real ES256 token of the local issuer, validation with the operation limits,
 * execution, error formatting, response serialization) over the median time of a bare
 * `graphql.execute` of the same pre-parsed document on the same executable schema, with a context
 * built once.
 *
 * The operation is what a dashboard asks when it opens: who is calling (`me`: role and subject,
 * from the verified token) and what it can ask (`aggregateCapabilities`: measures with their
 * descriptions, dimensions and time grain). Both are answered from memory (the caller and the
 * static capability catalog), so neither side touches DynamoDB and the ratio measures the
 * server's own cost, not the database. Apollo keeps parsed and validated documents in its
 * document cache, as it does in production, so a warm request re-hashes the query instead of
 * re-parsing it.
 */
import { randomUUID } from 'node:crypto';
import { execute, parse } from 'graphql';
import { createContext } from '../../src/server/context';
import { executableSchema } from '../../src/server/create-server';
import { adminClaims, type BenchApp } from './bench-app';
import { median, round } from './statistics';

export const WARM_QUERY = `query DashboardStart {
  me { role subject }
  aggregateCapabilities { measures { measure description dimensions timeGrain } combinationRule }
}`;

export interface WarmOverheadResult {
  warmOverheadRatio: number;
  warmServerMedianMs: number;
  warmBareMedianMs: number;
}

/** Interleaves `rounds` blocks of `perRound` runs of each side after a warm-up, and compares medians. */
export async function measureWarmOverhead(
  app: BenchApp,
  options: { warmup?: number; rounds?: number; perRound?: number } = {},
): Promise<WarmOverheadResult> {
  const { warmup = 500, rounds = 30, perRound = 100 } = options;
  const headers = app.headers(await app.token(adminClaims('medan')));
  const rawBody = JSON.stringify({ query: WARM_QUERY });
  const throughServer = async () => {
    const response = await app.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: JSON.parse(rawBody) },
      context: () =>
        createContext({ headers: Object.fromEntries(headers), requestId: randomUUID() }, app.deps),
    });
    return response.body.kind === 'complete' ? response.body.string : '';
  };

  const schema = executableSchema();
  const document = parse(WARM_QUERY);
  const contextValue = await createContext(
    { headers: Object.fromEntries(headers), requestId: randomUUID() },
    app.deps,
  );
  const bare = async () => execute({ schema, document, contextValue });

  // Both sides must give the same, error-free answer before they are timed.
  const served = JSON.parse(await throughServer()) as { data?: unknown; errors?: unknown };
  const direct = await bare();
  if (served.errors || direct.errors)
    throw new Error(`Warm query failed: ${JSON.stringify(served.errors ?? direct.errors)}`);
  if (JSON.stringify(served.data) !== JSON.stringify(direct.data))
    throw new Error('Warm query: the server and bare execute answered differently');

  app.counter.reset();
  for (let i = 0; i < warmup; i += 1) {
    await throughServer();
    await bare();
  }
  const serverTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (let i = 0; i < perRound; i += 1) {
      const started = performance.now();
      await throughServer();
      serverTimes.push(performance.now() - started);
    }
    for (let i = 0; i < perRound; i += 1) {
      const started = performance.now();
      await bare();
      bareTimes.push(performance.now() - started);
    }
  }
  if (app.counter.requests > 0)
    throw new Error(`Warm query sent ${app.counter.requests} DynamoDB requests; it must run from memory`);
  const serverMs = median(serverTimes);
  const bareMs = median(bareTimes);
  return {
    warmOverheadRatio: round(serverMs / bareMs, 2),
    warmServerMedianMs: round(serverMs, 3),
    warmBareMedianMs: round(bareMs, 3),
  };
}
