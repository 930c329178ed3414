import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack';

const { template } = synthStack('dev');

describe('the imports construct', () => {
  it('keeps uploads in a private, encrypted, TLS-only bucket that forgets them within a week', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            ExpirationInDays: 7,
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          }),
        ],
      },
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Event: 's3:ObjectCreated:*',
            Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'imports/' }] } },
          }),
        ],
      },
    });
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });

  it('lets only S3 of this bucket and account send to the queue, which parks failures after 5 tries', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: Match.objectLike({ ArnEquals: Match.anyValue(), StringEquals: Match.anyValue() }),
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'pembinaan-asn-dev-imports',
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 1200,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
  });

  it('runs the import function from the queue one message at a time, reporting item failures', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'pembinaan-asn-dev-import-file',
      Timeout: 900,
      Environment: {
        Variables: Match.objectLike({ IMPORT_BUCKET: Match.anyValue(), IMPORT_QUEUE_URL: Match.anyValue() }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('grants objects under imports/ only: read and delete to the import function, put to the GraphQL function', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const s3 = statements.filter((s) => JSON.stringify(s.Action).includes('s3:'));
    expect(s3.map((s) => [s.Action].flat().sort())).toEqual(
      expect.arrayContaining([['s3:DeleteObject', 's3:GetObject'], ['s3:PutObject']]),
    );
    expect(s3).toHaveLength(2);
    for (const statement of s3) expect(JSON.stringify(statement.Resource)).toContain('/imports/*');
  });

  it('alarms on import failures and on anything parked in its dead-letter queue', () => {
    for (const name of ['pembinaan-asn-dev-import-errors', 'pembinaan-asn-dev-import-dlq-depth'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: name,
        AlarmActions: Match.anyValue(),
      });
  });
});
