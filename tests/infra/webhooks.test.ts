import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FAN_OUT_ENTITIES, WEBHOOK_SETTINGS } from '../../infra/constructs/webhooks';
import { devAndProd, functionEnv } from './synth-stack';

const { dev, prod } = devAndProd();

describe.each([
  ['dev', dev],
  ['prod', prod],
])('partner webhooks in %s', (_, { template }) => {
  it('queue deliveries on an encrypted SQS FIFO queue with a FIFO dead-letter queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: Match.stringLikeRegexp('-webhook-deliveries\\.fifo$'),
      FifoQueue: true,
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: WEBHOOK_SETTINGS.retentionDays * 86_400,
      RedrivePolicy: {
        maxReceiveCount: WEBHOOK_SETTINGS.maxReceiveCount,
        deadLetterTargetArn: Match.anyValue(),
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: Match.stringLikeRegexp('-webhook-deliveries-dlq\\.fifo$'),
      FifoQueue: true,
    });
  });

  it('wake the fan-out on feed, endpoint and replay changes of the stream, and every five minutes', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: Match.anyValue(),
      StartingPosition: 'LATEST',
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: [...FAN_OUT_ENTITIES] } } } }) },
        ],
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${WEBHOOK_SETTINGS.sweepMinutes} minutes)`,
    });
  });

  it('feed the dispatcher from the queue with partial batch failures and bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: WEBHOOK_SETTINGS.dispatcherBatchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: WEBHOOK_SETTINGS.dispatcherMaxConcurrency },
    });
  });

  it('refuse private targets on every stage and give the secret key to the API and the dispatcher only', () => {
    for (const name of ['graphql', 'webhook-dispatcher']) {
      const env = functionEnv(template, name);
      expect(env.WEBHOOK_TARGETS).toBe('public');
      expect(env.WEBHOOK_SECRET_KEY_ARN).toBeDefined();
    }
    expect(functionEnv(template, 'webhook-fan-out').WEBHOOK_SECRET_KEY_ARN).toBeUndefined();
    expect(functionEnv(template, 'webhook-fan-out').WEBHOOK_TARGETS).toBe('public');
  });

  it('alarm on dispatcher and fan-out errors and on the webhook dead-letter queue', () => {
    for (const name of ['webhook-dispatcher-errors', 'webhook-fan-out-errors', 'webhook-dlq-depth'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: Match.stringLikeRegexp(`-${name}$`),
      });
  });

  it('let partner clients ask for the webhooks.manage scope', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Scopes: Match.arrayWith([Match.objectLike({ ScopeName: 'webhooks.manage' })]),
    });
  });
});
