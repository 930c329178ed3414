/**
 * The delta-sync protocol (README, "Partner delta sync"): start without a cursor (optionally at an
 * instant), apply each page's changes in order, store the page's endCursor together with what was
 * applied (one file, replaced atomically), and ask again while `hasNextPage`. A later run resumes
 * from the stored cursor, so it never misses or repeats a change.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createClient } from '@pembinaan-asn/typed-fetch';
import { PartnerEnrollmentsDocument } from './gql/graphql';
import persistedDocuments from './gql/persisted-documents.json' with { type: 'json' };
import { applyChange, countByStatus, emptyState, type SyncState } from './mirror';

/** Where to sync from and where the state lives. */
export interface SyncOptions {
  /** The partner route, e.g. `http://localhost:4000/partner/graphql`. */
  url: string;
  /** A partner client-credentials token. */
  token: string;
  /** The state file (cursor and mirror). */
  stateFile: string;
  /** Start at this instant on the first run (ISO 8601); the whole history when unset. */
  since?: string | undefined;
  /** Changes per page, 1–100. */
  pageSize?: number;
  /** The partner's API key (`x-api-key`), required by API Gateway in AWS. */
  apiKey?: string | undefined;
}

/** What one run did. */
export interface SyncReport {
  pages: number;
  received: number;
  applied: Record<string, number>;
  lastSequence: number;
  mirrored: number;
  byStatus: Record<string, number>;
}

/** Runs the sync until the feed has nothing more; returns what it did. */
export async function syncEnrollments(options: SyncOptions): Promise<SyncReport> {
  const client = createClient({
    url: options.url,
    token: options.token,
    persistedDocuments,
    ...(options.apiKey ? { headers: { 'x-api-key': options.apiKey } } : {}),
  });
  const state = loadState(options.stateFile);
  const applied: Record<string, number> = {};
  let pages = 0;
  let received = 0;
  for (let hasNext = true; hasNext; ) {
    const { partnerEnrollments: page } = await client.request(PartnerEnrollmentsDocument, {
      first: options.pageSize ?? 100,
      after: state.cursor,
      since: state.cursor ? null : (options.since ?? null),
    });
    pages += 1;
    for (const { node } of page.edges) {
      received += 1;
      if (applyChange(state, node)) applied[node.changeType] = (applied[node.changeType] ?? 0) + 1;
    }
    if (page.pageInfo.endCursor) state.cursor = page.pageInfo.endCursor;
    saveState(options.stateFile, state);
    hasNext = page.pageInfo.hasNextPage;
  }
  return {
    pages,
    received,
    applied,
    lastSequence: state.lastSequence,
    mirrored: Object.keys(state.enrollments).length,
    byStatus: countByStatus(state),
  };
}

function loadState(file: string): SyncState {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SyncState) : emptyState();
}

/** Written beside and renamed over, so a crash leaves the previous state, never half a file. */
function saveState(file: string, state: SyncState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 1));
  renameSync(temporary, file);
}
