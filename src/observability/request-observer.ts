import type { Logger } from '@aws-lambda-powertools/logger';
import type { Outcome } from './metric-catalog';
import { type OperationDimensionPolicy, operationDimension, outcomeOf } from './request-outcome';
import { newTelemetry, type RequestTelemetry, runWithTelemetry } from './request-telemetry';

/** What was reported about one GraphQL request. */
export interface RequestReport {
  requestId: string | undefined;
  /** The operation's name as sent (`anonymous` without one). */
  operation: string;
  /** The metric dimension: the name when trusted or allow-listed, else `other`. */
  operationDimension: string;
  operationType: string | undefined;
  outcome: Outcome;
  status: number;
  durationMs: number;
  dynamoCalls: number;
  errorCodes: string[];
  aggregateGroups: number;
  partnerSyncPages: number;
  rateLimitedSubmissions: number;
}

/** Where request metrics go: Powertools Metrics (EMF) in AWS; nowhere locally. */
export interface MetricsSink {
  publish(report: RequestReport): void;
}

/** An open trace subsegment (a resolver). */
export interface TraceSpan {
  end(failure?: 'error' | 'fault'): void;
}

/** X-Ray through Powertools Tracer in AWS; absent locally. */
export interface Tracing {
  /** A subsegment of the current request's segment, or undefined when there is none. */
  span(name: string): TraceSpan | undefined;
  /** Indexed annotations of the current request's segment (operation, outcome). */
  annotate(annotations: Record<string, string | number>): void;
}

/** Reports every GraphQL request once: a log line always, metrics and trace annotations where enabled. */
export interface RequestObserver {
  /**
   * Runs `work` (the server's handling of one HTTP request) with a telemetry record open, then
   * reports it if it reached GraphQL. `statusOf` reads the HTTP status from the result.
   */
  observe<T>(work: () => Promise<T>, statusOf: (result: T) => number): Promise<T>;
}

export interface RequestObserverOptions {
  logger: Logger;
  policy: OperationDimensionPolicy;
  metrics?: MetricsSink | undefined;
  tracing?: Tracing | undefined;
}

/** The observer of the process: built once by createDeps. */
export function createRequestObserver(options: RequestObserverOptions): RequestObserver {
  const report = (telemetry: RequestTelemetry, status: number): void => {
    if (!telemetry.graphql) return;
    const outcome = outcomeOf(status, telemetry.errorCodes);
    const request: RequestReport = {
      requestId: telemetry.requestId,
      operation: telemetry.operationName ?? 'anonymous',
      operationDimension: operationDimension(telemetry, options.policy),
      operationType: telemetry.operationType,
      outcome,
      status,
      durationMs: Math.round((performance.now() - telemetry.startedAt) * 10) / 10,
      dynamoCalls: telemetry.reads?.calls ?? 0,
      errorCodes: [...telemetry.errorCodes],
      aggregateGroups: telemetry.aggregateGroups,
      partnerSyncPages: telemetry.partnerSyncPages,
      rateLimitedSubmissions: telemetry.errorCodes.has('RATE_LIMITED') ? 1 : 0,
    };
    const { requestId, operation, operationType, durationMs, dynamoCalls, errorCodes } = request;
    options.logger.info('GraphQL request', {
      requestId,
      operation,
      operationType,
      outcome,
      status,
      durationMs,
      dynamoCalls,
      ...(errorCodes.length > 0 ? { errorCodes } : {}),
    });
    options.tracing?.annotate({ operation: operation.slice(0, 200), outcome });
    options.metrics?.publish(request);
  };

  return {
    async observe(work, statusOf) {
      const telemetry = newTelemetry();
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await runWithTelemetry(telemetry, work);
      } catch (error) {
        // The edge failed outside GraphQL's own error handling: a server fault, reported as one.
        report(telemetry, 500);
        throw error;
      }
      report(telemetry, statusOf(result));
      return result;
    },
  };
}
