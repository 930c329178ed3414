import { Aws, Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption, QueuePolicy } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import type { StageConfig } from '../stage-config';
import { LambdaFunction } from './lambda-function';
import type { ApiTable } from './table';

/** Props of {@link Imports}. */
export interface ImportsProps {
  config: StageConfig;
  table: ApiTable;
  /** Where the import alarms go. */
  alarmTopic: ITopic;
}

/** Where uploads land: every key the API signs is `imports/<agency>/<job>`. */
const PREFIX = 'imports/';
/** The import function's time limit; it stops at a checkpoint 90 s before and re-queues itself. */
const FUNCTION_TIMEOUT = Duration.minutes(15);

/**
 * Imports of uploaded files (issue 12): a private, encrypted, TLS-only bucket whose uploads
 * expire after a week; its `ObjectCreated` notifications go to an encrypted queue (with a
 * dead-letter queue after five failed deliveries) that drives the import function
 * (src/handlers/import-file.ts), which re-queues a job near its timeout to resume from the
 * checkpoint. The function may read and delete uploads, write the table and send to its queue.
 */
export class Imports extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly lambda: LambdaFunction;

  constructor(scope: Construct, id: string, props: ImportsProps) {
    super(scope, id);
    const { config } = props;
    // Named, so the queue policy can name the bucket without referring to it (no cycle).
    const bucketName = Fn.join('-', [config.prefix, 'imports', Aws.ACCOUNT_ID, Aws.REGION]);
    const bucketArn = Fn.join('', ['arn:', Aws.PARTITION, ':s3:::', bucketName]);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `${config.prefix}-imports-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the imports queue; a dead-letter queue of its own ' +
        'would only move the same parked messages one step further.',
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: `${config.prefix}-imports`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than a whole run of the function, so a message in work is never handed out twice.
      visibilityTimeout: FUNCTION_TIMEOUT.plus(Duration.minutes(5)),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
      removalPolicy: config.removalPolicy,
    });
    const s3Sends = new QueuePolicy(this, 'S3Notifications', { queues: [this.queue] });
    s3Sends.document.addStatements(
      new PolicyStatement({
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: {
          ArnEquals: { 'aws:SourceArn': bucketArn },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: config.removalPolicy,
      // Uploads hold personal data: the function deletes them when done, and nothing stays a week.
      lifecycleRules: [
        {
          id: 'expire-uploads',
          expiration: Duration.days(7),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Dashboards PUT the file straight to the presigned URL.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: config.dashboardOrigins,
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
    });
    // Set on the CloudFormation resource itself: the L2 notification helper adds a custom-resource Lambda.
    (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = {
      queueConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          queue: this.queue.queueArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: PREFIX }] } },
        },
      ],
    };
    this.bucket.node.addDependency(s3Sends);
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Uploads live minutes (deleted once imported, expired after 7 days); each arrival is recorded by ' +
        'its import job and the audit log. A second bucket of access logs would hold the same facts longer.',
    });

    this.lambda = new LambdaFunction(this, 'ImportFile', {
      config,
      name: 'import-file',
      description: `Pembinaan ASN: imports uploaded CSV/xlsx files in resumable chunks (${config.stage})`,
      memorySize: 1024,
      timeout: FUNCTION_TIMEOUT,
      reservedConcurrentExecutions: 2,
      environment: {
        STAGE: config.stage,
        TABLE_NAME: props.table.table.tableName,
        IMPORT_BUCKET: bucketName,
        IMPORT_QUEUE_URL: this.queue.queueUrl,
        LOG_LEVEL: 'INFO',
      },
    });
    props.table.grantData(this.lambda.role);
    this.grantObjects(this.lambda.role, ['s3:GetObject', 's3:DeleteObject']);
    this.queue.grantSendMessages(this.lambda.role);
    this.lambda.fn.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true }),
    );

    const action = new SnsAction(props.alarmTopic);
    const alarms = [
      new Alarm(this, 'ImportErrors', {
        alarmName: `${config.prefix}-import-errors`,
        alarmDescription: 'The import function failed (crash, timeout); jobs retry from their checkpoint',
        metric: this.lambda.fn.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'ImportDlqDepth', {
        alarmName: `${config.prefix}-import-dlq-depth`,
        alarmDescription:
          'Import messages were given up after 5 deliveries: look up their jobs, then redrive',
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: Stats.MAXIMUM,
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  /** Lets the GraphQL function presign uploads: PutObject under the prefix, nothing else. */
  grantUpload(grantee: IGrantable & IConstruct): void {
    this.grantObjects(grantee, ['s3:PutObject']);
  }

  private grantObjects(grantee: IGrantable & IConstruct, actions: string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${PREFIX}*`)] }),
    );
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(grantee).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${PREFIX}*]`,
      reason:
        'Upload keys are imports/<agency>/<job>, one per job, made at run time; the grant is limited to ' +
        'that prefix and to the named object actions (no List, no bucket-level actions).',
    });
  }
}
