import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS } from '../../infra/constructs/api-firewall';
import { CORS_ALLOW_HEADERS } from '../../src/server/cors';
import { devAndProd, functionEnv, PROD_CONTEXT, TWO_PARTNERS } from './synth-stack';

const { dev, prod } = devAndProd();
const stages = [
  { stage: 'dev', ...dev },
  { stage: 'prod', ...prod },
] as const;

describe('the REST API', () => {
  it.each(stages)(
    'throttles the $stage stage, logs access as JSON and traces with X-Ray',
    ({ stage, template }) => {
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: stage,
        TracingEnabled: true,
        AccessLogSetting: {
          DestinationArn: Match.anyValue(),
          Format: Match.serializedJson(
            Match.objectLike({ requestId: '$context.requestId', status: '$context.status' }),
          ),
        },
        MethodSettings: [
          Match.objectLike({
            HttpMethod: '*',
            ResourcePath: '/*',
            LoggingLevel: 'ERROR',
            DataTraceEnabled: false,
            ThrottlingRateLimit: Match.anyValue(),
            ThrottlingBurstLimit: Match.anyValue(),
          }),
        ],
      });
    },
  );

  it('is a regional REST API with binary media types for the playground fonts', () => {
    dev.template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
      BinaryMediaTypes: ['font/*', 'application/octet-stream'],
    });
  });

  it.each([
    ['GET', 'graphql'],
    ['POST', 'graphql'],
    ['GET', 'health'],
    ['GET', 'live'],
    ['GET', 'schema.graphql'],
  ])('proxies %s …/%s to the GraphQL function', (method, path) => {
    const [resourceId] = Object.keys(
      dev.template.findResources('AWS::ApiGateway::Resource', { Properties: { PathPart: path } }),
    );
    expect(resourceId).toBeDefined();
    dev.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: method,
      ResourceId: { Ref: resourceId },
      Integration: {
        Type: 'AWS_PROXY',
        IntegrationHttpMethod: 'POST',
        Uri: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^GraphqlApiGraphqlFunction'), 'Arn'] },
            ]),
          ],
        },
      },
    });
  });

  it('routes /health/live under /health, in prod as in dev', () => {
    const health = Object.keys(
      prod.template.findResources('AWS::ApiGateway::Resource', { Properties: { PathPart: 'health' } }),
    );
    prod.template.hasResourceProperties('AWS::ApiGateway::Resource', {
      PathPart: 'live',
      ParentId: { Ref: health[0] },
    });
  });

  it('routes the schema download in dev only; prod, with introspection off, has no such path', () => {
    const schemaRoute = { Properties: { PathPart: 'schema.graphql' } };
    expect(Object.keys(dev.template.findResources('AWS::ApiGateway::Resource', schemaRoute))).toHaveLength(1);
    expect(Object.keys(prod.template.findResources('AWS::ApiGateway::Resource', schemaRoute))).toHaveLength(
      0,
    );
  });

  it.each(stages)('answers an unknown path with 404, as the local server does ($stage)', ({ template }) => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
    });
  });

  it('validates POST bodies as GraphQL requests', () => {
    dev.template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    dev.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestModels: { 'application/json': { Ref: Match.stringLikeRegexp('GraphqlRequest') } },
      RequestValidatorId: Match.anyValue(),
    });
  });

  it('requires an API key and a Cognito token with the partner scope on POST /partner/graphql', () => {
    dev.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      ApiKeyRequired: true,
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['pembinaan-asn/enrollments.read'],
    });
  });

  it('gives every partner its own usage plan and API key with its rate, burst and monthly quota', () => {
    dev.template.resourceCountIs('AWS::ApiGateway::UsagePlan', TWO_PARTNERS.length);
    dev.template.resourceCountIs('AWS::ApiGateway::ApiKey', TWO_PARTNERS.length);
    dev.template.resourceCountIs('AWS::ApiGateway::UsagePlanKey', TWO_PARTNERS.length);
    for (const partner of TWO_PARTNERS) {
      dev.template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
        UsagePlanName: `pembinaan-asn-dev-partner-${partner.code}`,
        Throttle: { RateLimit: partner.rateLimit, BurstLimit: partner.burstLimit },
        Quota: { Limit: partner.quotaPerMonth, Period: 'MONTH' },
        ApiStages: [Match.objectLike({ Stage: { Ref: Match.stringLikeRegexp('DeploymentStagedev') } })],
      });
    }
  });

  it('answers CORS preflight for the dashboard origins with GET, POST and the headers the local server allows', () => {
    prod.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: {
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': `'${PROD_CONTEXT.dashboardOrigins[0]}'`,
              'method.response.header.Access-Control-Allow-Methods': "'GET,POST,OPTIONS'",
              'method.response.header.Access-Control-Allow-Headers': `'${CORS_ALLOW_HEADERS.join(',')}'`,
            }),
          }),
        ],
      },
    });
  });

  it('puts a regional WAF web ACL with a rate rule and the AWS managed rule groups on the stage', () => {
    dev.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RateLimitPerIp',
          Action: { Block: {} },
          Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) },
        }),
        ...MANAGED_RULE_GROUPS.map((name) =>
          Match.objectLike({
            Statement: { ManagedRuleGroupStatement: Match.objectLike({ VendorName: 'AWS', Name: name }) },
          }),
        ),
      ]),
    });
    dev.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: {
        'Fn::Join': ['', Match.arrayWith([{ Ref: Match.stringLikeRegexp('DeploymentStagedev') }])],
      },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebAcl'), 'Arn'] },
    });
  });
});

describe('the Cognito user pool', () => {
  it('is on the Plus plan with MFA, a strong password policy, email recovery and no self sign-up', () => {
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      DeletionProtection: 'ACTIVE',
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      DeletionProtection: 'INACTIVE',
    });
  });

  it('carries the tenancy custom attributes, immutable except the unit', () => {
    const attribute = (name: string, mutable: boolean) =>
      Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: mutable });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        attribute('agency_id', false),
        attribute('unit_id', true),
        attribute('employee_id', false),
        attribute('nip', false),
      ]),
    });
  });

  it('has the ADMIN, UNIT_HEAD and EMPLOYEE groups', () => {
    for (const group of ['ADMIN', 'UNIT_HEAD', 'EMPLOYEE']) {
      dev.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    dev.template.resourceCountIs('AWS::Cognito::UserPoolGroup', 3);
  });

  it('calls the pre-token-generation trigger with V3_0 events, by the function name', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaVersion: 'V3_0',
          LambdaArn: {
            'Fn::Join': ['', Match.arrayWith([':function:pembinaan-asn-dev-pre-token-generation'])],
          },
        },
      },
    });
    dev.template.hasResource('AWS::Lambda::Permission', {
      Properties: Match.objectLike({
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuthUserPool'), 'Arn'] },
      }),
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^AuthPreTokenGenerationFunction')]),
    });
  });

  it('maps each partner app client id to its partner code for the trigger', () => {
    const json = JSON.stringify(functionEnv(dev.template, 'pre-token-generation').PARTNER_CLIENTS);
    expect(json).toContain('PartnerClientusu');
    expect(json).toContain('\\":\\"usu\\"');
    expect(json).toContain('\\":\\"unsri\\"');
  });

  it('has the pembinaan-asn resource server with the enrollments.read and webhooks.manage scopes and a stage domain', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'pembinaan-asn',
      Scopes: [
        Match.objectLike({ ScopeName: 'enrollments.read' }),
        Match.objectLike({ ScopeName: 'webhooks.manage' }),
      ],
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'pembinaan-asn-dev' });
  });

  it('has a public staff client: authorization code (PKCE), one-hour access tokens, refresh', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'pembinaan-asn-dev-staff',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AccessTokenValidity: 60,
      RefreshTokenValidity: Match.anyValue(),
      EnableTokenRevocation: true,
      CallbackURLs: ['http://localhost:5173/auth/callback'],
      WriteAttributes: ['email', 'name'],
    });
  });

  it('has one confidential client-credentials client per partner, with only the partner scopes', () => {
    for (const partner of TWO_PARTNERS) {
      dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ClientName: `pembinaan-asn-dev-partner-${partner.code}`,
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [
          { 'Fn::Join': ['', [Match.anyValue(), '/enrollments.read']] },
          { 'Fn::Join': ['', [Match.anyValue(), '/webhooks.manage']] },
        ],
      });
    }
  });

  it('outputs the pool, the clients, the API URL and each partner API key id', () => {
    const outputs = Object.keys(dev.template.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'UserPoolId',
        'StaffClientId',
        'TokenEndpoint',
        'PartnerClientIdUsu',
        'PartnerClientIdUnsri',
        'PartnerApiKeyIdUsu',
        'PartnerApiKeyIdUnsri',
      ]),
    );
  });
});
