/**
 * Metrics and traces in AWS: Powertools Metrics (CloudWatch EMF) and Powertools Tracer (X-Ray).
 * Imported only when the configuration turns them on (the Lambda), so neither the X-Ray SDK nor
 * its context tracking is loaded by `npm start`, the tests or a cold start that does not use it.
 */

import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DIMENSION, METRIC, METRIC_NAMESPACE, METRIC_SERVICE } from '../observability/metric-catalog';
import type { MetricsSink, RequestReport, Tracing } from '../observability/request-observer';

/** What the Lambda handler gets: the sinks for createDeps and a wrapper for its handler. */
export interface AwsObservability {
  metrics: MetricsSink | undefined;
  tracing: Tracing | undefined;
  /** Traces the DynamoDB calls of `client` (a subsegment per call). */
  instrument(client: DynamoDBClient): void;
  /** Runs one invocation in its own `## handler` subsegment, annotated with the cold start. */
  traceInvocation<T>(work: () => Promise<T>): Promise<T>;
}

/** Builds what `options` turns on, for the stage's metrics and the function's traces. */
export function createAwsObservability(options: {
  stage: string;
  metrics: boolean;
  tracing: boolean;
}): AwsObservability {
  const tracer = options.tracing
    ? new Tracer({ serviceName: METRIC_SERVICE, captureHTTPsRequests: false })
    : undefined;
  return {
    metrics: options.metrics ? emfMetrics(options.stage) : undefined,
    // Powertools turns itself off outside Lambda (no X-Ray daemon): then no resolver is watched.
    tracing: tracer?.isTracingEnabled() ? xrayTracing(tracer) : undefined,
    instrument(client) {
      tracer?.captureAWSv3Client(client);
    },
    traceInvocation: (work) => (tracer ? traced(tracer, work) : work()),
  };
}

/**
 * One EMF record per request, in three dimension sets: the whole stage (latency percentiles,
 * totals), by outcome (error rates), and by operation and outcome (operations are bounded: see
 * operationDimension).
 */
function emfMetrics(stage: string): MetricsSink {
  const metrics = new Metrics({
    namespace: METRIC_NAMESPACE,
    serviceName: METRIC_SERVICE,
    defaultDimensions: { [DIMENSION.stage]: stage },
  });
  return {
    publish(report: RequestReport) {
      metrics.addDimensions({});
      metrics.addDimension(DIMENSION.outcome, report.outcome);
      metrics.addDimensions({
        [DIMENSION.operation]: report.operationDimension,
        [DIMENSION.outcome]: report.outcome,
      });
      metrics.addMetric(METRIC.requests, MetricUnit.Count, 1);
      metrics.addMetric(METRIC.latency, MetricUnit.Milliseconds, report.durationMs);
      metrics.addMetric(METRIC.dynamoCalls, MetricUnit.Count, report.dynamoCalls);
      if (report.aggregateGroups > 0)
        metrics.addMetric(METRIC.aggregateGroups, MetricUnit.Count, report.aggregateGroups);
      if (report.partnerSyncPages > 0) {
        metrics.addMetric(METRIC.partnerSyncPages, MetricUnit.Count, report.partnerSyncPages);
      }
      if (report.rateLimitedSubmissions > 0) {
        metrics.addMetric(METRIC.rateLimitedSubmissions, MetricUnit.Count, report.rateLimitedSubmissions);
      }
      metrics.publishStoredMetrics();
    },
  };
}

function xrayTracing(tracer: Tracer): Tracing {
  return {
    span(name) {
      const subsegment = tracer.getSegment()?.addNewSubsegment(name);
      if (!subsegment) return undefined;
      return {
        end(failure) {
          if (failure === 'fault') subsegment.addFaultFlag();
          else if (failure === 'error') subsegment.addErrorFlag();
          subsegment.close();
        },
      };
    },
    annotate(annotations) {
      for (const [key, value] of Object.entries(annotations)) tracer.putAnnotation(key, value);
    },
  };
}

/**
 * Powertools' captureLambdaHandler, by hand: it would also store the whole response as trace
 * metadata, and GraphQL responses hold personal data (names, NIPs) that X-Ray must not keep.
 */
async function traced<T>(tracer: Tracer, work: () => Promise<T>): Promise<T> {
  const segment = tracer.getSegment();
  const subsegment = segment?.addNewSubsegment('## handler');
  if (segment && subsegment) tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await work();
  } catch (error) {
    subsegment?.addFaultFlag();
    throw error;
  } finally {
    subsegment?.close();
    if (segment) tracer.setSegment(segment);
  }
}
