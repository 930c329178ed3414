import type { PlaygroundExample } from '../playground-page';

/** Partner institutions: the enrollment delta sync (partner token). */
export const PARTNER_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Partner',
    title: 'Delta sync of enrollments in my programs (partner token)',
    query: `query Sync($after: String) {
  partnerEnrollments(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      sequence changeType changedAt agencyCode status version enrollmentId
      enrollment { program { title } employee { nip name } completedAt postTestScore certificateNumber }
    } }
  }
}`,
    variables: '{ "after": null }',
  },
];
