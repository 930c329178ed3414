import type { CursorCodec } from '../data/cursor';
import { type Connection, pageSize } from '../data/paginate';
import type { EnrollmentChange } from '../domain/partner-feed';
import type { Enrollment } from '../domain/training';
import { BadUserInputError } from '../errors/app-error';
import { requirePartner } from './access';
import type { ServiceDeps } from './ports';
import type { RequestScope } from './request-scope';

/** The `after` cursor that resumes a partner's feed right after `sequence` (0: from the start). */
export function partnerFeedCursor(cursors: CursorCodec, partnerId: string, sequence: number): string {
  return cursors.encode({ s: sequence }, feedScopeOf(partnerId));
}

const feedScopeOf = (partnerId: string) => `partnerFeed:${partnerId}`;

/** Clock skew allowed between writers when starting from `updatedSince` (changes are ordered by sequence). */
const SKEW_MS = 5 * 60_000;

/**
 * Delta sync for partner institutions: the changes to enrollments in their own programs, in
 * every agency they serve, oldest first. Cursors carry the feed sequence, which has no gaps
 * and is committed in order, so resuming from the last cursor never misses or repeats a change.
 */
export function createPartnerSyncService({ partnerFeed, enrollments, cursors }: ServiceDeps) {
  return {
    /** A page of the caller's feed: after a cursor, or from `updatedSince`, or from the beginning. */
    async changes(
      scope: RequestScope,
      args: { updatedSince?: string | null; first?: number | null; after?: string | null },
    ): Promise<Connection<EnrollmentChange>> {
      const { partnerId } = requirePartner(scope.caller);
      const first = pageSize(args.first);
      const feedScope = feedScopeOf(partnerId);
      let position = 0;
      if (args.after) {
        position = Number(cursors.decode(args.after, feedScope, 'after').s);
        if (!Number.isInteger(position) || position < 0)
          throw BadUserInputError.of('after', 'cursor is malformed');
      } else if (args.updatedSince) {
        position = await partnerFeed.before(
          partnerId,
          new Date(Date.parse(args.updatedSince) - SKEW_MS).toISOString(),
        );
      }
      const since = !args.after && args.updatedSince ? args.updatedSince : undefined;
      const found: EnrollmentChange[] = [];
      let next = position;
      const last = await partnerFeed.last(partnerId);
      while (found.length <= first && next < last) {
        const batch = await partnerFeed.after(partnerId, next, first + 1);
        if (batch.length === 0) break;
        found.push(...batch.filter((c) => !since || c.changedAt >= since));
        next = batch.at(-1)?.sequence ?? last;
      }
      const page = found.slice(0, first);
      const edges = page.map((node) => ({ cursor: cursors.encode({ s: node.sequence }, feedScope), node }));
      return {
        edges,
        pageInfo: {
          hasNextPage: found.length > first,
          hasPreviousPage: position > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        // The feed has no gaps: what remains after this page's start is a subtraction.
        totalCount: async () => Math.max(0, last - position),
      };
    },

    /** The enrollment behind a change, as it is now (the caller owns its program, or null). */
    async enrollmentOf(scope: RequestScope, change: EnrollmentChange): Promise<Enrollment | null> {
      const { partnerId } = requirePartner(scope.caller);
      const enrollment = await enrollments.get(scope.loader, change.agencyId, change.enrollmentId);
      return enrollment?.partnerId === partnerId ? enrollment : null;
    },
  };
}

export type PartnerSyncService = ReturnType<typeof createPartnerSyncService>;
