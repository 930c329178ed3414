/**
 * A partner institution's delta sync, as a partner would write it: only `fetch` and a state file,
 * nothing from this project. It mirrors the enrollments of the partner's programs into a local
 * JSON file and can be stopped and run again at any time:
 *
 *   PARTNER_TOKEN=$(npm run -s token -- --role PARTNER --partner usu) \
 *     npm run partner-sync-example -- [--url http://localhost:4000/partner/graphql] [--state FILE] [--since ISO]
 *
 * The protocol (README, "Partner delta sync"):
 * 1. First run: no cursor. Ask `partnerEnrollments(first: 100, updatedSince: <since>)` (or without
 *    `updatedSince` for the whole history).
 * 2. Apply each change in order, then store `pageInfo.endCursor` together with what was applied
 *    (here: one file, written atomically after every page).
 * 3. While `hasNextPage`, ask again with `after: <endCursor>`. Next run: start from the stored cursor.
 * Changes come oldest first with a `sequence` that increases by one without gaps, so a resumed sync
 * never misses or repeats one; applying a change only when its `version` is newer than the mirrored
 * one keeps the mirror right even if a page is fetched twice (e.g. a crash before the state write).
 * CANCELLED is a tombstone: the enrollment was dropped; its id stays valid.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const QUERY = `query Sync($first: Int, $after: String, $since: DateTime) {
  partnerEnrollments(first: $first, after: $after, updatedSince: $since) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      sequence changeType changedAt status version enrollmentId agencyCode
      enrollment { program { title } employee { nip name } postTestScore certificateNumber }
    } }
  }
}`;

interface Change {
  sequence: number;
  changeType: 'CREATED' | 'UPDATED' | 'COMPLETED' | 'CANCELLED';
  changedAt: string;
  status: string;
  version: number;
  enrollmentId: string;
  agencyCode: string;
  enrollment: {
    program: { title: string };
    employee: { nip: string; name: string };
    postTestScore: number | null;
    certificateNumber: string | null;
  } | null;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Change }[];
}

/** What the partner keeps between runs: the cursor and its mirror of the enrollments. */
interface SyncState {
  cursor: string | null;
  lastSequence: number;
  enrollments: Record<
    string,
    { version: number; status: string; program?: string; nip?: string; agency: string }
  >;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000/partner/graphql' },
    state: { type: 'string', default: '.data/partner-sync-state.json' },
    since: { type: 'string' },
    'page-size': { type: 'string', default: '100' },
  },
});
const token = process.env.PARTNER_TOKEN;
if (!token) {
  console.error('Set PARTNER_TOKEN, e.g. PARTNER_TOKEN=$(npm run -s token -- --role PARTNER --partner usu)');
  process.exit(2);
}

const state: SyncState = existsSync(values.state)
  ? JSON.parse(readFileSync(values.state, 'utf8'))
  : { cursor: null, lastSequence: 0, enrollments: {} };

async function fetchPage(after: string | null): Promise<Page> {
  const response = await fetch(values.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: QUERY,
      variables: { first: Number(values['page-size']), after, since: after ? null : (values.since ?? null) },
    }),
  });
  const body = (await response.json()) as { data?: { partnerEnrollments: Page }; errors?: unknown[] };
  if (!body.data) throw new Error(`sync failed (HTTP ${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data.partnerEnrollments;
}

function apply(change: Change): boolean {
  const known = state.enrollments[change.enrollmentId];
  if (known && known.version >= change.version) return false;
  state.enrollments[change.enrollmentId] = {
    version: change.version,
    status: change.status,
    program: change.enrollment?.program.title ?? known?.program,
    nip: change.enrollment?.employee.nip ?? known?.nip,
    agency: change.agencyCode,
  };
  return true;
}

function save(): void {
  const temporary = `${values.state}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 1));
  renameSync(temporary, values.state);
}

const counts: Record<string, number> = {};
let pages = 0;
let received = 0;
for (let hasNext = true; hasNext; ) {
  const page = await fetchPage(state.cursor);
  pages += 1;
  for (const { node } of page.edges) {
    if (node.sequence !== state.lastSequence + 1 && state.lastSequence > 0) {
      throw new Error(`gap in the feed: expected ${state.lastSequence + 1}, got ${node.sequence}`);
    }
    received += 1;
    if (apply(node)) counts[node.changeType] = (counts[node.changeType] ?? 0) + 1;
    state.lastSequence = node.sequence;
  }
  if (page.pageInfo.endCursor) state.cursor = page.pageInfo.endCursor;
  save();
  hasNext = page.pageInfo.hasNextPage;
}

const byStatus: Record<string, number> = {};
for (const e of Object.values(state.enrollments)) byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
console.log(
  JSON.stringify({
    pages,
    received,
    applied: counts,
    lastSequence: state.lastSequence,
    mirrored: Object.keys(state.enrollments).length,
    byStatus,
  }),
);
