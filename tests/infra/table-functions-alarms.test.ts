import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AGGREGATOR_STREAM_SETTINGS } from '../../infra/constructs/aggregator';
import { copyPlaygroundHooks, PLAYGROUND_DIR_IN_LAMBDA } from '../../infra/constructs/graphql-function';
import { TABLE_DATA_ACTIONS } from '../../infra/constructs/table';
import { GLOBAL_INDEXES, TTL_ATTRIBUTE } from '../../src/data/table-definition';
import { FACT_ENTITIES } from '../../src/domain/analytics/facts';
import { devAndProd, functionEnv, PROD_CONTEXT, synthStack } from './synth-stack';

const { dev, prod } = devAndProd();
const stages = [
  { stage: 'dev', ...dev },
  { stage: 'prod', ...prod },
] as const;

describe('the stack', () => {
  it.each(stages)('is environment-agnostic in $stage, so synth needs no AWS account', ({ stack }) => {
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
  });

  it.each(stages)('puts the stage into every physical name in $stage', ({ stage, template }) => {
    const names: [string, string][] = [
      ['AWS::Lambda::Function', 'FunctionName'],
      ['AWS::DynamoDB::GlobalTable', 'TableName'],
      ['AWS::SQS::Queue', 'QueueName'],
      ['AWS::SNS::Topic', 'TopicName'],
      ['AWS::CloudWatch::Alarm', 'AlarmName'],
      ['AWS::CloudWatch::Dashboard', 'DashboardName'],
      ['AWS::Cognito::UserPool', 'UserPoolName'],
      ['AWS::Cognito::UserPoolClient', 'ClientName'],
      ['AWS::ApiGateway::RestApi', 'Name'],
      ['AWS::ApiGateway::UsagePlan', 'UsagePlanName'],
      ['AWS::ApiGateway::ApiKey', 'Name'],
      ['AWS::WAFv2::WebACL', 'Name'],
      ['AWS::Logs::LogGroup', 'LogGroupName'],
      ['AWS::SecretsManager::Secret', 'Name'],
    ];
    for (const [type, property] of names) {
      const resources = Object.values(template.findResources(type)) as {
        Properties: Record<string, unknown>;
      }[];
      expect(resources.length, type).toBeGreaterThan(0);
      for (const resource of resources) expect(resource.Properties[property], type).toContain(`-${stage}`);
    }
  });
});

describe('the table', () => {
  it('is declared from src/data/table-definition.ts: pk/sk, four string GSIs projecting all, TTL, stream', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith([{ AttributeName: 'gsi4sk', AttributeType: 'S' }]),
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('is protected from deletion and retained in prod only', () => {
    prod.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    dev.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
    });
  });

  it('lets the six data functions read and write items and query the named indexes, and nothing else', () => {
    const policies = Object.values(dev.template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
    }[];
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const dynamoStatements = statements.filter((s) => [s.Action].flat().includes('dynamodb:GetItem'));
    // GraphQL, aggregator, complaint sweeper, webhook fan-out, webhook dispatcher and import.
    expect(dynamoStatements).toHaveLength(6);
    for (const statement of dynamoStatements) {
      expect([...[statement.Action].flat()].sort()).toEqual([...TABLE_DATA_ACTIONS].sort());
      expect(JSON.stringify(statement.Resource)).not.toContain('*');
      expect((statement.Resource as unknown[]).length).toBe(1 + GLOBAL_INDEXES.length);
    }
    const streamStatements = statements.filter((s) => [s.Action].flat().includes('dynamodb:GetRecords'));
    // The aggregator and the webhook fan-out read the stream.
    expect(streamStatements).toEqual([
      expect.objectContaining({
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'StreamArn'] },
      }),
      expect.objectContaining({
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'StreamArn'] },
      }),
    ]);
  });
});

describe('the Lambda functions', () => {
  it.each(stages)(
    'run Node 22 on arm64 with active tracing, JSON logs and source maps in $stage',
    ({ template }) => {
      const functions = Object.values(template.findResources('AWS::Lambda::Function'));
      expect(functions).toHaveLength(7);
      for (const fn of functions) {
        expect(fn).toMatchObject({
          Properties: {
            Runtime: 'nodejs22.x',
            Architectures: ['arm64'],
            Handler: 'index.handler',
            TracingConfig: { Mode: 'Active' },
            LoggingConfig: { LogFormat: 'JSON' },
            Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
          },
        });
      }
    },
  );

  it('keeps logs two weeks in dev and a year in prod', () => {
    for (const group of Object.values(dev.template.findResources('AWS::Logs::LogGroup'))) {
      expect(group).toMatchObject({ Properties: { RetentionInDays: 14 }, DeletionPolicy: 'Delete' });
    }
    for (const group of Object.values(prod.template.findResources('AWS::Logs::LogGroup'))) {
      expect(group).toMatchObject({ Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain' });
    }
  });

  it('configures the GraphQL function for Cognito, the cursor secret and every app client', () => {
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'pembinaan-asn-dev-graphql',
      MemorySize: 1024,
      Timeout: 10,
      Environment: {
        Variables: Match.objectLike({
          STAGE: 'dev',
          TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataTable') },
          AUTH_MODE: 'cognito',
          COGNITO_USER_POOL_ID: { Ref: Match.stringLikeRegexp('^AuthUserPool') },
          CURSOR_SECRET_ARN: { Ref: Match.stringLikeRegexp('CursorSecret') },
          LOG_LEVEL: 'INFO',
        }),
      },
    });
    const clientIds = JSON.stringify(functionEnv(dev.template, 'graphql').COGNITO_CLIENT_IDS);
    for (const client of ['StaffClient', 'PartnerClientusu', 'PartnerClientunsri'])
      expect(clientIds).toContain(client);
  });

  it('generates a 64-character cursor secret without punctuation, readable by the GraphQL role', () => {
    dev.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
    // The GraphQL role reads the cursor secret (and the webhook sealing key: one merged statement).
    const policies = dev.template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^GraphqlApiGraphqlRole') }] },
    });
    const secretReads = Object.values(policies)
      .flatMap(
        (p) =>
          (p as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } })
            .Properties.PolicyDocument.Statement,
      )
      .filter(
        (st) =>
          JSON.stringify(st.Action) ===
          JSON.stringify(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']),
      );
    expect(JSON.stringify(secretReads)).toMatch(/CursorSecret/);
  });

  it('serves GraphiQL from the package in dev, and has no playground at all in prod', () => {
    expect(functionEnv(dev.template, 'graphql')).toMatchObject({
      PLAYGROUND: 'on',
      PLAYGROUND_DIR: PLAYGROUND_DIR_IN_LAMBDA,
    });
    const prodEnv = functionEnv(prod.template, 'graphql');
    expect(prodEnv.PLAYGROUND).toBe('off');
    expect(prodEnv).not.toHaveProperty('PLAYGROUND_DIR');
    dev.template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'playground' });
    expect(
      prod.template.findResources('AWS::ApiGateway::Resource', { Properties: { PathPart: 'playground' } }),
    ).toEqual({});
  });

  it('copies the built GraphiQL into the dev package with its bundling hook', () => {
    const root = mkdtempSync(join(tmpdir(), 'asn-hooks-'));
    const input = join(root, 'input');
    const output = join(root, 'output');
    mkdirSync(join(input, 'dist', 'playground'), { recursive: true });
    mkdirSync(output);
    for (const name of ['app.js', 'app.css', '.fingerprint'])
      writeFileSync(join(input, 'dist', 'playground', name), 'x');
    for (const command of copyPlaygroundHooks().afterBundling(input, output))
      execFileSync('bash', ['-c', command]);
    expect(existsSync(join(output, 'playground', 'app.js'))).toBe(true);
    expect(existsSync(join(output, 'playground', 'app.css'))).toBe(true);
    expect(existsSync(join(output, 'playground', '.fingerprint'))).toBe(false);
  });

  it('consumes the stream with bisection, partial batch responses, bounded retries and a DLQ', () => {
    const s = AGGREGATOR_STREAM_SETTINGS;
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^StreamAggregator') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: s.batchSize,
      MaximumBatchingWindowInSeconds: s.maxBatchingWindowSeconds,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: s.retryAttempts,
      MaximumRecordAgeInSeconds: s.maxRecordAgeHours * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] } },
      },
    });
  });

  it('invokes the aggregator only for records whose old or new image is a fact', () => {
    const entities = { S: [...FACT_ENTITIES] };
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^StreamAggregator') },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: entities } } }) },
          { Pattern: JSON.stringify({ dynamodb: { OldImage: { entity: entities } } }) },
        ],
      },
    });
  });

  it('sweeps overdue complaints on an hourly EventBridge schedule, one run at a time', () => {
    dev.template.hasResourceProperties('AWS::Events::Rule', {
      Name: 'pembinaan-asn-dev-complaint-sweep',
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ComplaintSweeper'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'pembinaan-asn-dev-complaint-sweeper',
      ReservedConcurrentExecutions: 1,
    });
    dev.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ComplaintSweeper'), 'Arn'] },
    });
  });

  it('gives the sweeper time for a national calendar change (every agency recomputed)', () => {
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'pembinaan-asn-dev-complaint-sweeper',
      Timeout: 600,
    });
  });

  it('hands the national-calendar stewards to the API only when the context names them', () => {
    expect(functionEnv(prod.template, 'graphql').NATIONAL_CALENDAR_AGENCIES).toBeUndefined();
    const named = synthStack('prod', { ...PROD_CONTEXT, nationalCalendarAgencies: 'bkn,medan' });
    expect(functionEnv(named.template, 'graphql').NATIONAL_CALENDAR_AGENCIES).toBe('bkn,medan');
    expect(() => synthStack('prod', { ...PROD_CONTEXT, nationalCalendarAgencies: 'Not A List!' })).toThrow(
      /nationalCalendarAgencies/,
    );
  });

  it('encrypts the DLQ and refuses plain-HTTP access to it', () => {
    dev.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'pembinaan-asn-dev-aggregator-dlq',
      SqsManagedSseEnabled: true,
    });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('operations', () => {
  it.each([
    ['graphql-errors', 'Errors', 'AWS/Lambda'],
    ['graphql-throttles', 'Throttles', 'AWS/Lambda'],
    ['aggregator-errors', 'Errors', 'AWS/Lambda'],
    ['aggregator-throttles', 'Throttles', 'AWS/Lambda'],
    ['aggregator-iterator-age', 'IteratorAge', 'AWS/Lambda'],
    ['aggregator-dlq-depth', 'ApproximateNumberOfMessagesVisible', 'AWS/SQS'],
    ['complaint-sweeper-errors', 'Errors', 'AWS/Lambda'],
    ['table-read-throttles', 'ReadThrottleEvents', 'AWS/DynamoDB'],
    ['table-write-throttles', 'WriteThrottleEvents', 'AWS/DynamoDB'],
    ['api-5xx', '5XXError', 'AWS/ApiGateway'],
  ])('alarms on %s (%s) and notifies the alarm topic', (id, metricName, namespace) => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `pembinaan-asn-dev-${id}`,
      MetricName: metricName,
      Namespace: namespace,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
  });

  it('alarms on the DLQ as soon as one message is visible', () => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'pembinaan-asn-dev-aggregator-dlq-depth',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('encrypts the alarm topic with a rotated key CloudWatch may use, and enforces TLS', () => {
    dev.template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'pembinaan-asn-dev-alarms',
      KmsMasterKeyId: Match.anyValue(),
    });
    dev.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has a dashboard named after the stage', () => {
    prod.template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'pembinaan-asn-prod',
    });
  });
});
