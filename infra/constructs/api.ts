import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  type IApiKey,
  type IModel,
  JsonSchemaType,
  LambdaIntegration,
  LogGroupLogDestination,
  type Method,
  MethodLoggingLevel,
  Period,
  RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, PREFLIGHT_MAX_AGE_SECONDS } from '../../src/server/cors';
import type { StageConfig } from '../stage-config';
import { ApiFirewall } from './api-firewall';
import { ENROLLMENTS_READ_SCOPE, RESOURCE_SERVER_ID } from './auth';

/** Props of {@link Api}. */
export interface ApiProps {
  config: StageConfig;
  graphqlFunction: IFunction;
  userPool: IUserPool;
}

/** One access-log line per request, as JSON (CloudWatch Logs Insights reads the fields). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  apiKeyId: '$context.identity.apiKeyId',
  wafStatus: '$context.waf.status',
  errorMessage: '$context.error.message',
  xrayTraceId: '$context.xrayTraceId',
};

/**
 * The public face: an API Gateway REST API (payload format 1.0, as DESIGN.md decides) proxying to
 * the GraphQL function. Staff and the public use `/graphql`; partners use `/partner/graphql` with
 * an API key (their usage plan: rate, burst, monthly quota) and a Cognito access token carrying
 * `pembinaan-asn/enrollments.read`. WAF, stage throttling, JSON access logs and X-Ray in front.
 */
export class Api extends Construct {
  /** The REST API. */
  readonly restApi: RestApi;
  /** Partner API keys by partner code. */
  readonly partnerApiKeys: ReadonlyMap<string, IApiKey>;
  /** The web ACL in front of the stage. */
  readonly firewall: ApiFirewall;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${config.prefix}-access`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });

    this.restApi = new RestApi(this, 'RestApi', {
      restApiName: `${config.prefix}-api`,
      description: `Pembinaan ASN GraphQL API (${config.stage})`,
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // The GraphiQL fonts and any other binary file the playground serves.
      binaryMediaTypes: ['font/*', 'application/octet-stream'],
      // Execution logs (ERROR level) need the account's API Gateway CloudWatch role.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: config.stage,
        throttlingRateLimit: config.apiThrottle.rateLimit,
        throttlingBurstLimit: config.apiThrottle.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        // Request and response bodies carry personal data; never into execution logs.
        dataTraceEnabled: false,
        metricsEnabled: true,
      },
      // The same preflight answer as the local server's (src/server/cors.ts).
      defaultCorsPreflightOptions: {
        allowOrigins: config.dashboardOrigins,
        allowMethods: [...CORS_ALLOW_METHODS],
        allowHeaders: [...CORS_ALLOW_HEADERS],
        maxAge: Duration.seconds(PREFLIGHT_MAX_AGE_SECONDS),
      },
    });
    // The stack names its own URL outputs; drop the unnamed duplicate RestApi adds.
    this.restApi.node.tryRemoveChild('Endpoint');
    Validations.of(this.restApi).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-level API Gateway logging role uses the AWS policy made for exactly that role; ' +
        'API Gateway names its own log groups, so a narrower customer policy cannot be written ahead.',
    });

    const integration = new LambdaIntegration(props.graphqlFunction, { proxy: true, allowTestInvoke: false });
    const bodyValidated = this.graphqlBodyValidation();
    const root = this.restApi.root;

    const graphql = root.addResource('graphql');
    const health = root.addResource('health');
    const publicMethods = [
      // GET: GraphiQL page in dev, and GET queries; POST: every GraphQL operation.
      graphql.addMethod('GET', integration),
      graphql.addMethod('POST', integration, bodyValidated),
      // Readiness (the table answers) and liveness, as under npm start (src/server/static-routes.ts).
      health.addMethod('GET', integration),
      health.addResource('live').addMethod('GET', integration),
    ];
    if (config.playground) {
      publicMethods.push(
        root.addResource('playground').addResource('{proxy+}').addMethod('GET', integration),
        // The SDL download exists where introspection is on; elsewhere it is an unknown path (404).
        graphql.addResource('schema.graphql').addMethod('GET', integration),
      );
    }
    // An unknown path is 404, as locally, not REST API's 403 "Missing Authentication Token".
    this.restApi.addGatewayResponse('UnknownPath', {
      type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
      statusCode: '404',
      templates: { 'application/json': '{"message":"Not found"}' },
    });
    for (const method of publicMethods) this.acknowledgeAuthInLambda(method);

    const partnerAuthorizer = new CognitoUserPoolsAuthorizer(this, 'PartnerAuthorizer', {
      authorizerName: `${config.prefix}-partners`,
      cognitoUserPools: [props.userPool],
      resultsCacheTtl: Duration.minutes(5),
    });
    root
      .addResource('partner')
      .addResource('graphql')
      .addMethod('POST', integration, {
        ...bodyValidated,
        apiKeyRequired: true,
        authorizer: partnerAuthorizer,
        authorizationType: AuthorizationType.COGNITO,
        authorizationScopes: [`${RESOURCE_SERVER_ID}/${ENROLLMENTS_READ_SCOPE}`],
      });

    const keys = new Map<string, IApiKey>();
    for (const partner of config.partners) {
      const plan = this.restApi.addUsagePlan(`UsagePlan-${partner.code}`, {
        name: `${config.prefix}-partner-${partner.code}`,
        description: `${partner.name}: partner access to enrollment data`,
        throttle: { rateLimit: partner.rateLimit, burstLimit: partner.burstLimit },
        quota: { limit: partner.quotaPerMonth, period: Period.MONTH },
        apiStages: [{ api: this.restApi, stage: this.restApi.deploymentStage }],
      });
      const key = this.restApi.addApiKey(`ApiKey-${partner.code}`, {
        apiKeyName: `${config.prefix}-partner-${partner.code}`,
        description: `API key of ${partner.name}`,
      });
      plan.addApiKey(key);
      keys.set(partner.code, key);
    }
    this.partnerApiKeys = keys;

    this.firewall = new ApiFirewall(this, 'Firewall', { config, stage: this.restApi.deploymentStage });
  }

  /** POST bodies must be a GraphQL request object; API Gateway rejects anything else for free. */
  private graphqlBodyValidation(): {
    requestValidator: RequestValidator;
    requestModels: Record<string, IModel>;
  } {
    const model = this.restApi.addModel('GraphqlRequest', {
      modelName: 'GraphqlRequest',
      contentType: 'application/json',
      description: 'A GraphQL-over-HTTP request body',
      schema: {
        type: JsonSchemaType.OBJECT,
        minProperties: 1,
        properties: {
          query: { type: JsonSchemaType.STRING, maxLength: 100_000 },
          operationName: { type: [JsonSchemaType.STRING, JsonSchemaType.NULL], maxLength: 256 },
          variables: { type: [JsonSchemaType.OBJECT, JsonSchemaType.NULL] },
          extensions: { type: [JsonSchemaType.OBJECT, JsonSchemaType.NULL] },
        },
      },
    });
    const requestValidator = new RequestValidator(this, 'BodyValidator', {
      restApi: this.restApi,
      requestValidatorName: 'graphql-request',
      validateRequestBody: true,
      // No method declares required parameters today; on, so any that are added are enforced.
      validateRequestParameters: true,
    });
    return { requestValidator, requestModels: { 'application/json': model } };
  }

  /** Tokens are verified in the function (aws-jwt-verify), and some callers have none at all. */
  private acknowledgeAuthInLambda(method: Method): void {
    const reason =
      'Public by design (DESIGN.md, Auth): anonymous feedback and the health check need no token; ' +
      'staff bearer tokens are verified inside the function with aws-jwt-verify (signature, issuer, ' +
      'expiry, client id) and every operation is authorized in the services.';
    Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason });
  }
}
