/**
 * Metrics of a background job (the webhook dispatcher's deliveries, say) in the API's namespace:
 * Powertools Metrics with the job's `service` and the stage as dimensions, the set the CloudWatch
 * dashboard graphs (infra/constructs/graphql-metrics.ts). Count with `addMetric`, then
 * `publishStoredMetrics()` once per invocation.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DIMENSION, METRIC_NAMESPACE } from './metric-catalog';

/** Metrics for `service` (e.g. WEBHOOK_METRIC_SERVICE) in `stage`. */
export function createJobMetrics(options: { service: string; stage: string }): Metrics {
  return new Metrics({
    namespace: METRIC_NAMESPACE,
    serviceName: options.service,
    defaultDimensions: { [DIMENSION.stage]: options.stage },
  });
}
