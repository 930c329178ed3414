import { describe, expect, it } from 'vitest';
import { METRIC, METRIC_NAMESPACE } from '../../src/observability/metric-catalog';
import { devAndProd, functionEnv, type SynthesizedStack } from './synth-stack';

const { dev, prod } = devAndProd();

/** The dashboard body as JSON, CloudFormation references replaced by a placeholder. */
function dashboardBody({ template }: SynthesizedStack): {
  widgets: { properties: Record<string, unknown> }[];
} {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as {
    Properties: { DashboardBody: unknown };
  }[];
  const body = dashboard?.Properties.DashboardBody;
  const text =
    typeof body === 'string'
      ? body
      : ((body as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1] ?? [])
          .map((part) => (typeof part === 'string' ? part : 'REF'))
          .join('');
  return JSON.parse(text);
}

/** `[namespace, name, ...dimension pairs]` rows and expressions of every graph. */
function graphedMetrics(stack: SynthesizedStack): { metrics: unknown[][]; titles: string[] } {
  const metrics: unknown[][] = [];
  const titles: string[] = [];
  for (const { properties } of dashboardBody(stack).widgets) {
    if (typeof properties.title === 'string') titles.push(properties.title);
    for (const row of (properties.metrics as unknown[][] | undefined) ?? []) metrics.push(row);
  }
  return { metrics, titles };
}

describe('observability in AWS', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ] as const)('turns metrics and X-Ray tracing on for the GraphQL function in %s', (_, stack) => {
    expect(functionEnv(stack.template, 'graphql')).toMatchObject({
      METRICS: 'on',
      TRACING: 'on',
      LOG_LEVEL: 'INFO',
    });
  });

  it('turns metrics on for the webhook dispatcher, which counts WebhookDeliveries', () => {
    expect(functionEnv(prod.template, 'webhook-dispatcher')).toMatchObject({ METRICS: 'on' });
  });

  it("graphs every metric the API publishes, each of the stage's own, on the dashboard", () => {
    const { metrics, titles } = graphedMetrics(prod);
    const named = (name: string) =>
      metrics.filter((row) => row[0] === METRIC_NAMESPACE && row[1] === name && row.includes('prod'));
    for (const name of Object.values(METRIC)) expect(named(name).length, name).toBeGreaterThan(0);
    expect(metrics.flat().filter((cell) => cell === 'dev')).toEqual([]);
    // Requests by outcome: ok, client errors, server faults.
    for (const outcome of ['ok', 'client_error', 'server_error']) {
      expect(
        named(METRIC.requests).filter((row) => row.includes('outcome') && row.includes(outcome)),
      ).toHaveLength(1);
    }
    expect(titles).toEqual(
      expect.arrayContaining([
        'GraphQL requests by outcome',
        'GraphQL requests by operation',
        'GraphQL latency (ms) and DynamoDB calls per request',
      ]),
    );
  });

  it('graphs requests per operation with a search over the operation dimension of the stage', () => {
    const expressions = graphedMetrics(prod)
      .metrics.flat()
      .filter(
        (cell): cell is { expression: string } =>
          typeof (cell as { expression?: unknown })?.expression === 'string',
      )
      .map((cell) => cell.expression);
    expect(expressions).toEqual([
      `SEARCH('{PembinaanAsn,service,stage,operation,outcome} MetricName="Requests" service="graphql" stage="prod"', 'Sum', 300)`,
    ]);
  });
});
