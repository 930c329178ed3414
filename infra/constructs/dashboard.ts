import { Duration } from 'aws-cdk-lib';
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  Stats,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC } from '../../src/observability/metric-catalog';
import type { StageConfig } from '../stage-config';
import { GraphqlMetrics } from './graphql-metrics';

/** Props of {@link OperationsDashboard}. */
export interface OperationsDashboardProps {
  config: StageConfig;
  graphqlFunction: IFunction;
  aggregatorFunction: IFunction;
  table: TableV2;
  deadLetterQueue: IQueue;
  apiStage: Stage;
  alarms: Alarm[];
}

/**
 * One CloudWatch dashboard per stage: alarm states, the API, the GraphQL function's own metrics
 * (requests by outcome and operation, latency, DynamoDB calls per request, what dashboards and
 * partners received, rate limits, webhook deliveries), then functions, table and stream.
 */
export class OperationsDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 8, height: 6, period });
    const { graphqlFunction: graphql, aggregatorFunction: aggregator, apiStage, table } = props;
    const api = new GraphqlMetrics(props.config.stage);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.config.prefix,
      defaultInterval: Duration.hours(6),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 4 })],
        [
          graph('API requests and errors', [
            apiStage.metricCount({ statistic: Stats.SUM }),
            apiStage.metricClientError({ statistic: Stats.SUM }),
            apiStage.metricServerError({ statistic: Stats.SUM }),
          ]),
          graph('API latency (p50, p99)', [
            apiStage.metricLatency({ statistic: Stats.p(50) }),
            apiStage.metricLatency({ statistic: Stats.p(99) }),
            apiStage.metricIntegrationLatency({ statistic: Stats.p(99) }),
          ]),
          graph(
            'GraphQL function',
            [
              graphql.metricInvocations({ statistic: Stats.SUM }),
              graphql.metricErrors({ statistic: Stats.SUM }),
            ],
            [graphql.metricDuration({ statistic: Stats.p(99) })],
          ),
        ],
        [
          graph('GraphQL requests by outcome', api.requestsByOutcome()),
          graph('GraphQL requests by operation', [api.requestsByOperation()]),
          graph(
            'GraphQL latency (ms) and DynamoDB calls per request',
            [api.metric(METRIC.latency, Stats.p(50), 'p50'), api.metric(METRIC.latency, Stats.p(99), 'p99')],
            [
              api.metric(METRIC.dynamoCalls, Stats.AVERAGE, 'DynamoDB calls (avg)'),
              api.metric(METRIC.dynamoCalls, Stats.MAXIMUM, 'DynamoDB calls (max)'),
            ],
          ),
        ],
        [
          graph('Dashboards: aggregate groups returned', [api.metric(METRIC.aggregateGroups)]),
          graph('Partners: sync pages and webhook deliveries', [
            api.metric(METRIC.partnerSyncPages),
            api.webhookDeliveries(),
          ]),
          graph('Public feedback: rate-limited submissions', [api.metric(METRIC.rateLimitedSubmissions)]),
        ],
        [
          graph(
            'Aggregator',
            [
              aggregator.metricInvocations({ statistic: Stats.SUM }),
              aggregator.metricErrors({ statistic: Stats.SUM }),
            ],
            [aggregator.metric('IteratorAge', { statistic: Stats.MAXIMUM })],
          ),
          graph('Aggregator dead-letter queue', [
            props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM }),
          ]),
          graph(
            'Table capacity and throttling',
            [
              table.metricConsumedReadCapacityUnits({ statistic: Stats.SUM }),
              table.metricConsumedWriteCapacityUnits({ statistic: Stats.SUM }),
            ],
            [
              table.metric('ReadThrottleEvents', { statistic: Stats.SUM }),
              table.metric('WriteThrottleEvents', { statistic: Stats.SUM }),
            ],
          ),
        ],
      ],
    });
  }
}
