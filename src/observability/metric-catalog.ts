/**
 * The API's CloudWatch metrics, named once: the GraphQL function publishes them (Powertools
 * Metrics, EMF) and the CDK dashboard (infra/constructs/dashboard.ts) graphs them.
 */

/** The CloudWatch namespace of every metric. */
export const METRIC_NAMESPACE = 'PembinaanAsn';

/** Metric names. */
export const METRIC = {
  /** One per GraphQL request (dimensions: operation, outcome). */
  requests: 'Requests',
  /** Milliseconds from the request's arrival to its answer. */
  latency: 'Latency',
  /** DynamoDB requests one GraphQL request sent. */
  dynamoCalls: 'DynamoDBCalls',
  /** `submitFeedback` refused by the rate limit (RATE_LIMITED). */
  rateLimitedSubmissions: 'RateLimitedSubmissions',
  /** Pages of `partnerEnrollments` answered (partner delta sync). */
  partnerSyncPages: 'PartnerSyncPages',
  /** Webhook deliveries to partners (reserved for the webhook dispatcher). */
  webhookDeliveries: 'WebhookDeliveries',
  /** Groups `aggregate` returned (dashboards). */
  aggregateGroups: 'AggregateGroups',
} as const;

/** Dimension names. */
export const DIMENSION = {
  service: 'service',
  stage: 'stage',
  operation: 'operation',
  outcome: 'outcome',
} as const;

/** The `service` dimension of the GraphQL function's metrics. */
export const METRIC_SERVICE = 'graphql';

/** The `service` dimension the webhook dispatcher counts WebhookDeliveries under (createJobMetrics). */
export const WEBHOOK_METRIC_SERVICE = 'webhooks';

/** How a request ended: no error; only errors of the request (input, auth, limits); a server fault. */
export const OUTCOMES = ['ok', 'client_error', 'server_error'] as const;
/** A request's outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** The operation dimension of anything neither trusted nor allow-listed. */
export const OTHER_OPERATION = 'other';
