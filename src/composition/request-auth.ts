import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { createCognitoVerifier } from '../auth/cognito-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';

/**
 * The deployment's secrets: the cursor secret (signs pagination cursors, keys the hashes of client
 * addresses) and the key that seals webhook signing secrets (derived from the cursor secret where
 * none is given: local installations and tests).
 */
export interface DeploymentSecrets {
  cursorSecret: string;
  webhookSecretKey?: string | undefined;
}

/** What serving requests needs beyond the configuration: the secrets, and how tokens are verified. */
export interface RequestAuth extends DeploymentSecrets {
  verifier: TokenVerifier;
}

/** Secrets shorter than this are refused: an HMAC or sealing key must not be guessable. */
const MIN_SECRET_LENGTH = 32;

/** A secret's value: from the environment, else from Secrets Manager (read once per cold start). */
async function secretFrom(value: string | undefined, arn: string | undefined, name: string) {
  const found = value ?? (arn ? await getSecret(arn) : undefined);
  if (typeof found !== 'string' || found.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `Invalid configuration: ${name} or ${name}_ARN (${MIN_SECRET_LENGTH}+ characters) is required`,
    );
  }
  return found;
}

/**
 * A deployment's secrets: CURSOR_SECRET (or, in AWS, CURSOR_SECRET_ARN in Secrets Manager) and
 * WEBHOOK_SECRET_KEY (or _ARN), required where `webhookKey` says so (the webhook dispatcher opens
 * sealed secrets: a derived key there would differ from the API's).
 */
export async function deployedSecrets(
  config: Config,
  options: { webhookKey: 'required' | 'if-configured' } = { webhookKey: 'if-configured' },
): Promise<DeploymentSecrets> {
  const { secretKey, secretKeyArn } = config.webhooks;
  const webhookKeyGiven =
    options.webhookKey === 'required' || secretKey !== undefined || secretKeyArn !== undefined;
  return {
    cursorSecret: await secretFrom(config.cursorSecret, config.cursorSecretArn, 'CURSOR_SECRET'),
    webhookSecretKey: webhookKeyGiven
      ? await secretFrom(secretKey, secretKeyArn, 'WEBHOOK_SECRET_KEY')
      : undefined,
  };
}

/**
 * The request auth of a deployment: Cognito tokens (AUTH_MODE=cognito) and its secrets. The
 * Lambda entry points use this alone; `npm start` uses it too when AUTH_MODE=cognito and otherwise
 * the local dev issuer (src/local/local-request-auth.ts), which never ships to AWS.
 */
export async function deployedRequestAuth(config: Config): Promise<RequestAuth> {
  if (config.auth.mode !== 'cognito') {
    throw new Error(
      'Invalid configuration: deployed functions verify Cognito tokens only; set AUTH_MODE=cognito ' +
        'with COGNITO_USER_POOL_ID and COGNITO_CLIENT_IDS (the local dev issuer is for npm start)',
    );
  }
  const { userPoolId, clientIds, jwksJson } = config.auth;
  return {
    ...(await deployedSecrets(config)),
    verifier: createCognitoVerifier({ userPoolId, clientIds, jwksJson }),
  };
}
