import { Duration, Validations } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FACT_ENTITIES } from '../../src/domain/analytics/facts';
import type { StageConfig } from '../stage-config';
import { LambdaFunction } from './lambda-function';
import type { ApiTable } from './table';

/** How the aggregator consumes the stream; exported so the tests check the same numbers. */
export const AGGREGATOR_STREAM_SETTINGS = {
  batchSize: 100,
  maxBatchingWindowSeconds: 1,
  /** Bounded: with bisection a poison record is isolated in a few halvings, then parked in the DLQ. */
  retryAttempts: 5,
  /** Records older than this (function down for hours) go to the DLQ; `rebuild-rollups` repairs. */
  maxRecordAgeHours: 6,
} as const;

/** Props of {@link Aggregator}. */
export interface AggregatorProps {
  config: StageConfig;
  table: ApiTable;
}

/**
 * The stream aggregator (src/handlers/stream-aggregator.ts): keeps dashboard rollups, written to
 * the same table, in step with the base items. Partial batch failures are reported so only the
 * failed records are retried; what still fails is recorded in an encrypted SQS dead-letter queue.
 */
export class Aggregator extends Construct {
  /** The function and its role. */
  readonly lambda: LambdaFunction;
  /** Where the event source mapping records batches it gave up on. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: AggregatorProps) {
    super(scope, id);
    const { config } = props;
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `${config.prefix}-aggregator-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination (onFailure) of the stream event source ' +
        'mapping; cdk-nag only recognises queues named in another queue redrive policy.',
    });

    this.lambda = new LambdaFunction(this, 'Aggregator', {
      config,
      name: 'stream-aggregator',
      description: `Pembinaan ASN stream aggregator: dashboard rollups (${config.stage})`,
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: { STAGE: config.stage, TABLE_NAME: props.table.table.tableName, LOG_LEVEL: 'INFO' },
    });
    props.table.grantData(this.lambda.role);

    const s = AGGREGATOR_STREAM_SETTINGS;
    this.lambda.fn.addEventSource(
      new DynamoEventSource(props.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: s.batchSize,
        maxBatchingWindow: Duration.seconds(s.maxBatchingWindowSeconds),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: s.retryAttempts,
        maxRecordAge: Duration.hours(s.maxRecordAgeHours),
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only records whose old or new image is a fact: the rollups' own writes (and every other
        // item) never invoke the function, which would ignore them anyway.
        filters: (['NewImage', 'OldImage'] as const).map((image) =>
          FilterCriteria.filter({
            dynamodb: { [image]: { entity: { S: FilterRule.or(...FACT_ENTITIES) } } },
          }),
        ),
      }),
    );
  }
}
