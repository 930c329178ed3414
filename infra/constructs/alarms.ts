import { Duration } from 'aws-cdk-lib';
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config';

/** Props of {@link Alarms}. */
export interface AlarmsProps {
  config: StageConfig;
  graphqlFunction: IFunction;
  aggregatorFunction: IFunction;
  sweeperFunction: IFunction;
  table: TableV2;
  deadLetterQueue: IQueue;
  apiStage: Stage;
  /** Partner webhook functions and their dead-letter queue. */
  webhooks?: { fanOut: IFunction; dispatcher: IFunction; deadLetterQueue: IQueue };
}

interface AlarmSpec {
  id: string;
  description: string;
  metric: IMetric;
  threshold: number;
  evaluationPeriods?: number;
}

/**
 * What pages an operator: errors and throttles of both functions, DynamoDB throttling, the
 * aggregator falling behind the stream, anything in its dead-letter queue and API 5xx. All go to
 * one encrypted SNS topic (subscribe an address with `-c alarmEmail=...`).
 */
export class Alarms extends Construct {
  /** Where alarm and OK notifications go. */
  readonly topic: Topic;
  /** Every alarm, by id. */
  readonly alarms: ReadonlyMap<string, Alarm>;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { config } = props;
    // A customer managed key, because CloudWatch may not use the AWS managed SNS key to publish.
    const key = new Key(this, 'TopicKey', {
      alias: `alias/${config.prefix}-alarms`,
      description: `Encrypts the ${config.prefix} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      topicName: `${config.prefix}-alarms`,
      displayName: `Pembinaan ASN ${config.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    const oneMinute = Duration.minutes(1);
    const specs: AlarmSpec[] = [
      {
        id: 'graphql-errors',
        description:
          'GraphQL function invocations failed (crashes, timeouts; GraphQL errors are not counted)',
        metric: props.graphqlFunction.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 5,
      },
      {
        id: 'graphql-throttles',
        description: 'GraphQL function invocations were throttled (concurrency limit)',
        metric: props.graphqlFunction.metricThrottles({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'aggregator-errors',
        description: 'The stream aggregator failed whole batches; rollups lag until retries succeed',
        metric: props.aggregatorFunction.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'aggregator-throttles',
        description: 'The stream aggregator was throttled',
        metric: props.aggregatorFunction.metricThrottles({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'complaint-sweeper-errors',
        description: 'The hourly complaint sweep failed; overdue complaints are not being flagged',
        metric: props.sweeperFunction.metricErrors({ period: Duration.hours(1), statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'aggregator-iterator-age',
        description: 'The aggregator is more than a minute behind the table stream, for three minutes',
        metric: props.aggregatorFunction.metric('IteratorAge', {
          period: oneMinute,
          statistic: Stats.MAXIMUM,
        }),
        threshold: 60_000,
        evaluationPeriods: 3,
      },
      {
        id: 'aggregator-dlq-depth',
        description: 'Stream batches were given up and parked in the DLQ: run rebuild-rollups, then purge',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: oneMinute,
          statistic: Stats.MAXIMUM,
        }),
        threshold: 1,
      },
      {
        id: 'table-read-throttles',
        description: 'DynamoDB throttled reads on the table',
        metric: props.table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'table-write-throttles',
        description: 'DynamoDB throttled writes on the table',
        metric: props.table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
      },
      {
        id: 'api-5xx',
        description: 'The API answered 5xx (integration failures, timeouts)',
        metric: props.apiStage.metricServerError({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 5,
      },
      ...(props.webhooks ? webhookAlarms(props.webhooks, fiveMinutes, oneMinute) : []),
    ];

    const action = new SnsAction(this.topic);
    const alarms = new Map<string, Alarm>();
    for (const spec of specs) {
      const alarm = new Alarm(this, spec.id, {
        alarmName: `${config.prefix}-${spec.id}`,
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data means no traffic, which is not a failure.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      alarms.set(spec.id, alarm);
    }
    this.alarms = alarms;
  }
}

/** Webhook delivery: crashes of either function and anything parked in the delivery DLQ. */
function webhookAlarms(
  webhooks: NonNullable<AlarmsProps['webhooks']>,
  fiveMinutes: Duration,
  oneMinute: Duration,
): AlarmSpec[] {
  return [
    {
      id: 'webhook-dispatcher-errors',
      description: 'The webhook dispatcher crashed or timed out (failed deliveries are retried, not errors)',
      metric: webhooks.dispatcher.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
      threshold: 5,
    },
    {
      id: 'webhook-fan-out-errors',
      description: 'The webhook fan-out failed; deliveries wait for the next run (5-minute sweep)',
      metric: webhooks.fanOut.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
      threshold: 3,
    },
    {
      id: 'webhook-dlq-depth',
      description:
        'A webhook message crashed the dispatcher 1000 times and was parked in the DLQ: fix, then redrive it to the queue',
      metric: webhooks.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: oneMinute,
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
    },
  ];
}
