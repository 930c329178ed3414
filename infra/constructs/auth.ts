import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { CfnPermission, Function as LambdaFunctionRef } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { STAFF_ROLES } from '../../src/auth/caller';
import type { StageConfig } from '../stage-config';
import { LambdaFunction } from './lambda-function';

/** The resource server's identifier; scopes read `pembinaan-asn/<scope>`. */
export const RESOURCE_SERVER_ID = 'pembinaan-asn';
/** The partner read scope (src/auth/token-claims.ts PARTNER_READ_SCOPE). */
export const ENROLLMENTS_READ_SCOPE = 'enrollments.read';
/** The partner scope for its webhook endpoints (src/auth/token-claims.ts PARTNER_WEBHOOKS_SCOPE). */
export const WEBHOOKS_MANAGE_SCOPE = 'webhooks.manage';

const GROUP_DESCRIPTIONS: Record<(typeof STAFF_ROLES)[number], string> = {
  ADMIN: 'Agency administrators (BKPSDM): agency-wide access',
  UNIT_HEAD: 'Unit heads (kepala unit): their own unit',
  EMPLOYEE: 'Employees (ASN): their own records',
};

/** Props of {@link Auth}. */
export interface AuthProps {
  config: StageConfig;
}

/**
 * Identities: the Cognito user pool for staff (groups = roles, custom attributes = tenancy,
 * copied into access tokens by the pre-token-generation trigger), the staff SPA client, the
 * `pembinaan-asn` resource server and one client-credentials app client per partner.
 */
export class Auth extends Construct {
  /** The user pool. */
  readonly userPool: UserPool;
  /** The dashboard / staff SPA client (authorization code + PKCE, no secret). */
  readonly staffClient: UserPoolClient;
  /** Partner machine clients by partner code. */
  readonly partnerClients: ReadonlyMap<string, UserPoolClient>;
  /** The API's resource server. */
  readonly resourceServer: UserPoolResourceServer;
  /** The hosted sign-in and token endpoint domain. */
  readonly domain: UserPoolDomain;
  /** The pre-token-generation trigger. */
  readonly preTokenGeneration: LambdaFunction;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { config } = props;
    const prod = config.stage === 'prod';

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${config.prefix}-users`,
      // Plus: threat protection (compromised credentials, adaptive authentication) for accounts
      // that see civil servants' personal data; it also carries access-token customization.
      featurePlan: FeaturePlan.PLUS,
      // Dev only records risk, so testers on shared machines are not locked out.
      standardThreatProtectionMode: prod
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : StandardThreatProtectionMode.AUDIT_ONLY,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // Tenancy comes from these; only admins set them (no app client may write them).
      // An agency, an employee record and a NIP never change for an account; the unit does.
      customAttributes: {
        agency_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        unit_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        employee_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        nip: new StringAttribute({ minLen: 18, maxLen: 18, mutable: false }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Required, TOTP only: staff see personal data, and SMS codes are phishable and cost money.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userVerification: {
        emailSubject: 'Verifikasi email Pembinaan ASN',
        emailBody: 'Kode verifikasi email Anda: {####}',
      },
      userInvitation: {
        emailSubject: 'Akun Pembinaan ASN Anda',
        emailBody:
          'Akun Pembinaan ASN Anda telah dibuat. Nama pengguna: {username}, kata sandi sementara: {####}',
      },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

    STAFF_ROLES.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        precedence,
      });
    });

    const enrollmentsRead = new ResourceServerScope({
      scopeName: ENROLLMENTS_READ_SCOPE,
      scopeDescription: "Read enrollment changes in the partner's own programs",
    });
    const webhooksManage = new ResourceServerScope({
      scopeName: WEBHOOKS_MANAGE_SCOPE,
      scopeDescription: "Manage the partner's own webhook endpoints (push of its enrollment changes)",
    });
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: `${config.prefix}-api`,
      scopes: [enrollmentsRead, webhooksManage],
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: `${config.cognitoDomainPrefix}-${config.stage}` },
    });

    this.staffClient = this.userPool.addClient('StaffClient', {
      userPoolClientName: `${config.prefix}-staff`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: config.dashboardOrigins.map((origin) => `${origin}/auth/callback`),
        logoutUrls: config.dashboardOrigins.map((origin) => `${origin}/`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // About a working day: staff sign in again each morning, and a stolen token dies by night.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, email: true }),
    });

    const partnerClients = new Map<string, UserPoolClient>();
    for (const partner of config.partners) {
      const client = this.userPool.addClient(`PartnerClient-${partner.code}`, {
        userPoolClientName: `${config.prefix}-partner-${partner.code}`,
        generateSecret: true,
        oAuth: {
          flows: { clientCredentials: true },
          // A partner asks for the scopes it needs in its token request (read only, or both).
          scopes: [
            OAuthScope.resourceServer(this.resourceServer, enrollmentsRead),
            OAuthScope.resourceServer(this.resourceServer, webhooksManage),
          ],
        },
        supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
        preventUserExistenceErrors: true,
      });
      partnerClients.set(partner.code, client);
    }
    this.partnerClients = partnerClients;

    this.preTokenGeneration = this.addPreTokenGeneration(config);
  }

  /** Every app client id the API accepts tokens from: the staff client, then each partner's. */
  get apiClientIds(): string[] {
    return [
      this.staffClient.userPoolClientId,
      ...[...this.partnerClients.values()].map((c) => c.userPoolClientId),
    ];
  }

  /**
   * The trigger gets the partner clients' ids, so it depends on the clients, which depend on the
   * pool. The pool therefore names the trigger by its (fixed) ARN instead of referencing it, which
   * would close a dependency cycle; the invoke permission depends on both and comes last.
   */
  private addPreTokenGeneration(config: StageConfig): LambdaFunction {
    const partnerClientsJson = `{${[...this.partnerClients.entries()]
      .map(([code, client]) => `"${client.userPoolClientId}":"${code}"`)
      .join(',')}}`;
    const trigger = new LambdaFunction(this, 'PreTokenGeneration', {
      config,
      name: 'pre-token-generation',
      description: `Pembinaan ASN access-token claims: tenancy for staff, partner id for partners (${config.stage})`,
      memorySize: 256,
      // Cognito gives a trigger 5 seconds.
      timeout: Duration.seconds(5),
      environment: { PARTNER_CLIENTS: partnerClientsJson },
    });
    const triggerArn = Stack.of(this).formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: trigger.functionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const byArn = LambdaFunctionRef.fromFunctionAttributes(this, 'PreTokenGenerationByArn', {
      functionArn: triggerArn,
      sameEnvironment: true,
      skipPermissions: true,
    });
    // V3_0 sends the user events (same shape as V2_0) and the client-credentials event.
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, byArn, LambdaVersion.V3_0);
    // addTrigger grants Cognito the invoke permission by the ARN alone; make CloudFormation create
    // that permission after the function it names.
    for (const child of this.userPool.node.children) {
      if (child instanceof CfnPermission) child.node.addDependency(trigger.fn);
    }
    return trigger;
  }
}
