import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { createCognitoVerifier } from '../auth/cognito-verifier';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';

/**
 * What serving requests needs beyond the configuration: how bearer tokens are verified, and the
 * secret that signs pagination cursors (it also keys the hashes of client addresses).
 */
export interface RequestAuth {
  verifier: TokenVerifier;
  cursorSecret: string;
}

/** Secrets shorter than this are refused: the cursor HMAC key must not be guessable. */
const MIN_SECRET_LENGTH = 32;

/**
 * The request auth of a deployment: Cognito tokens (AUTH_MODE=cognito) and the cursor secret from
 * CURSOR_SECRET or, in AWS, from Secrets Manager (CURSOR_SECRET_ARN, read once per cold start).
 * The Lambda entry points use this alone; `npm start` uses it too when AUTH_MODE=cognito and
 * otherwise the local dev issuer (src/local/local-request-auth.ts), which never ships to AWS.
 */
export async function deployedRequestAuth(config: Config): Promise<RequestAuth> {
  if (config.auth.mode !== 'cognito') {
    throw new Error(
      'Invalid configuration: deployed functions verify Cognito tokens only; set AUTH_MODE=cognito ' +
        'with COGNITO_USER_POOL_ID and COGNITO_CLIENT_IDS (the local dev issuer is for npm start)',
    );
  }
  const cursorSecret =
    config.cursorSecret ?? (config.cursorSecretArn ? await getSecret(config.cursorSecretArn) : undefined);
  if (typeof cursorSecret !== 'string' || cursorSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `Invalid configuration: AUTH_MODE=cognito needs CURSOR_SECRET or CURSOR_SECRET_ARN (${MIN_SECRET_LENGTH}+ characters)`,
    );
  }
  const { userPoolId, clientIds, jwksJson } = config.auth;
  return { verifier: createCognitoVerifier({ userPoolId, clientIds, jwksJson }), cursorSecret };
}
