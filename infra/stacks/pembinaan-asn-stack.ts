import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Aggregator } from '../constructs/aggregator';
import { Alarms } from '../constructs/alarms';
import { Api } from '../constructs/api';
import { Auth } from '../constructs/auth';
import { ComplaintSweeper } from '../constructs/complaint-sweeper';
import { OperationsDashboard } from '../constructs/dashboard';
import { GraphqlFunction } from '../constructs/graphql-function';
import { Imports } from '../constructs/imports';
import { ApiTable } from '../constructs/table';
import { Webhooks } from '../constructs/webhooks';
import type { StageConfig } from '../stage-config';

/** Props of {@link PembinaanAsnStack}. */
export interface PembinaanAsnStackProps extends StackProps {
  config: StageConfig;
}

/**
 * The whole system for one stage: table, identities, GraphQL function, stream aggregator, API
 * and operations. Environment-agnostic (no lookups), so `cdk synth` needs no AWS account.
 */
export class PembinaanAsnStack extends Stack {
  /** The stage settings the stack was built with. */
  readonly config: StageConfig;
  /** The single DynamoDB table. */
  readonly table: ApiTable;
  /** User pool, clients and the pre-token-generation trigger. */
  readonly auth: Auth;
  /** The GraphQL function and its cursor secret. */
  readonly graphql: GraphqlFunction;
  /** The stream aggregator and its dead-letter queue. */
  readonly aggregator: Aggregator;
  /** The scheduled complaint sweeper. */
  readonly complaintSweeper: ComplaintSweeper;
  /** REST API, usage plans and WAF. */
  readonly api: Api;
  /** Alarms and their topic. */
  readonly alarms: Alarms;
  /** Partner webhooks: fan-out, FIFO queue, dispatcher. */
  readonly webhooks: Webhooks;
  /** Upload bucket, queue and import function. */
  readonly imports: Imports;

  constructor(scope: Construct, id: string, props: PembinaanAsnStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    Tags.of(this).add('project', 'pembinaan-asn');
    Tags.of(this).add('stage', config.stage);

    this.table = new ApiTable(this, 'Data', { config });
    this.auth = new Auth(this, 'Auth', { config });
    this.graphql = new GraphqlFunction(this, 'GraphqlApi', {
      config,
      table: this.table,
      userPoolId: this.auth.userPool.userPoolId,
      clientIds: this.auth.apiClientIds,
      staffClientId: this.auth.staffClient.userPoolClientId,
    });
    this.aggregator = new Aggregator(this, 'StreamAggregator', { config, table: this.table });
    this.complaintSweeper = new ComplaintSweeper(this, 'ComplaintSweeper', { config, table: this.table });
    this.webhooks = new Webhooks(this, 'Webhooks', {
      config,
      table: this.table,
      cursorSecret: this.graphql.cursorSecret,
      graphqlFunction: this.graphql.lambda.fn,
      graphqlRole: this.graphql.lambda.role,
    });
    this.api = new Api(this, 'Api', {
      config,
      graphqlFunction: this.graphql.lambda.fn,
      userPool: this.auth.userPool,
    });
    const operations = {
      config,
      graphqlFunction: this.graphql.lambda.fn,
      aggregatorFunction: this.aggregator.lambda.fn,
      sweeperFunction: this.complaintSweeper.lambda.fn,
      table: this.table.table,
      deadLetterQueue: this.aggregator.deadLetterQueue,
      apiStage: this.api.restApi.deploymentStage,
      webhooks: {
        fanOut: this.webhooks.fanOut.fn,
        dispatcher: this.webhooks.dispatcher.fn,
        deadLetterQueue: this.webhooks.deadLetterQueue,
      },
    };
    this.alarms = new Alarms(this, 'Alarms', operations);
    this.imports = new Imports(this, 'Imports', { config, table: this.table, alarmTopic: this.alarms.topic });
    this.imports.grantUpload(this.graphql.lambda.role);
    this.graphql.lambda.fn.addEnvironment('IMPORT_BUCKET', this.imports.bucket.bucketName);
    new OperationsDashboard(this, 'Operations', { ...operations, alarms: [...this.alarms.alarms.values()] });

    this.addOutputs();
  }

  private addOutputs(): void {
    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('ApiUrl', this.api.restApi.url, 'Base URL of the API stage (append graphql)');
    output('GraphqlUrl', this.api.restApi.urlForPath('/graphql'), 'Staff and public GraphQL endpoint');
    output('PartnerGraphqlUrl', this.api.restApi.urlForPath('/partner/graphql'), 'Partner GraphQL endpoint');
    output('UserPoolId', this.auth.userPool.userPoolId, 'Cognito user pool of staff');
    output(
      'StaffClientId',
      this.auth.staffClient.userPoolClientId,
      'App client of the dashboard / staff SPA',
    );
    output(
      'TokenEndpoint',
      `${this.auth.domain.baseUrl()}/oauth2/token`,
      'OAuth2 token endpoint (partners: client credentials)',
    );
    output('HostedSignInUrl', this.auth.domain.baseUrl(), 'Cognito hosted sign-in domain');
    for (const [code, client] of this.auth.partnerClients) {
      output(`PartnerClientId${pascal(code)}`, client.userPoolClientId, `App client id of partner ${code}`);
    }
    for (const [code, key] of this.api.partnerApiKeys) {
      output(
        `PartnerApiKeyId${pascal(code)}`,
        key.keyId,
        `API key id of partner ${code} (value: get-api-key)`,
      );
    }
    output('TableName', this.table.table.tableName, 'DynamoDB table');
    output(
      'WebhookDlqUrl',
      this.webhooks.deadLetterQueue.queueUrl,
      'Dead-letter queue of webhook deliveries',
    );
    output('ImportsBucket', this.imports.bucket.bucketName, 'Bucket of uploaded import files');
    output(
      'ImportsDlqUrl',
      this.imports.deadLetterQueue.queueUrl,
      'Dead-letter queue of the import function',
    );
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'SNS topic of the alarms');
    output(
      'AggregatorDlqUrl',
      this.aggregator.deadLetterQueue.queueUrl,
      'Dead-letter queue of the aggregator',
    );
  }
}

/** `usu` -> `Usu`, `bkpsdm-medan` -> `BkpsdmMedan` (output ids are alphanumeric). */
function pascal(code: string): string {
  return code
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
