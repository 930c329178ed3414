/**
 * A partner institution syncing from scratch: its whole enrollment change feed pulled page by
 * page (`first: 100`, then `after` the last cursor) through the whole server as the partner
 * (client-credentials claims, in process as the other dashboard benches), the changes checked
 * contiguous. The feed comes from bench records whose programs the partner provides, replayed
 * through the write builders (each enrollment and each end appends one change).
 */
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import { feedCounterKey } from '../../src/data/partner-feed';
import type { Partner } from '../../src/domain/training';
import type { BenchApp, BenchResponse } from './bench-app';
import { BENCH_AGENCY, benchRecords } from './load-records';
import { median, round } from './statistics';

const PARTNER: Omit<Partner, 'createdAt' | 'updatedAt'> = {
  agencyId: BENCH_AGENCY,
  id: 'bench-univ',
  version: 1,
  name: 'Universitas Bench',
  kind: 'UNIVERSITY',
};
const PAGE = 100;
const FEED = `query PartnerSync($first: Int, $after: String) {
  partnerEnrollments(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { sequence changeType changedAt enrollmentId status agencyCode } }
  }
}`;
interface FeedPage {
  partnerEnrollments: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { sequence: number } }[];
  };
}

/** Writes a feed of about `changes` changes for the bench partner into the app's (empty) table. */
export async function loadPartnerFeed(app: BenchApp, changes: number, now: Date): Promise<number> {
  const at = new Date(now.getTime() - 800 * 86_400_000).toISOString();
  // Each record is about 0.9 enrollments, and ended enrollments add a second change.
  const records = Math.round(changes / 1.73);
  const { items } = benchRecords(records, now, { partner: { ...PARTNER, createdAt: at, updatedAt: at } });
  for (let i = 0; i < items.length; i += 1000) await app.deps.table.batchPut(items.slice(i, i + 1000));
  const counter = items.find(
    (i) => i.pk === feedCounterKey(PARTNER.id).pk && i.sk === feedCounterKey(PARTNER.id).sk,
  );
  return Number(counter?.sequence ?? 0);
}

/** Pulls the whole feed `repetitions` times; the median pull's changes per second and its requests. */
export async function measurePartnerSync(
  app: BenchApp,
  expected: number,
  options: { repetitions?: number; budgetMs?: number } = {},
) {
  const { repetitions = 3, budgetMs = Number.POSITIVE_INFINITY } = options;
  const headers = app.headers(
    await app.token({
      client_id: `partner-${PARTNER.id}`,
      partner_id: PARTNER.id,
      scope: PARTNER_READ_SCOPE,
    }),
  );
  const pulls: { ms: number; requests: number; dynamoRequests: number }[] = [];
  const started = performance.now();
  while (pulls.length < repetitions && (pulls.length === 0 || performance.now() - started < budgetMs)) {
    app.counter.reset();
    const t = performance.now();
    let after: string | null = null;
    let requests = 0;
    let seen = 0;
    for (;;) {
      const answer: BenchResponse<FeedPage> = await app.execute<FeedPage>(
        FEED,
        { first: PAGE, after },
        headers,
      );
      requests += 1;
      if (answer.errors?.length || !answer.data)
        throw new Error(`Partner sync failed: ${JSON.stringify(answer.errors)}`);
      const page: FeedPage['partnerEnrollments'] = answer.data.partnerEnrollments;
      for (const { node } of page.edges) {
        seen += 1;
        if (node.sequence !== seen)
          throw new Error(`Partner sync: change ${node.sequence} where ${seen} was due`);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    if (seen !== expected) throw new Error(`Partner sync pulled ${seen} changes of ${expected}`);
    pulls.push({ ms: performance.now() - t, requests, dynamoRequests: app.counter.requests });
  }
  const ms = median(pulls.map((p) => p.ms));
  return {
    partnerSyncChangesPerSecond: round((expected / ms) * 1000),
    partnerSyncRequests: pulls[0]?.requests ?? 0,
    partnerSyncDynamoRequests: pulls[0]?.dynamoRequests ?? 0,
    partnerSyncChanges: expected,
    partnerSyncSeconds: round(ms / 1000, 2),
  };
}
