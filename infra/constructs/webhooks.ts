import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import type { Role } from 'aws-cdk-lib/aws-iam';
import {
  FilterCriteria,
  FilterRule,
  type Function as LambdaFn,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { DeduplicationScope, FifoThroughputLimit, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config';
import { LambdaFunction } from './lambda-function';
import type { ApiTable } from './table';

/** The numbers the tests check against the template. */
export const WEBHOOK_SETTINGS = {
  /** Each retry and each wait for a paused endpoint's probe is a receive; only a message that keeps crashing the dispatcher reaches the DLQ. */
  maxReceiveCount: 1000,
  /** Longer than the three-day retry window plus the longest wait. */
  retentionDays: 14,
  dispatcherBatchSize: 10,
  dispatcherTimeoutSeconds: 60,
  /** Caps the parallel attempts against partners' servers. */
  dispatcherMaxConcurrency: 10,
  sweepMinutes: 5,
} as const;

/** Table entities whose changes wake the fan-out: new feed entries, endpoint changes, replays. */
export const FAN_OUT_ENTITIES = ['EnrollmentChange', 'WebhookEndpoint', 'WebhookReplay'] as const;

/** Props of {@link Webhooks}. */
export interface WebhooksProps {
  config: StageConfig;
  table: ApiTable;
  /** The cursor secret (the dispatcher renders payloads through the partners' paginated query). */
  cursorSecret: ISecret;
  /** The GraphQL function and its role: it seals new endpoints' secrets. */
  graphqlFunction: LambdaFn;
  graphqlRole: Role;
}

/**
 * Partner push: table stream (and a 5-minute sweep) -> fan-out Lambda -> SQS FIFO queue (message
 * group = endpoint + enrollment, so order per enrollment holds) -> dispatcher Lambda, with a FIFO
 * dead-letter queue. Signing secrets are sealed with a key of their own in Secrets Manager.
 */
export class Webhooks extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly secretKey: Secret;
  readonly fanOut: LambdaFunction;
  readonly dispatcher: LambdaFunction;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    const { config } = props;
    const s = WEBHOOK_SETTINGS;
    this.secretKey = new Secret(this, 'SecretKey', {
      secretName: `${config.prefix}/webhook-secret-key`,
      description: 'Key that seals partner webhook signing secrets at rest (AES-256-GCM)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.secretKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the sealing key needs every stored webhook secret re-sealed first (the box reads one ' +
        'key version today); it is a planned manual step, like the cursor key.',
    });
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `${config.prefix}-webhook-deliveries-dlq.fifo`,
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(s.retentionDays),
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the webhook delivery queue; a dead-letter queue of its ' +
        'own would only move the same messages once more.',
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: `${config.prefix}-webhook-deliveries.fifo`,
      fifo: true,
      // High-throughput FIFO: order and deduplication per message group (endpoint + enrollment).
      deduplicationScope: DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      visibilityTimeout: Duration.seconds(s.dispatcherTimeoutSeconds * 2),
      retentionPeriod: Duration.days(s.retentionDays),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: s.maxReceiveCount },
      removalPolicy: config.removalPolicy,
    });

    const environment = {
      STAGE: config.stage,
      TABLE_NAME: props.table.table.tableName,
      LOG_LEVEL: 'INFO',
      WEBHOOK_QUEUE_URL: this.queue.queueUrl,
      // Every AWS stage, dev included, refuses private and loopback targets (SSRF).
      WEBHOOK_TARGETS: 'public',
    };
    this.fanOut = new LambdaFunction(this, 'FanOut', {
      config,
      name: 'webhook-fan-out',
      description: `Pembinaan ASN webhook fan-out: feed changes to the delivery queue (${config.stage})`,
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment,
    });
    props.table.grantData(this.fanOut.role);
    this.queue.grantSendMessages(this.fanOut.role);
    this.fanOut.fn.addEventSource(
      new DynamoEventSource(props.table.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        // A failed batch is not lost: the fan-out works from cursors, and the sweep runs it again.
        retryAttempts: 3,
        maxRecordAge: Duration.hours(1),
        filters: [
          FilterCriteria.filter({
            dynamodb: { NewImage: { entity: { S: FilterRule.or(...FAN_OUT_ENTITIES) } } },
          }),
        ],
      }),
    );
    new Rule(this, 'Sweep', {
      description: 'Runs the webhook fan-out over every endpoint (safety net behind the stream trigger)',
      schedule: Schedule.rate(Duration.minutes(s.sweepMinutes)),
      targets: [new LambdaTarget(this.fanOut.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(10) })],
    });

    this.dispatcher = new LambdaFunction(this, 'Dispatcher', {
      config,
      name: 'webhook-dispatcher',
      description: `Pembinaan ASN webhook dispatcher: signed POSTs to partner endpoints (${config.stage})`,
      memorySize: 512,
      timeout: Duration.seconds(s.dispatcherTimeoutSeconds),
      environment: {
        ...environment,
        WEBHOOK_TIMEOUT_MS: '5000',
        // WebhookDeliveries in CloudWatch (src/webhooks/delivery-metrics.ts).
        METRICS: 'on',
        CURSOR_SECRET_ARN: props.cursorSecret.secretArn,
        WEBHOOK_SECRET_KEY_ARN: this.secretKey.secretArn,
      },
    });
    props.table.grantData(this.dispatcher.role);
    props.cursorSecret.grantRead(this.dispatcher.role);
    this.secretKey.grantRead(this.dispatcher.role);
    this.dispatcher.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: s.dispatcherBatchSize,
        reportBatchItemFailures: true,
        maxConcurrency: s.dispatcherMaxConcurrency,
      }),
    );

    // The API seals the secrets of new and rotated endpoints and checks their URLs.
    props.graphqlFunction.addEnvironment('WEBHOOK_SECRET_KEY_ARN', this.secretKey.secretArn);
    props.graphqlFunction.addEnvironment('WEBHOOK_TARGETS', 'public');
    this.secretKey.grantRead(props.graphqlRole);
  }
}
