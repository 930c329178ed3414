import type { PlaygroundExample } from '../playground-page';

/** Partner institutions: the enrollment delta sync and webhooks (partner token). */
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
  {
    audience: 'Partner',
    title: 'Register a webhook endpoint (the secret is shown once)',
    query: `mutation RegisterWebhook {
  createWebhookEndpoint(input: { url: "https://siakad.example.ac.id/webhooks/pembinaan", changeTypes: [CREATED, COMPLETED, CANCELLED] }) {
    id
    secret
    version
  }
}`,
  },
  {
    audience: 'Partner',
    title: 'My webhook endpoints: health, circuit and delivery counts',
    query: `query WebhookHealth {
  webhookEndpoints {
    id url enabled disabledReason changeTypes activeSecretCount
    health { circuit consecutiveFailures pausedSince nextProbeAt lastSuccessAt delivered failed }
  }
}`,
  },
];
