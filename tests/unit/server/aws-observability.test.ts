import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config/load-config';
import { createJobMetrics } from '../../../src/observability/job-metrics';
import { METRIC, WEBHOOK_METRIC_SERVICE } from '../../../src/observability/metric-catalog';
import type { RequestReport } from '../../../src/observability/request-observer';
import { operationDimension, outcomeOf } from '../../../src/observability/request-outcome';
import { createAwsObservability } from '../../../src/server/aws-observability';

const report: RequestReport = {
  requestId: 'r-1',
  operation: 'DashboardSeries',
  operationDimension: 'DashboardSeries',
  operationType: 'query',
  outcome: 'ok',
  status: 200,
  durationMs: 42.5,
  dynamoCalls: 3,
  errorCodes: [],
  aggregateGroups: 12,
  partnerSyncPages: 0,
  rateLimitedSubmissions: 0,
};

function emfLines(work: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('metrics in AWS (Powertools Metrics, EMF)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one EMF record per request: by stage, by outcome, and by operation and outcome', () => {
    const { metrics } = createAwsObservability({ stage: 'prod', metrics: true, tracing: false });
    const [record, ...more] = emfLines(() => metrics?.publish(report));
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      service: 'graphql',
      stage: 'prod',
      outcome: 'ok',
      operation: 'DashboardSeries',
      Requests: 1,
      Latency: 42.5,
      DynamoDBCalls: 3,
      AggregateGroups: 12,
    });
    const aws = record?._aws as { CloudWatchMetrics: Record<string, unknown>[] } | undefined;
    const [directive] = aws?.CloudWatchMetrics ?? [];
    expect(directive?.Namespace).toBe('PembinaanAsn');
    expect(directive?.Dimensions).toEqual([
      ['service', 'stage', 'outcome'],
      ['service', 'stage'],
      ['service', 'stage', 'operation', 'outcome'],
    ]);
    expect(directive?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'Requests', Unit: 'Count' },
        { Name: 'Latency', Unit: 'Milliseconds' },
      ]),
    );
    // Only what happened: no partner page, no rate limit in this request.
    expect(record).not.toHaveProperty('PartnerSyncPages');
    expect(record).not.toHaveProperty('RateLimitedSubmissions');
  });

  it('counts a rate-limited submission and a partner page when they happen', () => {
    const { metrics } = createAwsObservability({ stage: 'dev', metrics: true, tracing: false });
    const [record] = emfLines(() =>
      metrics?.publish({
        ...report,
        outcome: 'client_error',
        rateLimitedSubmissions: 1,
        partnerSyncPages: 2,
      }),
    );
    expect(record).toMatchObject({ RateLimitedSubmissions: 1, PartnerSyncPages: 2, outcome: 'client_error' });
  });

  it("counts a background job's work (webhook deliveries) under its service and the stage", () => {
    const metrics = createJobMetrics({ service: WEBHOOK_METRIC_SERVICE, stage: 'prod' });
    const [record] = emfLines(() => {
      metrics.addMetric(METRIC.webhookDeliveries, MetricUnit.Count, 3);
      metrics.publishStoredMetrics();
    });
    expect(record).toMatchObject({ service: 'webhooks', stage: 'prod', WebhookDeliveries: 3 });
    const aws = record?._aws as
      | { CloudWatchMetrics: { Dimensions: string[][]; Namespace: string }[] }
      | undefined;
    expect(aws?.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'PembinaanAsn',
      Dimensions: [['service', 'stage']],
    });
  });

  it('has no metrics sink and no tracing when they are off, and traces nothing outside Lambda', async () => {
    const off = createAwsObservability({ stage: 'dev', metrics: false, tracing: false });
    expect(off.metrics).toBeUndefined();
    expect(off.tracing).toBeUndefined();
    const outsideLambda = createAwsObservability({ stage: 'dev', metrics: false, tracing: true });
    expect(outsideLambda.tracing).toBeUndefined();
    expect(await outsideLambda.traceInvocation(async () => 'answered')).toBe('answered');
  });

  it('is off unless configured: npm start and the tests neither publish metrics nor trace', () => {
    expect(loadConfig({}).observability).toEqual({ metrics: false, tracing: false, metricOperations: [] });
    expect(loadConfig({ METRICS: 'on', TRACING: 'on', METRIC_OPERATIONS: 'A, B' }).observability).toEqual({
      metrics: true,
      tracing: true,
      metricOperations: ['A', 'B'],
    });
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('DEBUG');
  });
});

describe('request outcome and operation dimension', () => {
  it.each([
    [200, [], 'ok'],
    [200, ['NOT_FOUND'], 'client_error'],
    [401, ['UNAUTHENTICATED'], 'client_error'],
    [400, [], 'client_error'],
    [200, ['BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'], 'server_error'],
    [500, [], 'server_error'],
  ] as const)('status %d with codes %j is %s', (status, codes, outcome) => {
    expect(outcomeOf(status, new Set(codes))).toBe(outcome);
  });

  it('names an operation only for a trusted document or an allow-listed name', () => {
    const policy = { isTrustedDocument: (hash: string) => hash === 'abc', allowedNames: new Set(['Listed']) };
    expect(operationDimension({ operationName: 'Mine', documentHash: 'abc' }, policy)).toBe('Mine');
    expect(operationDimension({ operationName: 'Mine', documentHash: 'def' }, policy)).toBe('other');
    expect(operationDimension({ operationName: 'Listed', documentHash: 'def' }, policy)).toBe('Listed');
    expect(operationDimension({ operationName: undefined, documentHash: 'abc' }, policy)).toBe('other');
  });
});
